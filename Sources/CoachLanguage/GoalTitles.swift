/// Titles read from the message itself: a trip's destination, an unlisted goal's name.
enum GoalTitles {
    /// Words that lead to a destination: "trip to Japan", "vacation in Italy", "viaje a México".
    static let destinationLeads: Set<String> = [
        "to", "in", "a", "en", "au", "aux", "nach", "para", "per", "around", "across",
    ]

    /// Words that end a name read from the message.
    static let stops: Set<String> = [
        "by", "in", "before", "within", "until", "next", "this", "that", "which", "when", "so", "because", "after",
        "for", "with", "of", "at", "on", "to", "is", "it", "i", "we", "me", "and", "or", "but", "around", "about",
        "soon", "someday", "eventually", "one", "de", "para", "pour", "fur", "avant", "antes", "bis", "entro",
    ]

    /// A destination after a travel word: capitalized words, or words Plutus does not know ("japan").
    static func destination(after start: Int, in context: GoalContext) -> String? {
        var index = start
        let followsLead = index > 0 && context.tokens[index - 1].text == "to"
        if !followsLead, index < context.tokens.count, destinationLeads.contains(context.tokens[index].text) {
            index += 1
        }
        var end = index
        while end < context.tokens.count, end < index + 3, isPlaceName(end, in: context) { end += 1 }
        guard end > index else { return nil }
        return (index..<end).map { capitalized(context.original($0..<$0 + 1)) }.joined(separator: " ")
    }

    private static func isPlaceName(_ index: Int, in context: GoalContext) -> Bool {
        let token = context.tokens[index]
        guard token.kind == .word, !stops.contains(token.text), CalendarWords.months[token.text] == nil else {
            return false
        }
        let original = context.original(index..<index + 1)
        return original.first?.isUppercase == true || !Vocabulary.isKnown(token.text)
    }

    /// The name of what is saved for, after "for": "a new couch" → "New couch"; up to three words.
    static func purpose(after start: Int, in context: GoalContext) -> (title: String, tokens: Range<Int>)? {
        let tokens = context.tokens
        var index = start
        while index < tokens.count, GoalLexicon.determiners.contains(tokens[index].text), tokens[index].text != "new" {
            index += 1
        }
        var end = index
        while end < tokens.count, end < index + 3, tokens[end].kind == .word, !stops.contains(tokens[end].text),
            !Clauses.conjunctions.contains(tokens[end].text), CalendarWords.months[tokens[end].text] == nil,
            NumberWords.units[tokens[end].text] == nil
        {
            end += 1
        }
        guard end > index else { return nil }
        return (capitalized(context.original(index..<end)), index..<end)
    }

    /// `text` with its first letter upper-cased.
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
