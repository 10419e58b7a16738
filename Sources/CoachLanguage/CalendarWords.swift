/// Calendar vocabulary in English, Spanish, French, German, Portuguese and Italian (normalized spellings).
enum CalendarWords {
    /// Month names and abbreviations, with their number.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "enero", "janvier", "januar", "janner", "janeiro", "gennaio"],
            ["february", "feb", "febrero", "fevrier", "februar", "fevereiro", "febbraio"],
            ["march", "mar", "marzo", "mars", "marz", "marco"],
            ["april", "apr", "abril", "avril", "aprile"],
            ["may", "mayo", "mai", "maio", "maggio"],
            ["june", "jun", "junio", "juin", "juni", "junho", "giugno"],
            ["july", "jul", "julio", "juillet", "juli", "julho", "luglio"],
            ["august", "aug", "agosto", "aout"],
            ["september", "sep", "sept", "septiembre", "setiembre", "septembre", "setembro", "settembre"],
            ["october", "oct", "octubre", "octobre", "oktober", "outubro", "ottobre"],
            ["november", "nov", "noviembre", "novembre", "novembro"],
            ["december", "dec", "diciembre", "decembre", "dezember", "dezembro", "dicembre"],
        ]
        return Dictionary(names.enumerated().flatMap { month, words in words.map { ($0, month + 1) } }) { first, _ in
            first
        }
    }()

    /// Month names that are also everyday words ("I may", "march on"): they need a date-like neighbour.
    static let ambiguousMonths: Set<String> = ["may", "march", "mar", "jan", "sept", "mai"]

    /// A unit of time in a relative date ("in 18 months").
    enum Unit: Sendable {
        case day, week, month, year, decade
    }

    /// Time-unit words, singular and plural.
    static let units: [String: Unit] = {
        let words: [(Unit, [String])] = [
            (.day, ["day", "days", "dia", "dias", "jour", "jours", "tag", "tage", "tagen", "giorno", "giorni"]),
            (
                .week,
                [
                    "week", "weeks", "wk", "wks", "semana", "semanas", "semaine", "semaines", "woche", "wochen",
                    "settimana", "settimane",
                ]
            ),
            (
                .month,
                [
                    "month", "months", "mo", "mos", "mth", "mths", "mes", "meses", "mois", "monat", "monate", "monaten",
                    "mese", "mesi",
                ]
            ),
            (
                .year,
                [
                    "year", "years", "yr", "yrs", "ano", "anos", "an", "ans", "annee", "annees", "jahr", "jahre",
                    "jahren",
                    "jahres", "anno", "anni",
                ]
            ),
            (
                .decade,
                [
                    "decade", "decades", "decada", "decadas", "decennie", "jahrzehnt", "jahrzehnten", "decennio",
                    "decenni",
                ]
            ),
        ]
        return Dictionary(uniqueKeysWithValues: words.flatMap { unit, names in names.map { ($0, unit) } })
    }()

    /// Words before a relative duration: "in 5 years", "within 3 years", "dans 2 ans", "in 3 Jahren".
    static let relativeLeads: Set<String> = [
        "in", "within", "en", "dans", "em", "tra", "fra", "innerhalb", "over", "after", "dentro", "despues", "apres",
        "nach", "depois",
    ]

    /// Words that may sit between a lead and its number: "in the next 5 years", "in about 3 years".
    static let relativeFillers: Set<String> = [
        "the", "next", "about", "around", "roughly", "approximately", "approx", "like", "another", "just", "maybe",
        "los", "las", "proximos", "proximas", "unos", "unas", "von", "les", "prochains", "prochaines", "nachsten",
        "os", "i", "prossimi", "circa", "environ", "etwa", "cerca", "de",
    ]

    /// Words after a duration that make it relative to now: "5 years from now".
    static let fromNow = PhraseTable<Bool>(
        ["from now", "from today", "out", "a partir de hoy", "desde hoy"].map { ($0, true) })

    /// Words after a duration that put it in the past: "2 years ago".
    static let ago: Set<String> = ["ago", "atras", "hace"]

    /// "next" in each language, before or after the unit.
    static let next: Set<String> = [
        "next", "coming", "following", "proximo", "proxima", "prochain", "prochaine", "nachste", "nachsten",
        "nachstes", "nachster", "prossimo", "prossima",
    ]

    /// "this" in each language.
    static let this: Set<String> = [
        "this", "current", "este", "esta", "ce", "cette", "cet", "dieses", "diesen", "dieser", "diese", "questo",
        "questa", "neste", "nesta", "deste", "desta",
    ]

    /// Phrases that mean "next" after the unit: "el año que viene", "ano que vem".
    static let nextAfterUnit = PhraseTable<Bool>(
        ["que viene", "que vem", "prochain", "prochaine", "prossimo", "prossima", "proximo", "proxima"].map {
            ($0, true)
        })

    /// Words before a bare month or year that make it a date: "by June", "in 2030", "bis 2030".
    static let dateLeads: Set<String> = [
        "by", "in", "until", "till", "til", "before", "around", "during", "for", "of", "from", "since", "through",
        "en", "para", "antes", "hasta", "de", "dans", "avant", "jusqu", "ici", "pour", "bis", "im", "vor", "um",
        "ab", "em", "ate", "entro", "a", "per", "nel", "di", "this", "next", "early", "late", "mid", "year", "to", "it",
    ]
}

extension CalendarWords {
    /// "and a half" after a duration, in six languages: "a year and a half", "un año y medio".
    static let andAHalf = PhraseTable<Bool>(
        [
            "and a half", "and half", "y medio", "y media", "et demi", "et demie", "e meio", "e meia", "e mezzo",
            "und ein halb",
        ]
        .map { ($0, true) })
}
