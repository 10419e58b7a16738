import Foundation

/// Turns a person's text into comparable words and numbers.
///
/// Words are lower-cased with diacritics folded ("Jubilación" → "jubilacion", "Straße" → "strasse"),
/// apostrophes are dropped and French elisions split ("l'épargne" → "l", "epargne"), a hyphen between
/// letters separates words ("debt-to-income"), and digits stay apart from the letters and symbols that
/// qualify them ("$1.5M" → "$", "1.5", "m"). Slang, abbreviations and English contractions are then
/// expanded from ``expansions`` ("wanna" → "want", "to"; "what's" → "what", "is"; "thx" → "thanks").
/// Nothing here depends on the locale.
public enum TextNormalizer {
    /// `text` lower-cased with diacritics and ligatures folded, and nothing else changed.
    public static func normalize(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        let folded = String(text).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        guard folded.contains(where: { ligatures[$0] != nil }) else { return folded }
        return folded.reduce(into: "") { result, character in result += ligatures[character] ?? String(character) }
    }

    /// ASCII `text` lower-cased: nothing to fold.
    private static func asciiLowercased(_ text: some StringProtocol) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for byte in text.utf8 {
                buffer[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// The words, numbers and symbols of `text` in order, slang and contractions expanded.
    public static func tokens(in text: String) -> [Token] { Tokenizer.tokens(in: text) }

    /// Letters that folding leaves alone but people type both ways.
    static let ligatures: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
    ]
}
