import CoachLanguage
import Testing

@Suite("Text normalizer")
struct TextNormalizerTests {
    private func words(_ text: String) -> [String] { TextNormalizer.tokens(in: text).map(\.text) }

    @Test func foldsCaseAndDiacritics() {
        #expect(TextNormalizer.normalize("Jubilación ÉTÉ Straße Œuvre") == "jubilacion ete strasse oeuvre")
        #expect(words("¿Cuál es mi patrimonio?") == ["¿", "cual", "es", "mi", "patrimonio", "?"])
    }

    @Test func splitsNumbersFromWhatQualifiesThem() {
        #expect(words("$1.5M") == ["$", "1.5", "m"])
        #expect(words("20k, 3.5%") == ["20", "k", ",", "3.5", "%"])
        #expect(words("$250/month") == ["$", "250", "/", "month"])
        #expect(words("20,000 dollars.") == ["20,000", "dollars", "."])
        #expect(words("2028-06-01") == ["2028", "-", "06", "-", "01"])
    }

    @Test func expandsContractionsAndSlang() {
        #expect(words("What's my net worth?") == ["what", "is", "my", "net", "worth", "?"])
        #expect(words("I don't wanna") == ["i", "do", "not", "want", "to"])
        #expect(words("thx u") == ["thanks", "you"])
        #expect(words("debt-to-income") == ["debt", "to", "income"])
        #expect(words("kids' college") == ["kids", "college"])
    }

    @Test func splitsFrenchElisions() {
        #expect(words("l'épargne d'urgence") == ["l", "epargne", "d", "urgence"])
        #expect(words("j'ai") == ["j", "ai"])
    }

    @Test func marksAttachedTokens() {
        let tokens = TextNormalizer.tokens(in: "$20k or 20 k")
        #expect(tokens.map(\.followsSpace) == [true, false, false, true, true, true])
    }

    @Test func lowerCasesPlainASCIIExactlyAsFoundationDoes() {
        let printable = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(TextNormalizer.normalize(printable) == printable.lowercased())
        #expect(TextNormalizer.normalize("Net WORTH 2026 @Home"[...]) == "net worth 2026 @home")
        #expect(TextNormalizer.normalize("") == "")
    }

    @Test func pointsBackAtTheOriginalText() {
        let text = "Saving €20.000 for Zürich"
        #expect(
            TextNormalizer.tokens(in: text).map { String(text[$0.range]) } == [
                "Saving", "€", "20.000", "for", "Zürich",
            ])
    }
}

@Suite("Fuzzy matcher")
struct FuzzyMatcherTests {
    @Test(arguments: [
        ("wroth", "worth", 1), ("retirment", "retirement", 1), ("morgage", "mortgage", 1), ("teh", "the", 1),
        ("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0), ("ca", "abc", 3),
    ])
    func measuresDistance(lhs: String, rhs: String, distance: Int) {
        #expect(FuzzyMatcher.distance(lhs, rhs) == distance)
    }

    @Test func forgivesMisspellingsOfLongerWordsOnly() {
        #expect(FuzzyMatcher.isMisspelling("retirment", of: "retirement"))
        #expect(FuzzyMatcher.isMisspelling("retiremnet", of: "retirement"))
        #expect(FuzzyMatcher.isMisspelling("morgage", of: "mortgage"))
        #expect(FuzzyMatcher.isMisspelling("wroth", of: "worth"))
        #expect(FuzzyMatcher.isMisspelling("invset", of: "invest"))
        #expect(!FuzzyMatcher.isMisspelling("det", of: "debt"), "short words are never corrected")
        #expect(!FuzzyMatcher.isMisspelling("safe", of: "save"), "known words are not misspellings")
        #expect(!FuzzyMatcher.isMisspelling("mortage", of: "portage"))
        #expect(!FuzzyMatcher.isMisspelling("retrmnt", of: "retirement"), "three edits is too many")
        #expect(FuzzyMatcher.allowedEdits(for: "car") == 0)
        #expect(FuzzyMatcher.allowedEdits(for: "house") == 1)
        #expect(FuzzyMatcher.allowedEdits(for: "mortgage") == 2)
    }

    /// The matcher stops a distance once it must exceed the allowed edits; it decides as the whole table would.
    @Test func decidesAsTheWholeDistanceTableWould() {
        // Words of 3 to 10 letters no lexicon has, spelled out from a number's base-4 digits.
        func word(_ number: UInt64) -> String {
            let letters = Array("qxzj")
            var rest = number / 8
            return String((0..<(3 + Int(number % 8))).map { _ in
                defer { rest /= 4 }
                return letters[Int(rest % 4)]
            })
        }
        /// `keyword` with `edits` letters replaced and a neighbour swap, at places chosen by `seed`.
        func misspelt(_ keyword: String, _ seed: UInt64, edits: Int) -> String {
            var letters = Array(keyword)
            for edit in 0..<edits {
                letters[Int((seed >> (8 * UInt64(edit))) % UInt64(letters.count))] = "k"
            }
            let swap = Int(seed % UInt64(letters.count - 1))
            letters.swapAt(swap, swap + 1)
            return String(letters)
        }
        var decided = (misspellings: 0, others: 0)
        for index in UInt64(0)..<5_000 {
            let keyword = word(index &* 40_503 &+ 17)
            let typed =
                index.isMultiple(of: 2)
                ? word(index &* 2_654_435_761) : misspelt(keyword, index &* 2_654_435_761, edits: Int(index % 3))
            let allowed = FuzzyMatcher.allowedEdits(for: keyword)
            let keepsFirstLetter =
                typed.first == keyword.first || Array(typed.prefix(2)) == Array(keyword.prefix(2)).reversed()
            let expected =
                allowed > 0 && typed.count >= 4 && abs(typed.count - keyword.count) <= allowed && keepsFirstLetter
                && FuzzyMatcher.distance(typed, keyword) <= allowed
            #expect(FuzzyMatcher.isMisspelling(typed, of: keyword) == expected, "\(typed) / \(keyword)")
            if expected { decided.misspellings += 1 } else { decided.others += 1 }
        }
        #expect(decided.misspellings > 500 && decided.others > 500, "both answers are exercised: \(decided)")
    }
}


@Suite("Language detector")
struct LanguageDetectorTests {
    @Test(arguments: [
        ("what's my net worth", "en"), ("¿cuál es mi patrimonio neto?", "es"), ("quiero ahorrar para una casa", "es"),
        ("merci, au revoir", "fr"), ("Wie hoch sind meine Schulden?", "de"), ("qual é o meu patrimônio líquido?", "pt"),
        ("quanto ho speso questo mese?", "it"), ("ok", "en"), ("obrigado, tchau", "pt"), ("grazie mille, ciao", "it"),
    ])
    func guesses(text: String, language: String) {
        #expect(LanguageDetector.language(of: text) == language)
    }
}
