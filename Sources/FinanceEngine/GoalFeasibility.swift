/// Whether and when a savings goal is met, and what it takes: monthly compounding at
/// annual return ÷ 12, contributions at the end of each month (numpy-financial's `when='end'`).
public enum GoalFeasibility {
    /// The balance after `months` months: `npf.fv(r/12, months, -contribution, -current)` rounded to the cent.
    public static func projectedBalanceCents(
        currentCents: Int64, monthlyContributionCents: Int64, annualReturn: Double, months: Int
    ) -> Int64 {
        let value = TimeValue.fv(
            rate: annualReturn / 12, nper: Double(max(months, 0)), pmt: -Cents.toDollars(monthlyContributionCents),
            pv: -Cents.toDollars(currentCents))
        return Cents.fromDollars(value)
    }

    /// Whole months until the balance reaches `targetCents`: `npf.nper(r/12, -contribution,
    /// -current, target)` rounded up, the edge settled on the cent-rounded projection so that
    /// floating-point noise (an nper of 12.000000000001) does not add a month.
    /// - Returns: 0 when already there; `nil` when it never gets there.
    public static func monthsToReach(
        targetCents: Int64, currentCents: Int64, monthlyContributionCents: Int64, annualReturn: Double
    ) -> Int? {
        guard currentCents < targetCents else { return 0 }
        let rate = annualReturn / 12
        guard
            let periods = TimeValue.nper(
                rate: rate, pmt: -Cents.toDollars(monthlyContributionCents), pv: -Cents.toDollars(currentCents),
                fv: Cents.toDollars(targetCents)),
            periods > 0, periods < Double(Int32.max)
        else { return nil }
        let reaches = { (months: Int) in
            projectedBalanceCents(
                currentCents: currentCents, monthlyContributionCents: monthlyContributionCents,
                annualReturn: annualReturn, months: months) >= targetCents
        }
        var months = max(Int(periods.rounded(.up)), 1)
        if months > 1, reaches(months - 1) { months -= 1 }
        if !reaches(months) { months += 1 }
        return months
    }

    /// The monthly contribution that reaches `targetCents` in `months` months: `-npf.pmt(r/12,
    /// months, -current, target)` rounded up to the cent; 0 when growth alone gets there.
    /// - Returns: `nil` when there are no months left and the target is not met.
    public static func requiredMonthlyContributionCents(
        targetCents: Int64, currentCents: Int64, annualReturn: Double, months: Int
    ) -> Int64? {
        guard currentCents < targetCents else { return 0 }
        guard months > 0 else { return nil }
        let payment = -TimeValue.pmt(
            rate: annualReturn / 12, nper: Double(months), pv: -Cents.toDollars(currentCents),
            fv: Cents.toDollars(targetCents))
        return max(Cents.fromDollarsRoundingUp(payment), 0)
    }

    /// The monthly contribution that reaches `targetCents` by `date`, counting the whole months from `today`.
    public static func requiredMonthlyContributionCents(
        targetCents: Int64, currentCents: Int64, annualReturn: Double, from today: CivilDate, by date: CivilDate
    ) -> Int64? {
        requiredMonthlyContributionCents(
            targetCents: targetCents, currentCents: currentCents, annualReturn: annualReturn,
            months: today.months(until: date))
    }

    /// Everything about `goal` as of `today`: see ``GoalAssessment``.
    public static func assess(_ goal: SavingsGoal, asOf today: CivilDate) -> GoalAssessment {
        GoalAssessment(goal: goal, asOf: today)
    }
}
