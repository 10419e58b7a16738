/// Guesses a message's language (ISO 639-1) from function words and letters only some languages use.
///
/// Each language scores a point per word of its marker list (two for the words no other language shares), and a
/// point per telling letter of the original text ("ñ", "¿" for Spanish; "ß", "ä" for German; "ã", "ç" for
/// Portuguese…). English wins ties and messages with no markers at all.
public enum LanguageDetector {
    /// The languages it can tell apart, English first.
    public static let languages = ["en", "es", "fr", "de", "pt", "it"]

    /// The likely language of `text`: one of ``languages``.
    public static func language(of text: String) -> String {
        language(of: TextNormalizer.tokens(in: text), text: text)
    }

    static func language(of tokens: [Token], text: String) -> String {
        var scores = [String: Double]()
        for token in tokens where token.kind == .word {
            for (language, weight) in markers[token.text] ?? [] { scores[language, default: 0] += weight }
        }
        for character in text {
            for language in letters[character] ?? [] { scores[language, default: 0] += 1 }
        }
        let english = scores["en"] ?? 0
        let best = languages.dropFirst().max { scores[$0] ?? 0 < scores[$1] ?? 0 }
        guard let best, let score = scores[best], score > english, score >= 1 else { return "en" }
        return best
    }

    /// Words that point to a language, with how strongly (words shared between languages point to each, weakly).
    static let markers: [String: [(String, Double)]] = {
        var table: [String: [(String, Double)]] = [:]
        for (language, words) in markerWords {
            for word in words { table[word, default: []].append((language, 1)) }
        }
        for (word, languages) in table where languages.count == 1 { table[word] = [(languages[0].0, 2)] }
        return table
    }()

    private static let markerWords: [String: [String]] = [
        "en": [
            "the", "my", "is", "what", "how", "i", "to", "and", "you", "of", "for", "do", "am", "should", "much",
            "want", "have", "are", "can", "it", "with", "me", "thanks", "hi", "hello", "bye", "save", "money", "pay",
            "off", "worth", "net", "debt", "buy", "house", "your", "on", "be", "not", "will", "would", "this", "that",
        ],
        "es": [
            "el", "los", "las", "y", "es", "mi", "mis", "para", "por", "con", "cual", "cuanto", "cuanta", "quiero",
            "tengo", "gracias", "hola", "adios", "que", "de", "la", "una", "un", "no", "como", "deberia", "ahorrar",
            "deuda", "deudas", "dinero", "gastos", "casa", "comprar", "neto", "estoy", "puedo", "mejor", "hasta",
            "luego", "muchas", "buenos", "dias", "mes", "ano", "anos", "pagar", "invertir",
        ],
        "fr": [
            "le", "la", "les", "des", "et", "est", "mon", "ma", "mes", "pour", "avec", "je", "quel", "quelle",
            "combien", "merci", "bonjour", "au", "revoir", "une", "un", "pas", "dans", "de", "du", "ai", "suis",
            "dois", "devrais", "epargner", "economiser", "dettes", "argent", "maison", "acheter", "salut", "beaucoup",
            "patrimoine", "ne", "vous", "tu", "ou", "mois", "ans", "qu", "c", "j", "l", "d",
        ],
        "de": [
            "der", "die", "das", "und", "ist", "mein", "meine", "meinen", "meiner", "wie", "hoch", "sind", "ich",
            "fur", "mit", "nicht", "danke", "hallo", "was", "viel", "soll", "sollte", "schulden", "sparen", "geld",
            "haus", "kaufen", "tschuss", "auf", "wiedersehen", "vielen", "dank", "guten", "tag", "habe", "ein",
            "eine", "zu", "es", "jahren", "monat", "ausgaben", "vermogen",
        ],
        "pt": [
            "o", "os", "as", "meu", "minha", "meus", "minhas", "para", "com", "qual", "quanto", "quero", "obrigado",
            "obrigada", "ola", "nao", "um", "uma", "tchau", "voce", "dinheiro", "economizar", "poupar", "dividas",
            "divida", "casa", "comprar", "de", "e", "que", "devo", "gastei", "patrimonio", "liquido", "ate", "logo",
            "bom", "dia", "tenho", "anos", "mes", "pagar", "investir", "estou",
        ],
        "it": [
            "il", "lo", "gli", "le", "di", "che", "e", "mio", "mia", "miei", "per", "con", "qual", "quanto", "voglio",
            "grazie", "ciao", "non", "un", "una", "sono", "soldi", "risparmiare", "debiti", "casa", "comprare",
            "dovrei", "ho", "arrivederci", "buongiorno", "mille", "patrimonio", "netto", "spese", "anni", "mese",
            "pagare", "investire", "come", "sto",
        ],
    ]

    /// Letters of the original text that point to a language.
    static let letters: [Character: [String]] = [
        "ñ": ["es"], "¿": ["es"], "¡": ["es"], "á": ["es", "pt"], "í": ["es", "pt"], "ó": ["es", "pt", "it"],
        "ú": ["es", "pt"], "ã": ["pt"], "õ": ["pt"], "ç": ["pt", "fr"], "ê": ["pt", "fr"], "â": ["pt", "fr"],
        "ô": ["pt", "fr"], "é": ["fr", "es", "pt"], "è": ["fr", "it"], "à": ["fr", "it", "pt"], "ù": ["fr", "it"],
        "î": ["fr"], "û": ["fr"], "ë": ["fr"], "ï": ["fr"], "œ": ["fr"], "ä": ["de"], "ö": ["de"], "ü": ["de"],
        "ß": ["de"],
        "ì": ["it"], "ò": ["it"],
    ]
}
