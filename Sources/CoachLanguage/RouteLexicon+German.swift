extension RouteLexicon {
    /// German (normalized: "ü" → "u", "ß" → "ss").
    static let german: [(String, CoachIntent, Double)] = [
        ("hallo", .greeting, 1), ("guten tag", .greeting, 1.2), ("guten morgen", .greeting, 1.2),
        ("guten abend", .greeting, 1.2), ("moin", .greeting, 1), ("servus", .greeting, 1),
        ("gruss gott", .greeting, 1.2),
        ("danke", .thanks, 1.3), ("vielen dank", .thanks, 1.5), ("danke schon", .thanks, 1.5),
        ("dankeschon", .thanks, 1.5), ("tschuss", .farewell, 1.5), ("auf wiedersehen", .farewell, 1.5),
        ("bis bald", .farewell, 1.4), ("bis spater", .farewell, 1.4), ("das wars", .farewell, 1.3),
        ("gute nacht", .farewell, 1.2), ("wie geht es dir", .smallTalk, 1.3), ("wie gehts", .smallTalk, 1.3),
        ("wer bist du", .smallTalk, 1.4), ("wie hoch", .analysis, 1.5), ("wie viel", .analysis, 1.2),
        ("wieviel", .analysis, 1.2), ("was ist mein", .analysis, 1.6), ("was sind meine", .analysis, 1.6),
        ("zeig mir", .analysis, 1.5), ("zeige mir", .analysis, 1.5), ("wie steht", .analysis, 1.5),
        ("wie stehe ich", .analysis, 1.8), ("ubersicht", .analysis, 1.4), ("soll ich", .advice, 2),
        ("sollte ich", .advice, 2), ("was soll ich", .advice, 2.1), ("ratschlag", .advice, 1.5), ("rat", .advice, 1.1),
        ("tipps", .advice, 1.4), ("empfiehlst", .advice, 1.6), ("empfehlung", .advice, 1.3),
        ("wie kann ich", .advice, 1.7), ("lohnt es sich", .advice, 1.7), ("ist es besser", .advice, 1.9),
        ("besser", .advice, 0.8), ("oder", .advice, 0.5), ("ich will", .goal, 0.9), ("ich mochte", .goal, 0.9),
        ("sparen fur", .goal, 1.7), ("mein ziel", .goal, 1.7), ("ziel", .goal, 1.2), ("sparen", .goal, 0.6),
    ]
}
