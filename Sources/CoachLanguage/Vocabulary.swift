/// The words Plutus knows: every lexicon's words plus common English words. A known word is never read as a
/// misspelling of another ("safe" is not "save", "went" is not "want"); only unknown words are corrected.
enum Vocabulary {
    /// Whether `word` (normalized) is a word Plutus knows.
    static func isKnown(_ word: String) -> Bool { known.contains(word) }

    private static let known: Set<String> = {
        var words = commonWords
        words.formUnion(RouteLexicon.table.words)
        words.formUnion(AnalysisLexicon.table.words)
        words.formUnion(GoalLexicon.table.words)
        words.formUnion(GoalLexicon.cues.words)
        words.formUnion(GoalLexicon.priorities.words)
        words.formUnion(ConfirmationLexicon.table.words)
        words.formUnion(CalendarWords.words)
        words.formUnion(NumberWords.words)
        words.formUnion(AmountWords.currencies.keys)
        words.formUnion(AmountWords.rates.words)
        words.formUnion(AmountWords.timeUnits)
        words.formUnion(LanguageDetector.markers.keys)
        words.formUnion(Negation.words)
        return words
    }()

    /// Everyday English words, including ones a letter away from lexicon words.
    static let commonWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "almost", "alone", "along", "already", "also",
        "always", "am", "among", "an", "and", "another", "any", "anything", "are", "around", "as", "ask", "at",
        "away", "back", "bad", "be", "because", "been", "before", "being", "below", "best", "better", "between",
        "big", "bit", "both", "bring", "but", "by", "call", "came", "can", "care", "case", "cash", "change", "check",
        "come", "could", "day", "did", "do", "does", "doing", "done", "down", "each", "else", "enough", "even",
        "ever", "every", "fact", "far", "feel", "felt", "few", "find", "fine", "first", "for", "from", "full", "gave",
        "get", "give", "go", "going", "gone", "good", "got", "had", "has", "have", "having", "he", "her", "here",
        "him", "his", "hold", "how", "i", "if", "in", "into", "is", "it", "its", "just", "keep", "kind", "knew",
        "know", "last", "least", "left", "less", "let", "life", "like", "little", "long", "look", "lot", "lots",
        "made", "make", "many", "may", "me", "mean", "meant", "might", "mine", "more", "most", "move", "much",
        "must", "my", "need", "never", "new", "next", "nice", "no", "none", "nor", "not", "now", "of", "off", "often",
        "old", "on", "once", "only", "or", "other", "our", "out", "over", "own", "part", "past", "per", "place",
        "point", "put", "quite", "rather", "real", "really", "same", "said", "say", "see", "seem", "set", "she",
        "should", "show", "side", "since", "so", "some", "something", "soon", "still", "such", "sure", "take",
        "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
        "think", "this", "those", "though", "through", "time", "to", "too", "took", "try", "under", "until", "up",
        "upon", "us", "use", "very", "want", "was", "way", "we", "well", "went", "were", "what", "when", "where",
        "which", "while", "who", "whole", "why", "will", "with", "without", "work", "would", "yet", "you", "your",
        // A letter away from lexicon words.
        "safe", "sale", "same", "wait", "went", "lone", "lose", "lost", "horse", "mouse", "hose", "dept", "dent",
        "fees", "feed", "feet", "free", "tree", "fund", "funds", "fun", "find", "kind", "mind", "bills", "hills",
        "wealthy", "health", "worse", "word", "words", "world", "north", "earth", "learn", "heart", "early",
        "yearly", "rent", "rents", "spent", "spend", "send", "bank", "banks", "saved", "saves", "saver", "paid",
        "pays", "wants", "wanted", "planned", "plans", "goals", "career", "cards", "card", "cars", "cart", "core",
        "more", "mortal", "motor", "travel", "trail", "trial", "level", "novel", "hotel", "house", "hours",
        "homes", "holes", "owns", "owner", "money", "monkey", "month", "mouth", "invite", "invoice", "invent",
        "retro", "return", "retired", "tired", "tire", "tires", "debit", "dead", "deal", "debts", "loan", "load",
        "loads", "lane", "lean", "loss", "boss", "budget", "budgets", "taxes", "tax", "rate", "rates", "late",
        "later", "date", "dates", "data", "bye", "buy", "by", "thanks", "thank", "think", "hi", "hey", "hello",
        "help", "hell", "shell", "smell", "bored", "board", "store", "score", "credit", "edit", "income", "outcome",
        "paying", "playing", "saying", "staying", "lately", "weekly", "weekend", "weeks", "bucks", "books",
        "quid", "stocks", "stock", "socks", "rich", "which", "asset", "assets", "pension", "tension",
    ]
}
