import CoachLanguage

/// One labelled message for the router, with the turns before it.
struct RoutingExample: Sendable, CustomStringConvertible {
    let text: String
    let route: CoachRoute
    let intent: CoachIntent
    let recent: [String]

    init(_ text: String, _ route: CoachRoute, _ intent: CoachIntent, after recent: [String] = []) {
        self.text = text
        self.route = route
        self.intent = intent
        self.recent = recent
    }

    var description: String { text }
}

/// The labelled routing set: plain English, slang, misspellings, five other languages, greetings with questions,
/// and replies after a proposal. Written as people write, not as the lexicons spell.
enum RoutingCorpus {
    static let proposal = "I can save \"Wedding\" ($20,000 by 2028-06-30) as a goal. Shall I save it?"
    static let goalTalk = ["I want to save for a house", "Great! How much do you need, and by when?"]
    static let analysisTalk = [
        "what's my net worth", "Your net worth is $84,200: $120,000 in assets and $35,800 in debts.",
    ]

    static let examples: [RoutingExample] =
        required + analysis + advice + goals + social + replies + otherLanguages
        + slang

    static let required: [RoutingExample] = [
        RoutingExample("what's my net worth", .analyzeFinances, .analysis),
        RoutingExample("I want to save $20,000 for a wedding by June 2028", .discussGoals, .goal),
        RoutingExample("should I pay off my loans or invest", .getAdvice, .advice),
        RoutingExample("thanks, bye", .end, .farewell),
    ]

    static let analysis: [RoutingExample] = [
        "What is my net worth?", "how much did I spend last month?", "where does my money go",
        "show me my spending by category", "how am I doing financially?", "give me an overview of my finances",
        "what's my savings rate", "how much do I have in savings", "how much debt do I have",
        "what do I owe on my credit cards", "what's my debt to income ratio", "is my emergency fund big enough?",
        "how many months of expenses do I have saved", "how's my portfolio allocation looking",
        "am I paying too much in fees?", "what are the expense ratios on my funds", "am I on track for retirement?",
        "how are my goals going", "what subscriptions am I paying for", "list my recurring charges",
        "what's my cash flow this month", "how much income did I make this year", "check my spending on restaurants",
        "did I spend more than last month?", "what's my total balance", "how much is my 401k worth",
        "break down my expenses", "analyze my finances", "can you show me my net worth trend",
        "how much am I saving each month", "what will my retirement look like",
        "how much have I paid in interest this year", "my spending", "how close am I to my house goal?",
        "compare my spending to last month",
    ].map { RoutingExample($0, .analyzeFinances, .analysis) }

    static let advice: [RoutingExample] = [
        "Should I pay off my credit card or build an emergency fund first?", "what should I do with my bonus",
        "how can I save more money", "any tips to cut my spending?",
        "is it better to pay off my mortgage early or invest?", "what do you recommend for my 401k",
        "should I refinance my student loans", "how do I start investing", "can I afford a house?",
        "is it smart to lease a car", "what's the best way to pay down debt", "how should I allocate my savings",
        "help me lower my monthly bills", "should we open a roth ira", "do you think I should buy or rent",
        "which debt should I pay first", "how do i get out of debt faster", "any advice on budgeting?",
        "is it worth it to consolidate my loans", "what would you do in my position",
        "how can I improve my credit score", "should i put more into my 401k or my roth",
        "give me some suggestions to reduce fees", "what's the smartest way to use a $10k windfall",
        "how to build wealth in my 30s", "is now a good time to buy stocks",
        "recommend a strategy for paying off my cards", "should I keep cash or invest it",
        "how much should I save for retirement", "how do I save for a house",
    ].map { RoutingExample($0, .getAdvice, .advice) }

    static let goals: [RoutingExample] = [
        "I'd like to buy a house in the next 5 years", "we're saving for a down payment",
        "I want to pay off my student loans by 2030", "new goal: emergency fund of 6 months expenses",
        "I want to retire at 55", "my goal is to have $1 million by 50", "help me set a goal for a trip to Japan",
        "I'm planning to get married next year", "saving up for a new car, about 25k",
        "I want to start a college fund for my kids", "we want to go to Europe next summer",
        "I need to build an emergency fund", "I want to be debt free in 3 years",
        "put aside 500 a month for a vacation", "i wanna buy a condo by 2029",
        "planning to retire early, maybe in 15 years", "I want to save 10k by christmas",
        "update my goal to $25,000", "change my wedding goal date to next fall",
        "Our top priority is paying off the credit card", "I hope to buy a home someday",
        "i want to save for my retirment", "I'd love to take a year off to travel",
        "I want to invest $5,000 this year", "add a goal for a new laptop", "we want to have a baby in two years",
        "I'd like to have 6 months of expenses saved", "trying to save up for a honeymoon",
        "I don't want to buy a house anymore, I'd rather travel", "My daughter starts college in 2031",
    ].map { RoutingExample($0, .discussGoals, .goal) }

    static let social: [RoutingExample] = [
        RoutingExample("hi", .end, .greeting), RoutingExample("hello there", .end, .greeting),
        RoutingExample("hey!", .end, .greeting), RoutingExample("good morning", .end, .greeting),
        RoutingExample("thank you so much", .end, .thanks), RoutingExample("thx!", .end, .thanks),
        RoutingExample("thanks for the help", .end, .thanks), RoutingExample("that was really helpful", .end, .thanks),
        RoutingExample("appreciate it", .end, .thanks), RoutingExample("cheers mate", .end, .thanks),
        RoutingExample("thanks for the advice", .end, .thanks),
        RoutingExample("bye", .end, .farewell), RoutingExample("goodbye!", .end, .farewell),
        RoutingExample("see you later", .end, .farewell), RoutingExample("that's all for today", .end, .farewell),
        RoutingExample("I'm done, thanks", .end, .farewell), RoutingExample("talk to you later", .end, .farewell),
        RoutingExample("have a nice day", .end, .farewell), RoutingExample("good night", .end, .farewell),
        RoutingExample("how are you?", .end, .smallTalk), RoutingExample("who are you", .end, .smallTalk),
        RoutingExample("what can you do?", .end, .smallTalk), RoutingExample("tell me a joke", .end, .smallTalk),
        RoutingExample("are you a robot?", .end, .smallTalk), RoutingExample("lol", .end, .smallTalk),
        RoutingExample("nice weather today", .end, .smallTalk), RoutingExample("what's up", .end, .smallTalk),
        RoutingExample("hi, what's my net worth?", .analyzeFinances, .analysis),
        RoutingExample("hey, should I invest in index funds?", .getAdvice, .advice),
        RoutingExample("hello! I want to save for a house", .discussGoals, .goal),
        RoutingExample("thanks! how much did I spend on food?", .analyzeFinances, .analysis),
        RoutingExample("good morning, any advice on paying down my debt?", .getAdvice, .advice),
    ]

    static let replies: [RoutingExample] = [
        RoutingExample("yes", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("yes please", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("sounds good", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("save it", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("sure, go ahead", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("yep", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("ok", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("perfect, thanks", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("sí, guárdalo", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("oui", .discussGoals, .confirm, after: [proposal]),
        RoutingExample("no", .discussGoals, .decline, after: [proposal]),
        RoutingExample("not now", .discussGoals, .decline, after: [proposal]),
        RoutingExample("no thanks", .discussGoals, .decline, after: [proposal]),
        RoutingExample("change it to $25k", .discussGoals, .decline, after: [proposal]),
        RoutingExample("make it 30k instead", .discussGoals, .decline, after: [proposal]),
        RoutingExample("actually, make it 2029", .discussGoals, .decline, after: [proposal]),
        RoutingExample("don't save it", .discussGoals, .decline, after: [proposal]),
        RoutingExample("maybe later", .discussGoals, .decline, after: [proposal]),
        RoutingExample("nein danke", .discussGoals, .decline, after: [proposal]),
        RoutingExample("yes", .discussGoals, .confirm),
        RoutingExample("how about in 3 years?", .discussGoals, .goal, after: goalTalk),
        RoutingExample("what about $30k?", .discussGoals, .goal, after: goalTalk),
        RoutingExample("around 60k by 2030", .discussGoals, .goal, after: goalTalk),
        RoutingExample("and what about my spending?", .analyzeFinances, .analysis, after: analysisTalk),
        RoutingExample("and my debts?", .analyzeFinances, .analysis, after: analysisTalk),
        RoutingExample("what about last year?", .analyzeFinances, .analysis, after: analysisTalk),
    ]

    static let otherLanguages: [RoutingExample] = [
        RoutingExample("¿cuál es mi patrimonio neto?", .analyzeFinances, .analysis),
        RoutingExample("quiero ahorrar para una casa", .discussGoals, .goal),
        RoutingExample("¿cuánto gasté el mes pasado?", .analyzeFinances, .analysis),
        RoutingExample("¿debería pagar mis deudas o invertir?", .getAdvice, .advice),
        RoutingExample("hola", .end, .greeting),
        RoutingExample("gracias, adiós", .end, .farewell),
        RoutingExample("¿qué me recomiendas para ahorrar más?", .getAdvice, .advice),
        RoutingExample("mi meta es comprar un coche en dos años", .discussGoals, .goal),
        RoutingExample("¿cuánto debo en mi tarjeta de crédito?", .analyzeFinances, .analysis),
        RoutingExample("merci, au revoir", .end, .farewell),
        RoutingExample("quel est mon patrimoine net ?", .analyzeFinances, .analysis),
        RoutingExample("je veux économiser pour un voyage au Japon", .discussGoals, .goal),
        RoutingExample("devrais-je rembourser mon prêt ou investir ?", .getAdvice, .advice),
        RoutingExample("bonjour", .end, .greeting),
        RoutingExample("combien j'ai dépensé ce mois-ci ?", .analyzeFinances, .analysis),
        RoutingExample("quels sont mes frais ?", .analyzeFinances, .analysis),
        RoutingExample("Wie hoch sind meine Schulden?", .analyzeFinances, .analysis),
        RoutingExample("Hallo", .end, .greeting),
        RoutingExample("Danke, tschüss", .end, .farewell),
        RoutingExample("Soll ich meinen Kredit abbezahlen oder investieren?", .getAdvice, .advice),
        RoutingExample("Ich möchte für ein Haus sparen", .discussGoals, .goal),
        RoutingExample("Wie viel habe ich letzten Monat ausgegeben?", .analyzeFinances, .analysis),
        RoutingExample("Was ist mein Nettovermögen?", .analyzeFinances, .analysis),
        RoutingExample("qual é o meu patrimônio líquido?", .analyzeFinances, .analysis),
        RoutingExample("obrigado, tchau", .end, .farewell),
        RoutingExample("quero economizar para a aposentadoria", .discussGoals, .goal),
        RoutingExample("devo pagar minhas dívidas ou investir?", .getAdvice, .advice),
        RoutingExample("olá", .end, .greeting),
        RoutingExample("quanto gastei este mês?", .analyzeFinances, .analysis),
        RoutingExample("qual è il mio patrimonio netto?", .analyzeFinances, .analysis),
        RoutingExample("grazie mille, arrivederci", .end, .farewell),
        RoutingExample("voglio risparmiare per un matrimonio", .discussGoals, .goal),
        RoutingExample("dovrei pagare il mutuo o investire?", .getAdvice, .advice),
        RoutingExample("buongiorno", .end, .greeting),
        RoutingExample("quanto ho speso questo mese?", .analyzeFinances, .analysis),
    ]

    static let slang: [RoutingExample] = [
        RoutingExample("yo whats my nw", .analyzeFinances, .analysis),
        RoutingExample("how much $$ did i blow on food lol", .analyzeFinances, .analysis),
        RoutingExample("im broke lol what do i do", .getAdvice, .advice),
        RoutingExample("retirment savings on track?", .analyzeFinances, .analysis),
        RoutingExample("shuld i pay of my morgage early", .getAdvice, .advice),
        RoutingExample("wanna buy a crib in 2 yrs", .discussGoals, .goal),
        RoutingExample("hw much do i owe on my cc", .analyzeFinances, .analysis),
        RoutingExample("my spendng this month?", .analyzeFinances, .analysis),
        RoutingExample("invst or pay debt??", .getAdvice, .advice),
        RoutingExample("thnx bye", .end, .farewell),
        RoutingExample("wats my net worht", .analyzeFinances, .analysis),
        RoutingExample("gimme my networth pls", .analyzeFinances, .analysis),
        RoutingExample("tryna save 5k for vegas", .discussGoals, .goal),
        RoutingExample("r my investmnts doing ok", .analyzeFinances, .analysis),
        RoutingExample("need advise on my credit card debt", .getAdvice, .advice),
        RoutingExample("wut should i do w my tax refund", .getAdvice, .advice),
        RoutingExample("emergancy fund status", .analyzeFinances, .analysis),
        RoutingExample("cya", .end, .farewell),
    ]
}
