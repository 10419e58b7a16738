/// The words around amounts: currencies, money shorthands, rates, and what makes a number not an amount.
enum AmountWords {
    /// Symbols and words naming a currency, with its ISO 4217 code ("$" is read as US dollars).
    static let currencies: [String: String] = [
        "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD", "buck": "USD",
        "dolar": "USD", "dolares": "USD", "dollari": "USD",
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
        "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP", "sterling": "GBP",
        "¥": "JPY", "yen": "JPY", "jpy": "JPY", "cad": "CAD", "aud": "AUD", "chf": "CHF", "reais": "BRL", "brl": "BRL",
    ]

    /// Shorthands after digits: "20k", "5 grand", "$1.5M", "2 bn". "k" and "grand" only ever mean money.
    static let shorthandScales: [String: (value: Double, meansMoney: Bool)] = [
        "k": (1_000, true), "grand": (1_000, true), "thousand": (1_000, false),
        "m": (1_000_000, false), "mm": (1_000_000, false), "mil": (1_000_000, false), "mill": (1_000_000, false),
        "mln": (1_000_000, false), "million": (1_000_000, false), "millions": (1_000_000, false),
        "b": (1_000_000_000, false), "bn": (1_000_000_000, false), "billion": (1_000_000_000, false),
        "hundred": (100, false),
    ]

    /// Languages in which "mil" after digits is a thousand ("20 mil euros"), not an English million.
    static let thousandMilLanguages: Set<String> = ["es", "pt"]

    /// What follows an amount to make it recur.
    static let rates = PhraseTable<AmountRate>(
        [
            "/ month", "/ mo", "/ mth", "/ m", "a month", "per month", "each month", "every month", "monthly",
            "a mo", "per mo", "al mes", "por mes", "cada mes", "mensuales", "mensual", "par mois", "chaque mois",
            "mensuel", "mensuels", "pro monat", "im monat", "monatlich", "jeden monat", "ao mes", "mensais",
            "al mese", "ogni mese", "mensili", "a mese",
        ].map { ($0, .month) }
            + [
                "/ year", "/ yr", "/ y", "a year", "per year", "each year", "every year", "yearly", "annually",
                "per annum", "a yr", "per yr", "al ano", "por ano", "anuales", "par an", "chaque annee", "pro jahr",
                "jahrlich", "im jahr", "ao ano", "all anno", "annui", "l anno",
            ].map { ($0, .year) }
            + [
                "/ week", "/ wk", "a week", "per week", "each week", "every week", "weekly", "a wk", "por semana",
                "par semaine", "pro woche", "wochentlich", "alla settimana", "a settimana",
            ].map { ($0, .week) }
    )

    /// What follows a number to make it a percentage.
    static let percentSigns = PhraseTable<Bool>(
        ["%", "percent", "per cent", "pct", "por ciento", "pour cent", "prozent", "por cento", "per cento"].map {
            ($0, true)
        }
    )

    /// Words after a number that make it a duration or an age, not an amount: "5 years", "34 years old".
    static let timeUnits: Set<String> = [
        "year", "years", "yr", "yrs", "y", "yo", "month", "months", "mo", "mos", "mth", "week", "weeks", "wk", "wks",
        "day", "days", "hour", "hours", "minute", "minutes", "decade", "decades", "old", "ano", "anos", "an", "ans",
        "annee", "annees", "jahr", "jahre", "jahren", "anno", "anni", "mes", "meses", "mois", "monat", "monate",
        "monaten", "mese", "mesi", "semana", "semanas", "semaine", "semaines", "woche", "wochen", "dia", "dias",
        "jour", "jours", "tag", "tage", "tagen", "giorno", "giorni",
    ]

    /// Words just before a bare number that make it an age or a count of years: "I'm 34", "retire at 60".
    static let ageCues: Set<String> = [
        "am", "age", "aged", "turning", "turn", "turned", "at", "tengo", "ai", "bin", "tenho", "ho",
    ]

    /// Ordinal endings attached to digits: "5th", "1st", "1er", "2º".
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "eme", "e", "º", "ª"]

    /// Retirement and college accounts named by numbers: "401k", "403b", "457b", "529".
    static let accountNumbers: [String: Set<String>] = ["401": ["k"], "403": ["b"], "457": ["b"]]
}
