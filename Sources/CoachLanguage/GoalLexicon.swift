/// What a goal phrase means.
struct GoalPhrase: Sendable {
    var kind: GoalKind
    var title: String
    /// A noun ("house", "wedding") that names a goal only next to a goal cue ("want", "save", an amount).
    var isWeak = false
    /// A verb that makes its object a debt: "pay off my car" is a car loan, not a car.
    var isDebtVerb = false
}

/// Goal phrases in English, Spanish, French, German, Portuguese and Italian, with English titles.
enum GoalLexicon {
    static let table = PhraseTable<GoalPhrase>(
        strong.flatMap { kind, title, phrases in phrases.map { ($0, GoalPhrase(kind: kind, title: title)) } }
            + weak.flatMap { kind, title, phrases in
                phrases.map { ($0, GoalPhrase(kind: kind, title: title, isWeak: true)) }
            }
            + debtVerbs.map { ($0, GoalPhrase(kind: .debtPayoff, title: "Pay off debt", isDebtVerb: true)) })

    /// Phrases that name a goal on their own.
    private static let strong: [(GoalKind, String, [String])] = [
        (
            .emergencyFund, "Emergency fund",
            ["emergency fund", "emergency savings", "emergency cushion", "emergency money"]
        ),
        (.emergencyFund, "Rainy day fund", ["rainy day fund", "rainy day savings", "rainy day"]),
        (.emergencyFund, "Safety net", ["safety net"]),
        (
            .emergencyFund, "Emergency fund",
            [
                "fondo de emergencia", "fonds d urgence", "epargne de precaution", "notgroschen", "notfallfonds",
                "notreserve", "reserva de emergencia", "fundo de emergencia", "fondo di emergenza",
            ]
        ),
        (.retirement, "Retirement", ["retire", "retirement", "retiring", "retirement fund", "retirement savings"]),
        (.retirement, "Early retirement", ["retire early", "early retirement", "retiring early"]),
        (.retirement, "Financial independence", ["financial independence", "financially independent"]),
        (
            .retirement, "Retirement",
            [
                "jubilarme", "jubilacion", "jubilarse", "retirarme", "retraite", "prendre ma retraite", "ruhestand",
                "in rente gehen", "aposentadoria", "me aposentar", "aposentar", "pensione", "andare in pensione",
            ]
        ),
        (
            .homePurchase, "Buy a home",
            [
                "buy a house", "buy a home", "buy a place", "buying a house", "buying a home", "purchase a home",
                "purchase a house", "buy our first home", "own a home", "own home", "homeowner", "get a mortgage",
                "buy my own place", "comprar una casa", "comprar casa", "comprar un piso", "acheter une maison",
                "acheter un logement", "haus kaufen", "eigenheim", "comprar uma casa", "comprare casa",
                "comprare una casa",
            ]
        ),
        (.homePurchase, "First home", ["first home", "first house", "my first home"]),
        (.homePurchase, "Buy a condo", ["buy a condo", "buying a condo"]),
        (
            .homePurchase, "Buy an apartment",
            ["buy an apartment", "buy a flat", "acheter un appartement", "wohnung kaufen", "comprare un appartamento"]
        ),
        (
            .homePurchase, "Down payment on a home",
            [
                "down payment", "downpayment", "house deposit", "deposit on a house", "deposit for a house",
                "deposit for a home", "enganche", "cuota inicial", "apport", "anzahlung", "entrada da casa", "anticipo",
            ]
        ),
        (.debtPayoff, "Pay off credit card debt", ["credit card debt", "credit card balance", "card debt"]),
        (.debtPayoff, "Pay off student loans", ["student loans", "student loan", "student debt"]),
        (.debtPayoff, "Pay off car loan", ["car loan", "auto loan", "car payment", "car note"]),
        (.debtPayoff, "Pay off medical debt", ["medical debt", "medical bills"]),
        (.debtPayoff, "Pay off personal loan", ["personal loan"]),
        (
            .debtPayoff, "Become debt-free",
            ["debt free", "get out of debt", "out of debt", "libre de deudas", "schuldenfrei"]
        ),
        (
            .education, "College fund",
            ["college fund", "college savings", "529 plan", "education fund", "education savings"]
        ),
        (.education, "Kids' education", ["kids education", "childrens education", "childs education", "kids college"]),
        (.education, "Grad school", ["grad school", "graduate school", "masters degree", "mba"]),
        (.vehicle, "New car", ["new car", "buy a car", "buying a car", "car fund", "replace my car", "another car"]),
        (.travel, "Honeymoon", ["honeymoon"]),
        (.travel, "Trip", ["trip to", "travel to", "a trip", "go traveling", "travel the world", "backpacking"]),
        (.wedding, "Wedding", ["get married", "getting married", "our wedding", "my wedding", "the wedding"]),
        (.wedding, "Engagement ring", ["engagement ring"]),
        (
            .wedding, "Wedding",
            ["casarme", "casarnos", "marier", "heiraten", "casar", "sposarmi", "sposarci", "nous marier"]
        ),
        (.investment, "Start investing", ["start investing", "begin investing", "invest more"]),
        (.investment, "Build wealth", ["build wealth", "grow my wealth", "generational wealth"]),
        (.investment, "Passive income", ["passive income"]),
        (
            .other, "Start a business",
            ["start a business", "open a business", "my own business", "start my own business"]
        ),
        (.other, "Home renovation", ["home renovation", "renovate", "renovation", "remodel", "new kitchen"]),
        (.other, "Baby", ["have a baby", "having a baby", "a baby"]),
        (.other, "Sabbatical", ["sabbatical", "take a year off", "career break"]),
    ]

    /// Nouns that name a goal only with a goal cue nearby.
    private static let weak: [(GoalKind, String, [String])] = [
        (.emergencyFund, "Emergency fund", ["cushion", "buffer"]),
        (.retirement, "Retirement", ["fire", "401k", "401(k)", "roth ira", "ira", "pension", "rente"]),
        (
            .homePurchase, "Buy a home",
            ["house", "home", "casa", "maison", "haus", "logement", "piso", "property", "place of my own"]
        ),
        (.homePurchase, "Buy a condo", ["condo"]),
        (.homePurchase, "Buy an apartment", ["apartment", "appartement", "wohnung", "appartamento", "apartamento"]),
        (
            .debtPayoff, "Pay off credit card debt",
            [
                "credit card", "credit cards", "tarjeta de credito", "carte de credit", "kreditkarte",
                "cartao de credito", "carta di credito",
            ]
        ),
        (.debtPayoff, "Pay off mortgage", ["mortgage", "hipoteca", "hypotheque", "hypothek", "mutuo"]),
        (
            .debtPayoff, "Pay off loans",
            ["loans", "loan", "prestamo", "prestamos", "pret", "kredit", "emprestimo", "prestito"]
        ),
        (
            .debtPayoff, "Pay off debt",
            ["debt", "debts", "deuda", "deudas", "dette", "dettes", "schulden", "divida", "dividas", "debiti"]
        ),
        (.education, "College", ["college", "tuition", "529", "school"]),
        (
            .education, "University",
            ["university", "universidad", "universite", "universitat", "studium", "faculdade", "universita"]
        ),
        (
            .education, "Education",
            ["education", "educacion", "estudios", "etudes", "ausbildung", "educacao", "istruzione"]
        ),
        (.vehicle, "New car", ["car", "coche", "carro", "voiture", "auto", "macchina", "vehicle"]),
        (.vehicle, "New truck", ["truck"]),
        (.vehicle, "Motorcycle", ["motorcycle", "moto", "motorbike"]),
        (
            .travel, "Vacation",
            ["vacation", "holiday", "vacaciones", "vacances", "urlaub", "ferias", "vacanza", "vacanze"]
        ),
        (
            .travel, "Travel",
            ["travel", "traveling", "travelling", "trip", "viaje", "voyage", "reise", "viagem", "viaggio"]
        ),
        (.wedding, "Wedding", ["wedding", "boda", "mariage", "hochzeit", "casamento", "matrimonio", "nozze"]),
        (
            .investment, "Investing",
            [
                "invest", "investing", "investment", "investments", "index funds", "stock market", "brokerage",
                "invertir", "investir", "investieren", "anlegen", "investire",
            ]
        ),
    ]

    /// Verbs whose object is a debt to clear.
    private static let debtVerbs = [
        "pay off", "paying off", "pay down", "paying down", "payoff", "pay back", "paying back", "repay", "get rid of",
        "eliminate", "wipe out", "knock out", "clear my", "kill my", "liquidar", "saldar", "rembourser", "abbezahlen",
        "tilgen", "quitar", "estinguere", "saldare",
    ]

    /// What a goal on a debt verb becomes: "pay off my car" → "Pay off car loan".
    static let debtTitles: [GoalKind: String] = [
        .vehicle: "Pay off car loan", .homePurchase: "Pay off mortgage", .education: "Pay off student loans",
    ]
}
