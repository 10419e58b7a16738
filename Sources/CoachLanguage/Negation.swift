/// Decides whether a phrase is negated: "I don't want to buy a house", "not planning to retire early",
/// "no quiero comprar una casa", "ich will kein Haus".
///
/// A negation word counts when it is at most ``window`` tokens before the phrase, in the same clause, with no word
/// between that closes its scope ("not sure if I should buy a house" is not a refusal).
enum Negation {
    static let window = 4

    static let words: Set<String> = [
        "not", "no", "never", "without", "nunca", "jamas", "ni", "pas", "jamais", "nicht", "kein", "keine", "keinen",
        "keiner", "nie", "nao", "non", "nem",
    ]

    /// Words after which an earlier negation no longer applies.
    static let scopeEnds: Set<String> = [
        "sure", "know", "if", "whether", "but", "only", "just", "than", "wonder", "si", "ob", "se", "sicher", "seguro",
    ]

    /// Whether the phrase starting at token `start` is negated.
    static func isNegated(_ start: Int, in tokens: [Token], clauses: Clauses) -> Bool {
        var index = start - 1
        while index >= 0, index >= start - window, clauses.clause[index] == clauses.clause[start] {
            let word = tokens[index].text
            if scopeEnds.contains(word) { return false }
            if words.contains(word) { return true }
            index -= 1
        }
        return false
    }
}
