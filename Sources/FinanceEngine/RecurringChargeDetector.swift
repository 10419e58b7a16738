/// Finds recurring charges in transactions: the same merchant, a similar amount, a regular cadence.
///
/// Outgoing entries are grouped by merchant (case, punctuation and tokens with digits — store
/// numbers, reference codes — ignored), then by amount: charges within ``amountTolerance`` of the
/// smallest in a group belong together. A group is recurring when every gap between consecutive
/// charges fits one ``RecurringCadence`` and it has that cadence's
/// ``RecurringCadence/minimumOccurrences`` (3, or 2 for annual).
public struct RecurringChargeDetector: Hashable, Sendable {
    /// How far above the smallest charge of a group another may be, as a fraction of it (0.15 = 15 %).
    public var amountTolerance: Double
    /// A floor for the tolerance in cents, so small charges may vary by a little in absolute terms.
    public var minimumToleranceCents: Int64

    /// A detector allowing amounts 15 % (at least $1) above the smallest in a group by default.
    public init(amountTolerance: Double = 0.15, minimumToleranceCents: Int64 = 100) {
        self.amountTolerance = amountTolerance
        self.minimumToleranceCents = minimumToleranceCents
    }

    /// The recurring charges in `entries`, the most expensive a year first.
    public func detect(_ entries: [LedgerEntry]) -> [RecurringCharge] {
        let byMerchant = Dictionary(grouping: entries.filter(\.isOutflow)) { Self.merchantKey($0.merchant) }
        return byMerchant.values.flatMap { amountGroups($0).compactMap(recurringCharge) }.sorted {
            ($0.annualizedCostCents, $1.merchant, $1.firstDate) > ($1.annualizedCostCents, $0.merchant, $0.firstDate)
        }
    }

    /// `charges` split into runs of similar amounts, each anchored on its smallest.
    private func amountGroups(_ charges: [LedgerEntry]) -> [[LedgerEntry]] {
        var groups: [[LedgerEntry]] = []
        // Amounts are negative: the smallest charge first.
        for charge in charges.sorted(by: { $0.amountCents > $1.amountCents }) {
            if let anchor = groups.last?.first, -charge.amountCents <= -anchor.amountCents + tolerance(for: anchor) {
                groups[groups.count - 1].append(charge)
            } else {
                groups.append([charge])
            }
        }
        return groups
    }

    private func tolerance(for anchor: LedgerEntry) -> Int64 {
        max(Cents.rounding(Double(-anchor.amountCents) * amountTolerance), minimumToleranceCents)
    }

    private func recurringCharge(_ group: [LedgerEntry]) -> RecurringCharge? {
        let charges = group.sorted { $0.date < $1.date }
        guard let first = charges.first, let last = charges.last else { return nil }
        let intervals = zip(charges, charges.dropFirst()).map { $0.date.days(until: $1.date) }
        guard !intervals.isEmpty, let cadence = RecurringCadence.matching(intervals: intervals),
            charges.count >= cadence.minimumOccurrences
        else { return nil }
        return RecurringCharge(
            merchant: last.merchant, category: last.category,
            typicalAmountCents: Self.median(charges.map { -$0.amountCents }),
            cadence: cadence, occurrences: charges.count, firstDate: first.date, lastDate: last.date)
    }

    /// The middle amount (the mean of the middle two, rounded, for an even count).
    static func median(_ amounts: [Int64]) -> Int64 {
        let sorted = amounts.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return Cents.rounding((Double(sorted[middle - 1]) + Double(sorted[middle])) / 2)
    }

    /// The merchant lower-cased, punctuation as spaces, tokens with digits dropped (all of it
    /// lower-cased when nothing else is left).
    static func merchantKey(_ merchant: String) -> String {
        let words = merchant.lowercased().split { !$0.isLetter && !$0.isNumber }
        let key = words.filter { !$0.contains(where: \.isNumber) }.joined(separator: " ")
        return key.isEmpty ? words.joined(separator: " ") : key
    }
}
