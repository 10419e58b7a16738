/// Which transaction categories are essential spending and which are not spending at all.
///
/// Categories are compared by their ``normalize(_:)`` form, so "Debt Payments", "debt-payments"
/// and "debt_payments" are one category.
public struct CategoryRules: Hashable, Sendable {
    /// Needs rather than wants: what an emergency fund has to cover.
    public var essential: Set<String>
    /// Money moved between a person's own accounts, which is neither income nor spending.
    public var excluded: Set<String>

    /// Rules with `essential` and `excluded` categories, in any spelling ``normalize(_:)`` accepts.
    public init(
        essential: Set<String> = CategoryRules.defaultEssential, excluded: Set<String> = CategoryRules.defaultExcluded
    ) {
        self.essential = Set(essential.map(CategoryRules.normalize))
        self.excluded = Set(excluded.map(CategoryRules.normalize))
    }

    /// Housing, utilities, food at home, insurance, getting to work, health, debt payments, childcare.
    public static let defaultEssential: Set<String> = [
        "housing", "rent", "mortgage", "utilities", "groceries", "insurance", "transportation", "healthcare",
        "medical", "debt_payment", "debt_payments", "loan", "loans", "loan_payment", "childcare",
    ]

    /// Transfers between accounts.
    public static let defaultExcluded: Set<String> = ["transfer", "transfers", "internal_transfer"]

    /// The defaults.
    public static let standard = CategoryRules()

    /// Whether `category` is essential spending.
    public func isEssential(_ category: String) -> Bool { essential.contains(Self.normalize(category)) }

    /// Whether `category` is left out of income and spending.
    public func isExcluded(_ category: String) -> Bool { excluded.contains(Self.normalize(category)) }

    /// `category` lower-cased and trimmed, with runs of spaces, hyphens and slashes as one underscore.
    public static func normalize(_ category: String) -> String {
        let words = category.lowercased().split { $0 == " " || $0 == "-" || $0 == "_" || $0 == "/" || $0 == "\t" }
        return words.joined(separator: "_")
    }
}
