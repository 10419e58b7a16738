/// Finds sums of money and percentages in a message: "$20k", "20,000 dollars", "20 000 €", "1.2 million",
/// "5 grand", "twenty thousand dollars", "a hundred bucks", "$250/month", "3.5%".
///
/// A bare number is not an amount when it is a year ("2028"), part of a date ("June 5", "06/2028"), an ordinal
/// ("5th"), a duration or an age ("5 years", "I'm 34", "retire at 60"), or an account's name ("401k"). Numbers
/// spelled in words count only with a scale or a currency ("twenty thousand", "five hundred dollars"), so "two
/// kids" is not an amount. A bare number that survives ("save 5000") is an amount with `isCurrency == false`.
public enum AmountParser {
    /// The amounts in `text`, in order.
    public static func amounts(in text: String) -> [ParsedAmount] {
        scan(TextNormalizer.tokens(in: text), in: text).amounts
    }

    /// The percentages in `text`, in order.
    public static func percentages(in text: String) -> [ParsedPercentage] {
        scan(TextNormalizer.tokens(in: text), in: text).percentages
    }

    /// Amounts and percentages of already tokenized text, with the token index each starts at.
    static func scan(_ tokens: [Token], in text: String) -> AmountScanner {
        let language = LanguageDetector.language(of: tokens, text: text)
        var scanner = AmountScanner(
            tokens: tokens, text: text, milIsThousand: AmountWords.thousandMilLanguages.contains(language))
        scanner.run()
        return scanner
    }
}
