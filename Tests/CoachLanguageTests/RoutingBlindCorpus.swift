import CoachLanguage

/// A third labelled set, written last and run once: no feature was changed after seeing its results, so its accuracy
/// is the estimate to quote for messages nobody has seen.
enum RoutingBlindCorpus {
    static let proposal = "Should I save \"Trip to Japan\" ($6,000 by 2027-07-31) as a goal?"
    static let spendingTalk = ["how much did I spend eating out?", "You spent $412 on restaurants in October."]

    static let examples: [RoutingExample] = [
        RoutingExample("what's in my checking account", .analyzeFinances, .analysis),
        RoutingExample("how much interest am I paying on my car loan", .analyzeFinances, .analysis),
        RoutingExample("did my net worth go up this year?", .analyzeFinances, .analysis),
        RoutingExample("what percent of my income goes to rent", .analyzeFinances, .analysis),
        RoutingExample("how diversified am I", .analyzeFinances, .analysis),
        RoutingExample("run the numbers on my retirement", .analyzeFinances, .analysis),
        RoutingExample("spending report for last month please", .analyzeFinances, .analysis),
        RoutingExample("do I have enough saved for emergencies", .analyzeFinances, .analysis),
        RoutingExample("what should my emergency fund be", .getAdvice, .advice),
        RoutingExample("should I sell my stocks", .getAdvice, .advice),
        RoutingExample("how do I stop overspending", .getAdvice, .advice),
        RoutingExample("avalanche or snowball?", .getAdvice, .advice),
        RoutingExample("what's a good savings rate for someone like me", .getAdvice, .advice),
        RoutingExample("how can we afford daycare", .getAdvice, .advice),
        RoutingExample("is paying off my mortgage early a good idea", .getAdvice, .advice),
        RoutingExample("where should I put my emergency savings", .getAdvice, .advice),
        RoutingExample("I want to save $8,000 for a new roof by spring", .discussGoals, .goal),
        RoutingExample("my wife and I want to buy our first home in 2029", .discussGoals, .goal),
        RoutingExample("I plan to clear my student debt within 4 years", .discussGoals, .goal),
        RoutingExample("we are saving 200 a week for a trip to Mexico", .discussGoals, .goal),
        RoutingExample("I'd like a car fund, maybe $12k", .discussGoals, .goal),
        RoutingExample("set a goal: retire by 62", .discussGoals, .goal),
        RoutingExample("I really want to get out of credit card debt this year", .discussGoals, .goal),
        RoutingExample("hey", .end, .greeting),
        RoutingExample("hi hi", .end, .greeting),
        RoutingExample("thanks so much!", .end, .thanks),
        RoutingExample("later!", .end, .farewell),
        RoutingExample("bye for now", .end, .farewell),
        RoutingExample("what's your name?", .end, .smallTalk),
        RoutingExample("hello, can you check my spending?", .analyzeFinances, .analysis),
        RoutingExample("yes do it", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("ok sure", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("no, not right now", .discussGoals, .decline, after: [proposal]),
        RoutingExample("change the amount to 8k", .discussGoals, .decline, after: [proposal]),
        RoutingExample("and on groceries?", .analyzeFinances, .analysis, after: spendingTalk),
        RoutingExample("¿cuánto tengo en deudas?", .analyzeFinances, .analysis),
        RoutingExample("¿debería invertir en fondos indexados?", .getAdvice, .advice),
        RoutingExample("quiero pagar mi tarjeta de crédito en seis meses", .discussGoals, .goal),
        RoutingExample("je voudrais acheter une maison dans cinq ans", .discussGoals, .goal),
        RoutingExample("bonne journée, merci", .end, .farewell),
        RoutingExample("Was soll ich mit meinem Bonus machen?", .getAdvice, .advice),
        RoutingExample("quanto gastei com restaurantes?", .analyzeFinances, .analysis),
        RoutingExample("grazie!", .end, .thanks),
        RoutingExample("whats my spendin on takeout", .analyzeFinances, .analysis),
        RoutingExample("shld i pay off my car", .getAdvice, .advice),
    ]
}
