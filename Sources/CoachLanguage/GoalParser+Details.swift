import FinanceEngine

extension GoalParser {
    /// Each group as a ``GoalMention``, with the amounts, dates and priority words nearest to it.
    static func describe(_ groups: [GoalGroup], in context: GoalContext) -> [GoalMention] {
        guard !groups.isEmpty else { return [] }
        var details = [GoalDetails](repeating: GoalDetails(), count: groups.count)
        for (amount, start) in context.amounts {
            let (group, tier) = nearest(groups, to: start, in: context)
            details[group].add(amount, tier: tier)
        }
        for (date, start) in context.dates where !date.isPast {
            let (group, tier) = nearest(groups, to: start, in: context)
            details[group].add(date, tier: tier)
        }
        for match in GoalLexicon.priorities.bestMatches(in: context.tokens) {
            let (group, tier) = nearest(groups, to: match.tokens.lowerBound, in: context)
            details[group].add(priority: match.value, tier: tier)
        }
        for (share, start) in context.downPayments {
            let (group, tier) = nearest(groups, to: start, in: context)
            if groups[group].kind == .homePurchase, tier <= 1 { details[group].downPaymentShare = share }
        }
        return zip(groups, details).map(mention)
    }

    /// "20% down on a $400k house" is an $80,000 down payment.
    private static func mention(_ group: GoalGroup, _ details: GoalDetails) -> GoalMention {
        let share = details.downPaymentShare
        let target = details.target.map { target in
            share.map { Int64((Double(target.cents) * $0).rounded()) } ?? target.cents
        }
        return GoalMention(
            type: group.kind, title: share == nil ? group.title : "Down payment on a home", targetCents: target,
            targetDate: details.date?.date, priority: details.priority?.value,
            monthlyContributionCents: details.contribution)
    }

    /// The group whose mention is closest to token `item` (see ``Clauses/affinity(of:to:)``), and how close.
    private static func nearest(_ groups: [GoalGroup], to item: Int, in context: GoalContext) -> (Int, Int) {
        var best = (group: 0, tier: Int.max, distance: Int.max)
        for (index, group) in groups.enumerated() {
            for anchor in group.anchors {
                let affinity = context.clauses.affinity(of: item, to: anchor)
                if (affinity.tier, affinity.distance) < (best.tier, best.distance) {
                    best = (index, affinity.tier, affinity.distance)
                }
            }
        }
        return (best.group, best.tier)
    }
}

/// What was said about one goal, each piece with how close it was (lower tiers are closer).
struct GoalDetails {
    private(set) var target: (cents: Int64, tier: Int)?
    private(set) var date: (date: CivilDate, tier: Int)?
    private(set) var priority: (value: Int, tier: Int)?
    private(set) var contribution: Int64?
    /// The share of the price a home's down payment is ("20% down").
    var downPaymentShare: Double?

    /// A recurring amount is a contribution; otherwise the closest tier wins, then the largest amount.
    mutating func add(_ amount: ParsedAmount, tier: Int) {
        if let monthly = amount.monthlyCents {
            contribution = contribution ?? monthly
            return
        }
        guard GoalContext.isTargetLike(amount) else { return }
        if let target, (target.tier, -target.cents) <= (tier, -amount.cents) { return }
        target = (amount.cents, tier)
    }

    /// The closest date wins; the first of equally close ones.
    mutating func add(_ parsed: ParsedDate, tier: Int) {
        if let date, date.tier <= tier { return }
        date = (parsed.date, tier)
    }

    /// The closest priority word wins; the first of equally close ones.
    mutating func add(priority value: Int, tier: Int) {
        if let priority, priority.tier <= tier { return }
        priority = (value, tier)
    }
}
