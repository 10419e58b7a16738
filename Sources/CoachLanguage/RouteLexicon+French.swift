extension RouteLexicon {
    /// French (normalized: no accents, elisions split: "j'ai" → "j ai").
    static let french: [(String, CoachIntent, Double)] = [
        ("bonjour", .greeting, 1), ("salut", .greeting, 1), ("bonsoir", .greeting, 1), ("coucou", .greeting, 1),
        ("merci", .thanks, 1.3), ("merci beaucoup", .thanks, 1.5), ("au revoir", .farewell, 1.5),
        ("a bientot", .farewell, 1.4), ("a plus", .farewell, 1.1), ("bonne journee", .farewell, 1.3),
        ("bonne soiree", .farewell, 1.3), ("c est tout", .farewell, 1.3), ("comment ca va", .smallTalk, 1.3),
        ("ca va", .smallTalk, 0.8), ("qui es tu", .smallTalk, 1.4), ("quel est mon", .analysis, 1.6),
        ("quelle est ma", .analysis, 1.6), ("quels sont mes", .analysis, 1.6), ("quelles sont mes", .analysis, 1.6),
        ("combien", .analysis, 0.9), ("combien ai je", .analysis, 1.6), ("combien j ai", .analysis, 1.6),
        ("combien je", .analysis, 1.3), ("montre moi", .analysis, 1.5), ("ou en suis je", .analysis, 1.8),
        ("resume", .analysis, 1.2), ("analyse", .analysis, 1.5), ("devrais je", .advice, 2), ("je devrais", .advice, 2),
        ("dois je", .advice, 1.7), ("conseil", .advice, 1.5), ("conseils", .advice, 1.5),
        ("que me conseilles tu", .advice, 2.3), ("conseilles", .advice, 1.6), ("recommandes", .advice, 1.6),
        ("comment puis je", .advice, 1.7), ("comment faire", .advice, 1.4), ("vaut il mieux", .advice, 1.9),
        ("est ce mieux", .advice, 1.7), ("mieux", .advice, 0.8), ("je veux", .goal, 0.9), ("je voudrais", .goal, 0.9),
        ("epargner pour", .goal, 1.7), ("economiser pour", .goal, 1.7), ("mon objectif", .goal, 1.7),
        ("objectif", .goal, 1.2), ("epargner", .goal, 0.6), ("economiser", .goal, 0.6),
    ]
}
