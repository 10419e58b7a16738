import CoachLanguage
import Testing

@Suite("Analysis selector")
struct AnalysisSelectorTests {
    static let cases: [(String, [AnalysisKind])] = [
        ("what's my net worth", [.netWorth]),
        ("what's my networth", [.netWorth]),
        ("how much did I spend on groceries last month", [.spending]),
        ("where does my money go?", [.spending]),
        ("what's my savings rate", [.cashFlow]),
        ("what's my debt to income ratio", [.debtToIncome]),
        ("how much debt do I have", [.debtPayoff]),
        ("is my emergency fund big enough", [.emergencyFund]),
        ("how's my portfolio allocation", [.portfolio]),
        ("am I paying too much in fees", [.fees]),
        ("am I on track for retirement", [.retirement, .goalProgress]),
        ("what subscriptions am I paying for", [.recurringCharges]),
        ("how am I doing?", AnalysisKind.defaultSet),
        ("hello", AnalysisKind.defaultSet),
        ("income and spending", [.cashFlow, .spending]),
        ("what's my net worth and my debts", [.netWorth, .debtPayoff]),
        ("¿cuál es mi patrimonio neto?", [.netWorth]),
        ("Wie hoch sind meine Schulden?", [.debtPayoff]),
        ("quanto ho speso questo mese", [.spending]),
        ("give me a full report", AnalysisKind.allCases),
        ("how are my retirment accounts", [.portfolio, .retirement]),
    ]

    @Test(arguments: cases)
    func selects(text: String, kinds: [AnalysisKind]) {
        #expect(AnalysisSelector.analyses(for: text) == kinds)
    }

    @Test func keepsAStableOrder() {
        let kinds = AnalysisSelector.analyses(for: "fees, subscriptions, net worth, spending and my 401k")
        #expect(kinds == kinds.sorted())
        #expect(kinds == [.netWorth, .spending, .fees, .retirement, .recurringCharges])
    }
}
