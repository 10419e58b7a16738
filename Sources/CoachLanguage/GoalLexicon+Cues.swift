extension GoalLexicon {
    /// Words that make a nearby noun a goal: wanting, planning, saving, buying.
    static let cues = PhraseTable<Bool>(
        [
            "want", "would like", "like to", "love to", "hope", "hoping", "plan", "planning", "plans", "goal", "goals",
            "dream", "save", "saving", "save up", "need", "afford", "buy", "buying", "purchase", "pay", "paying",
            "fund", "target", "aim", "aiming", "trying", "working toward", "working towards", "put aside", "set aside",
            "put away", "going to", "prepare", "build", "start", "get", "someday", "eventually", "one day", "will",
            "quiero", "quisiera", "me gustaria", "ahorrar", "comprar", "pagar", "meta", "objetivo", "planeo",
            "veux", "voudrais", "aimerais", "epargner", "economiser", "acheter", "objectif", "mochte", "sparen",
            "kaufen", "ziel", "quero", "gostaria", "poupar", "economizar", "voglio", "vorrei", "risparmiare",
            "comprare", "pagare", "obiettivo", "planejo",
        ].map { ($0, true) })

    /// Verbs of saving: "save $10k", "ahorrar".
    static let savingVerbs: Set<String> = [
        "save", "saving", "ahorrar", "ahorro", "epargner", "economiser", "sparen", "poupar", "economizar",
        "risparmiare",
    ]

    /// Verbs that set money aside before "for <something>": "save $3k for a new couch", "put money aside for…".
    static let setAsideVerbs = savingVerbs.union(["put", "set"])

    /// "for" in each language.
    static let purposeWords: Set<String> = ["for", "para", "pour", "fur", "per"]

    /// Articles and possessives skipped before a goal's name.
    static let determiners: Set<String> = [
        "a", "an", "the", "my", "our", "some", "un", "una", "une", "el", "la", "le", "les", "mi", "mis", "mon", "ma",
        "mes", "ein", "eine", "einen", "mein", "meine", "meinen", "um", "uma", "o", "meu", "minha", "il", "lo",
        "mio", "mia", "new", "nuevo", "nueva",
    ]

    /// How much a goal matters, from the words around it (1 is the highest).
    static let priorities = PhraseTable<Int>(
        [
            "most important", "top priority", "number one priority", "first priority", "main goal", "main priority",
            "biggest priority", "highest priority", "priority number one", "priority one", "urgent", "urgently",
            "asap", "as soon as possible", "right away", "immediately", "first of all", "most of all",
            "mas importante", "lo mas importante", "prioridad principal", "urgente", "le plus important",
            "priorite absolue", "wichtigste", "am wichtigsten", "oberste prioritat", "mais importante",
            "piu importante", "priorita assoluta",
        ].map { ($0, 1) }
            + [
                "important", "priority", "a priority", "soon", "high on my list", "importante", "priorite", "wichtig",
                "prioridad", "prioridade", "priorita",
            ]
            .map { ($0, 2) }
            + [
                "eventually", "someday", "one day", "down the road", "at some point", "in the long run", "long term",
                "later", "later on", "not urgent", "no rush", "not a priority", "low priority", "nice to have",
                "would be nice", "maybe", "algun dia", "eventualmente", "un jour", "plus tard", "irgendwann", "spater",
                "um dia", "algum dia", "un giorno", "prima o poi", "piu avanti", "not important",
            ].map { ($0, 3) })
}
