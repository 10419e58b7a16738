extension RouteLexicon {
    /// Portuguese (normalized: "ã" → "a", "ç" → "c").
    static let portuguese: [(String, CoachIntent, Double)] = [
        ("ola", .greeting, 1), ("oi", .greeting, 1), ("bom dia", .greeting, 1.2), ("boa tarde", .greeting, 1.2),
        ("boa noite", .greeting, 1), ("obrigado", .thanks, 1.3), ("obrigada", .thanks, 1.3),
        ("muito obrigado", .thanks, 1.5), ("muito obrigada", .thanks, 1.5), ("valeu", .thanks, 1.2),
        ("tchau", .farewell, 1.5), ("ate logo", .farewell, 1.5), ("ate mais", .farewell, 1.4),
        ("adeus", .farewell, 1.5),
        ("tudo bem", .smallTalk, 0.9), ("como vai", .smallTalk, 1.2), ("qual e o meu", .analysis, 1.6),
        ("qual e a minha", .analysis, 1.6), ("qual e meu", .analysis, 1.6), ("quais sao", .analysis, 1.3),
        ("quanto", .analysis, 0.9), ("quanto gastei", .analysis, 1.7), ("quanto devo", .analysis, 1.6),
        ("quanto tenho", .analysis, 1.5), ("quanto eu devo", .analysis, 1.8),
        ("quanto eu tenho", .analysis, 1.7), ("quanto eu gastei", .analysis, 1.8), ("me mostra", .analysis, 1.5),
        ("mostre", .analysis, 1.3),
        ("como estou", .analysis, 1.7), ("resumo", .analysis, 1.2), ("devo", .advice, 1.2), ("deveria", .advice, 2),
        ("o que voce recomenda", .advice, 2.3), ("recomenda", .advice, 1.6), ("conselho", .advice, 1.5),
        ("dica", .advice, 1.3), ("dicas", .advice, 1.4), ("como posso", .advice, 1.7), ("vale a pena", .advice, 1.7),
        ("e melhor", .advice, 1.7), ("ou", .advice, 0.5), ("quero", .goal, 0.9), ("quero economizar", .goal, 1.6),
        ("quero poupar", .goal, 1.6), ("quero comprar", .goal, 1.5), ("economizar para", .goal, 1.7),
        ("poupar para", .goal, 1.7), ("minha meta", .goal, 1.7), ("meta", .goal, 1.2), ("gostaria de", .goal, 0.9),
    ]
}
