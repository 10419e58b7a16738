/// A holiday people set targets by.
enum Holiday: Sendable {
    /// The same day every year.
    case fixed(month: Int, day: Int)
    /// US Thanksgiving: the fourth Thursday of November.
    case thanksgiving
    /// The day after US Thanksgiving.
    case blackFriday
}

/// A season of the northern hemisphere, by the month it starts in.
enum Season: Int, Sendable {
    case spring = 3
    case summer = 6
    case fall = 9
    case winter = 12
}

/// Where in a period a date falls: "the beginning of", "mid", "the end of".
enum PeriodPart: Sendable {
    case start, early, middle, end
}

extension CalendarWords {
    /// Holidays in six languages.
    static let holidays = PhraseTable<Holiday>([
        ("christmas", .fixed(month: 12, day: 25)), ("christmas day", .fixed(month: 12, day: 25)),
        ("christmas eve", .fixed(month: 12, day: 24)), ("navidad", .fixed(month: 12, day: 25)),
        ("noel", .fixed(month: 12, day: 25)), ("weihnachten", .fixed(month: 12, day: 25)),
        ("natal", .fixed(month: 12, day: 25)), ("natale", .fixed(month: 12, day: 25)),
        ("new years eve", .fixed(month: 12, day: 31)), ("silvester", .fixed(month: 12, day: 31)),
        ("nochevieja", .fixed(month: 12, day: 31)), ("new year", .fixed(month: 1, day: 1)),
        ("new years", .fixed(month: 1, day: 1)), ("new years day", .fixed(month: 1, day: 1)),
        ("ano nuevo", .fixed(month: 1, day: 1)), ("nouvel an", .fixed(month: 1, day: 1)),
        ("neujahr", .fixed(month: 1, day: 1)), ("ano novo", .fixed(month: 1, day: 1)),
        ("capodanno", .fixed(month: 1, day: 1)), ("halloween", .fixed(month: 10, day: 31)),
        ("valentines day", .fixed(month: 2, day: 14)), ("valentines", .fixed(month: 2, day: 14)),
        ("tax day", .fixed(month: 4, day: 15)), ("independence day", .fixed(month: 7, day: 4)),
        ("thanksgiving", .thanksgiving), ("black friday", .blackFriday),
    ])

    /// Seasons in six languages.
    static let seasons: [String: Season] = [
        "spring": .spring, "summer": .summer, "fall": .fall, "autumn": .fall, "winter": .winter,
        "primavera": .spring, "verano": .summer, "otono": .fall, "invierno": .winter,
        "printemps": .spring, "ete": .summer, "automne": .fall, "hiver": .winter,
        "fruhling": .spring, "fruhjahr": .spring, "sommer": .summer, "herbst": .fall,
        "verao": .summer, "outono": .fall, "inverno": .winter, "estate": .summer, "autunno": .fall,
    ]

    /// Season names that are also everyday words ("fall behind", "real estate"): they need a lead or a year.
    static let ambiguousSeasons: Set<String> = ["fall", "spring", "estate"]

    /// Phrases naming a part of a period, before it: "end of 2028", "mid next year", "finales de junio".
    static let periodParts = PhraseTable<PeriodPart>(
        [
            ("beginning of", .start), ("start of", .start), ("early", .early), ("mid", .middle), ("middle of", .middle),
            ("late", .end), ("end of", .end), ("principios de", .start), ("inicios de", .start),
            ("comienzos de", .start), ("mediados de", .middle), ("fin de", .end), ("finales de", .end),
            ("final de", .end), ("debut", .start), ("debut de", .start), ("milieu de", .middle), ("fin", .end),
            ("anfang", .start), ("mitte", .middle), ("ende", .end), ("inicio de", .start), ("meados de", .middle),
            ("fim de", .end), ("inizio", .start), ("inizio di", .start), ("fine", .end), ("fine di", .end),
        ]
    )

    /// Words between a period part and its period: "the end of the year", "fin de l'année", "Ende des Jahres".
    static let periodConnectors: Set<String> = [
        "the", "of", "de", "del", "la", "l", "des", "du", "der", "di", "do", "da", "dell", "el", "o", "a", "il",
        "ce", "cette", "this", "dieses", "este", "esta", "deste", "desse", "questo", "des", "current",
    ]

    /// Whole phrases for the end of the current year.
    static let yearEnd = PhraseTable<Bool>(
        ["year end", "yearend", "eoy", "fin de ano", "fin d annee", "jahresende"].map { ($0, true) })

    /// The words of these tables, for ``Vocabulary``.
    static var words: Set<String> {
        Set(months.keys).union(units.keys).union(relativeLeads).union(next).union(this).union(seasons.keys)
            .union(holidays.words).union(periodParts.words).union(nextAfterUnit.words).union(ago)
    }
}
