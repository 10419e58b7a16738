extension RouteLexicon {
    /// Spanish (normalized: no accents, "¿" dropped).
    static let spanish: [(String, CoachIntent, Double)] = [
        ("hola", .greeting, 1), ("buenos dias", .greeting, 1.2), ("buenas tardes", .greeting, 1.2),
        ("buenas noches", .greeting, 1), ("buenas", .greeting, 0.9), ("gracias", .thanks, 1.3),
        ("muchas gracias", .thanks, 1.5), ("te lo agradezco", .thanks, 1.5), ("adios", .farewell, 1.5),
        ("hasta luego", .farewell, 1.5), ("hasta pronto", .farewell, 1.5), ("chao", .farewell, 1.3),
        ("nos vemos", .farewell, 1.4), ("eso es todo", .farewell, 1.3), ("como estas", .smallTalk, 1.3),
        ("que tal", .smallTalk, 0.9), ("quien eres", .smallTalk, 1.4), ("que puedes hacer", .smallTalk, 1.4),
        ("cual es mi", .analysis, 1.6), ("cuales son mis", .analysis, 1.6), ("cuanto", .analysis, 0.9),
        ("cuanto tengo", .analysis, 1.5), ("cuanto gaste", .analysis, 1.7), ("cuanto gasto", .analysis, 1.5),
        ("cuanto debo", .analysis, 1.6), ("muestrame", .analysis, 1.5), ("ensename", .analysis, 1.4),
        ("como voy", .analysis, 1.8), ("como van", .analysis, 1.5), ("como esta mi", .analysis, 1.6),
        ("resumen", .analysis, 1.2), ("analiza", .analysis, 1.5), ("deberia", .advice, 2), ("debo", .advice, 0.9),
        ("que me recomiendas", .advice, 2.3), ("recomiendas", .advice, 1.6), ("recomendacion", .advice, 1.3),
        ("consejo", .advice, 1.5), ("consejos", .advice, 1.5), ("como puedo", .advice, 1.7), ("es mejor", .advice, 1.8),
        ("vale la pena", .advice, 1.7), ("me conviene", .advice, 1.7), ("que hago", .advice, 1.7),
        ("quiero", .goal, 0.9), ("quiero ahorrar", .goal, 1.6), ("quiero comprar", .goal, 1.5),
        ("ahorrar para", .goal, 1.7), ("mi meta", .goal, 1.7), ("meta", .goal, 1.2), ("objetivo", .goal, 1.2),
        ("me gustaria", .goal, 0.9), ("planeo", .goal, 1), ("ahorrar", .goal, 0.6),
    ]
}
