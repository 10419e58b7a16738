import CoachLanguage

/// The analyses the financial agent can run, each a pure function of the person's finances.
enum FinancialAnalyses {
    /// Runs `kinds` concurrently; the findings come back in the order asked.
    static func run(_ kinds: [AnalysisKind], for person: PersonFinances) async -> [Finding] {
        await withTaskGroup(of: (Int, Finding).self) { group in
            for (index, kind) in kinds.enumerated() {
                group.addTask { (index, finding(kind, person)) }
            }
            var findings = [Finding](repeating: .empty, count: kinds.count)
            for await (index, finding) in group {
                findings[index] = finding
            }
            return findings
        }
    }

    static func finding(_ kind: AnalysisKind, _ person: PersonFinances) -> Finding {
        switch kind {
        case .netWorth: netWorth(person)
        case .cashFlow: cashFlow(person)
        case .spending: spending(person)
        case .debtPayoff: debtPayoff(person)
        case .emergencyFund: emergencyFund(person)
        case .portfolio: portfolio(person)
        case .fees: fees(person)
        case .retirement: retirement(person)
        case .goalProgress: goalProgress(person)
        case .recurringCharges: recurringCharges(person)
        case .debtToIncome: debtToIncome(person)
        }
    }
}
