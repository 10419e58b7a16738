extension RouteLexicon {
    /// Italian (normalized: "è" → "e").
    static let italian: [(String, CoachIntent, Double)] = [
        ("ciao", .greeting, 1), ("buongiorno", .greeting, 1.2), ("buonasera", .greeting, 1.2), ("salve", .greeting, 1),
        ("grazie", .thanks, 1.3), ("grazie mille", .thanks, 1.5), ("arrivederci", .farewell, 1.5),
        ("a presto", .farewell, 1.4), ("ci vediamo", .farewell, 1.4), ("buonanotte", .farewell, 1.2),
        ("come stai", .smallTalk, 1.3), ("come va", .smallTalk, 1.2), ("qual e il mio", .analysis, 1.6),
        ("quali sono i miei", .analysis, 1.6), ("quanto ho speso", .analysis, 1.7), ("quanto ho", .analysis, 1.4),
        ("mostrami", .analysis, 1.5), ("come sto andando", .analysis, 1.8), ("riepilogo", .analysis, 1.2),
        ("dovrei", .advice, 2), ("cosa mi consigli", .advice, 2.3), ("mi consigli", .advice, 1.9),
        ("consigli", .advice, 1.5), ("consiglio", .advice, 1.5), ("come posso", .advice, 1.7),
        ("conviene", .advice, 1.6),
        ("e meglio", .advice, 1.7), ("voglio", .goal, 0.9), ("vorrei", .goal, 0.9), ("voglio risparmiare", .goal, 1.6),
        ("risparmiare per", .goal, 1.7), ("il mio obiettivo", .goal, 1.7), ("obiettivo", .goal, 1.2),
        ("risparmiare", .goal, 0.6),
    ]
}
