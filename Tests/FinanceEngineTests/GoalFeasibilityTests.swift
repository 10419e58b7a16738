import FinanceEngine
import Testing

@Suite("Goal feasibility")
struct GoalFeasibilityTests {
    let today = CivilDate(year: 2025, month: 1, day: 1)!

    @Test func monthsToReachIsNumpyFinancialsNperRoundedUp() throws {
        let cases = try Reference.load().goals.monthsToReach
        #expect(cases.count >= 10 && cases.contains { $0.months == nil })
        for c in cases {
            let months = GoalFeasibility.monthsToReach(
                targetCents: c.targetCents, currentCents: c.currentCents, monthlyContributionCents: c.contributionCents,
                annualReturn: c.annualReturn)
            #expect(months == c.months, "\(c)")
        }
    }

    @Test func requiredContributionIsNumpyFinancialsPmtRoundedUpToTheCent() throws {
        let cases = try Reference.load().goals.contributions
        #expect(cases.count >= 15)
        for c in cases {
            let needed = GoalFeasibility.requiredMonthlyContributionCents(
                targetCents: c.targetCents, currentCents: c.currentCents, annualReturn: c.annualReturn, months: c.months
            )
            #expect(needed == c.contributionCents, "\(c)")
        }
    }

    @Test func projectionIsNumpyFinancialsFvToTheCent() throws {
        let cases = try Reference.load().goals.projections
        #expect(cases.count >= 15)
        for c in cases {
            let projected = GoalFeasibility.projectedBalanceCents(
                currentCents: c.currentCents, monthlyContributionCents: c.contributionCents,
                annualReturn: c.annualReturn, months: c.months)
            #expect(projected == c.projectedCents, "\(c)")
        }
    }

    @Test func theRequiredContributionActuallyGetsThere() throws {
        for months in [1, 7, 60, 240] {
            let needed = try #require(
                GoalFeasibility.requiredMonthlyContributionCents(
                    targetCents: 2_500_000, currentCents: 300_000, annualReturn: 0.045, months: months))
            let reached = GoalFeasibility.projectedBalanceCents(
                currentCents: 300_000, monthlyContributionCents: needed, annualReturn: 0.045, months: months)
            let short = GoalFeasibility.projectedBalanceCents(
                currentCents: 300_000, monthlyContributionCents: needed - 1, annualReturn: 0.045, months: months)
            #expect(reached >= 2_500_000 && short < 2_500_000 + Int64(months), "\(months) months")
        }
    }

    @Test func contributionByDateCountsWholeMonths() {
        let byDate = GoalFeasibility.requiredMonthlyContributionCents(
            targetCents: 1_200_000, currentCents: 0, annualReturn: 0, from: today,
            by: CivilDate(year: 2026, month: 1, day: 1)!)
        #expect(byDate == 100_000)
        #expect(
            GoalFeasibility.requiredMonthlyContributionCents(
                targetCents: 100, currentCents: 0, annualReturn: 0, months: 0) == nil)
        #expect(
            GoalFeasibility.requiredMonthlyContributionCents(
                targetCents: 100, currentCents: 200, annualReturn: 0, months: 0) == 0)
        // Growth alone gets there: nothing more is needed.
        #expect(
            GoalFeasibility.requiredMonthlyContributionCents(
                targetCents: 110_000, currentCents: 100_000, annualReturn: 0.1, months: 24) == 0)
    }

    @Test func statusThresholds() {
        #expect(GoalStatus(currentCents: 100, projectedCents: 100, targetCents: 100) == .achieved)
        #expect(GoalStatus(currentCents: 0, projectedCents: 100, targetCents: 100) == .onTrack)
        #expect(GoalStatus(currentCents: 0, projectedCents: 85, targetCents: 100) == .atRisk)
        #expect(GoalStatus(currentCents: 0, projectedCents: 99, targetCents: 100) == .atRisk)
        #expect(GoalStatus(currentCents: 0, projectedCents: 84, targetCents: 100) == .offTrack)
        #expect(GoalStatus.allCases.map(\.rawValue) == ["achieved", "on_track", "at_risk", "off_track"])
    }

    @Test func assessmentOfAGoalOnTrack() throws {
        // $12,000 in 24 months with $500 a month at 0 %: exactly there.
        let goal = SavingsGoal(
            targetCents: 1_200_000, currentCents: 0, monthlyContributionCents: 50_000, annualReturn: 0,
            targetDate: CivilDate(year: 2027, month: 1, day: 1))
        let assessment = GoalFeasibility.assess(goal, asOf: today)
        #expect(assessment.monthsRemaining == 24)
        #expect(assessment.projectedCents == 1_200_000)
        #expect(assessment.shortfallCents == 0)
        #expect(assessment.requiredMonthlyContributionCents == 50_000)
        #expect(assessment.monthsToReach == 24)
        #expect(assessment.projectedCompletionDate == CivilDate(year: 2027, month: 1, day: 1))
        #expect(assessment.status == .onTrack)
        #expect(assessment.fundedShare == 0)
    }

    @Test func assessmentOfAGoalAtRiskAndOffTrack() {
        var goal = SavingsGoal(
            targetCents: 1_000_000, currentCents: 100_000, monthlyContributionCents: 30_000, annualReturn: 0,
            targetDate: CivilDate(year: 2027, month: 1, day: 1))
        // $1,000 + 24 × $300 = $8,200: 82 % of the target.
        var assessment = GoalFeasibility.assess(goal, asOf: today)
        #expect(assessment.projectedCents == 820_000)
        #expect(assessment.shortfallCents == 180_000)
        #expect(assessment.status == .offTrack)
        #expect(assessment.requiredMonthlyContributionCents == 37_500)
        #expect(assessment.monthsToReach == 30)
        goal.monthlyContributionCents = 33_000  // $8,920: 89.2 %
        assessment = GoalFeasibility.assess(goal, asOf: today)
        #expect(assessment.status == .atRisk)
    }

    @Test func assessmentOfAGoalWhoseDateHasPassedOrThatIsMet() {
        let late = SavingsGoal(
            targetCents: 1_000_000, currentCents: 950_000, monthlyContributionCents: 10_000,
            targetDate: CivilDate(year: 2024, month: 6, day: 1))
        let assessment = GoalFeasibility.assess(late, asOf: today)
        #expect(assessment.status == .offTrack)
        #expect(assessment.requiredMonthlyContributionCents == nil)
        #expect(assessment.monthsToReach == 5)
        let met = SavingsGoal(targetCents: 500_000, currentCents: 600_000, monthlyContributionCents: 0)
        let metAssessment = GoalFeasibility.assess(met, asOf: today)
        #expect(metAssessment.status == .achieved)
        #expect(metAssessment.monthsToReach == 0)
        #expect(metAssessment.shortfallCents == 0)
        #expect(metAssessment.fundedShare == 1.2)
    }

    @Test func aGoalWithoutADateIsOnTrackIfThePaceEverGetsThere() {
        let someday = SavingsGoal(
            targetCents: 1_000_000, currentCents: 0, monthlyContributionCents: 1_000, annualReturn: 0.03)
        #expect(GoalFeasibility.assess(someday, asOf: today).status == .onTrack)
        let never = SavingsGoal(targetCents: 1_000_000, currentCents: 10_000, monthlyContributionCents: 0)
        let assessment = GoalFeasibility.assess(never, asOf: today)
        #expect(assessment.status == .offTrack)
        #expect(assessment.monthsToReach == nil && assessment.projectedCompletionDate == nil)
        #expect(assessment.requiredMonthlyContributionCents == nil)
    }
}
