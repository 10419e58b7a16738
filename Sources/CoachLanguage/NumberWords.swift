/// Reads numbers spelled out in words: "twenty thousand", "a hundred", "two and a half", "half a million",
/// "a couple of thousand", and small numbers in Spanish, French, German, Portuguese and Italian ("cinco", "deux").
enum NumberWords {
    /// Words worth a number on their own.
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        // Spanish.
        "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cincuenta": 50,
        // French.
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "cinquante": 50,
        // German.
        "ein": 1, "eine": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6,
        "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12, "zwanzig": 20, "dreissig": 30,
        "funfzig": 50,
        // Portuguese.
        "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
        "doze": 12, "vinte": 20, "trinta": 30, "cinquenta": 50,
        // Italian.
        "due": 2, "tre": 3, "sei": 6, "sette": 7, "otto": 8, "dieci": 10, "undici": 11, "dodici": 12, "venti": 20,
        "trenta": 30,
    ]

    /// Words that multiply what comes before them ("hundred") or close a group ("thousand").
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "cien": 100, "cientos": 100, "mil": 1_000, "millon": 1_000_000, "millones": 1_000_000,
        "mille": 1_000, "millions": 1_000_000,
        "hundert": 100, "tausend": 1_000, "millionen": 1_000_000,
        "cem": 100, "milhao": 1_000_000, "milhoes": 1_000_000,
        "cento": 100, "mila": 1_000, "milione": 1_000_000, "milioni": 1_000_000,
    ]

    /// Words that only count next to a number word: "a hundred", "half a million", "a couple of thousand".
    static let articles: Set<String> = ["a", "an"]

    /// Every word this type reads, for ``Vocabulary``.
    static var words: Set<String> {
        Set(units.keys).union(scales.keys).union(articles).union(quantities.keys).union(["dozen", "and"])
    }

    /// The number spelled from `start`, and the index after its last word; `nil` when no number starts there.
    static func parse(_ tokens: [Token], from start: Int) -> (value: Double, end: Int)? {
        var reader = Reader(tokens: tokens, index: start)
        reader.read()
        guard reader.end > start else { return nil }
        return (reader.total + reader.current, reader.end)
    }

    /// The running state of one spelled number: `total` holds closed groups ("twenty thousand"), `current` the
    /// open one ("five hundred"), `end` the index after the last word that carried value.
    private struct Reader {
        let tokens: [Token]
        var index: Int
        var total = 0.0
        var current = 0.0
        var end: Int

        init(tokens: [Token], index: Int) {
            self.tokens = tokens
            self.index = index
            self.end = index
        }

        mutating func read() {
            while let word = word(at: 0), consume(word) {
                index += 1
            }
        }

        private func word(at offset: Int) -> String? {
            let position = index + offset
            return position < tokens.count && tokens[position].kind == .word ? tokens[position].text : nil
        }

        private var hasValue: Bool { current + total > 0 }

        /// Takes `word` into the number; `false` when it ends the number.
        private mutating func consume(_ word: String) -> Bool {
            if let value = NumberWords.units[word] {
                current += value
            } else if let scale = NumberWords.scales[word] {
                guard hasValue || NumberWords.standaloneScales.contains(word) else { return false }
                applyScale(scale)
            } else if let value = NumberWords.quantities[word] {
                current += value
                if self.word(at: 1) == "of" { index += 1 }
            } else if word == "dozen" {
                current = (current == 0 ? 1 : current) * 12
            } else {
                return consumeConnector(word)
            }
            end = index + 1
            return true
        }

        private mutating func applyScale(_ scale: Double) {
            let multiplier = current == 0 ? 1 : current
            if scale < 1_000 {
                current = multiplier * scale
            } else {
                total += multiplier * scale
                current = 0
            }
        }

        /// "a"/"an" and "and" join number words and count only when one follows.
        private mutating func consumeConnector(_ word: String) -> Bool {
            guard let next = self.word(at: 1) else { return false }
            if NumberWords.articles.contains(word) {
                guard NumberWords.scales[next] != nil else { return NumberWords.quantities[next] != nil }
                if current == 0 { current = 1 }
                return true
            }
            let joinsNumbers = next == "a" || next == "half" || NumberWords.units[next] != nil
            return word == "and" && hasValue && joinsNumbers
        }
    }

    /// Words that stand for a number but need an article or a number around them: "two and a half", "a few".
    static let quantities: [String: Double] = ["half": 0.5, "couple": 2, "few": 3]

    /// Scales that mean their value with no number before them ("mil euros", "cent euros").
    static let standaloneScales: Set<String> = ["mil", "mille", "cien", "hundert", "tausend", "cem", "cento"]
}
