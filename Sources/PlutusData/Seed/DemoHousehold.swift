import Postgres

/// One demo household: a person, their accounts with a year of balances, holdings, a year of
/// categorized transactions, and one to three goals, all drawn from a generator seeded for them.
struct DemoHousehold {
    private var rng: SplitMix64
    private let seed: UInt64
    private let index: Int
    private let today: Int

    /// - Parameters:
    ///   - seed: the run's seed; each household draws from its own generator derived from it,
    ///     so a household does not depend on how many were made before it.
    ///   - index: the household's number (users are `0..<N`).
    ///   - today: days since 1970-01-01 of the last day of data.
    init(seed: UInt64, index: Int, today: Int) {
        self.rng = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        self.seed = seed
        self.index = index
        self.today = today
    }

    /// The user id household `index` gets under `seed`.
    static func userID(seed: UInt64, index: Int) -> String {
        var household = DemoHousehold(seed: seed, index: index, today: 0)
        return household.rng.uuid()
    }

    private struct Account {
        let id: String
        let type: String
        /// Positive; money owed for debts.
        var balanceCents: Int64
    }

    mutating func write(into tables: inout SeedTables) {
        let userID = rng.uuid()
        let first = rng.pick(SeedCatalog.firstNames)
        let last = rng.pick(SeedCatalog.lastNames)
        let age = rng.int(23...66)
        let spread = Double.random(in: 0..<1, using: &rng)
        let incomeCents = Int64(38_000 + spread * spread * 172_000) / 100 * 100 * 100  // whole hundreds of dollars
        let risk = age < 35 ? rng.pick(["aggressive", "aggressive", "moderate"]) : age < 55 ? rng.pick(["moderate", "moderate", "aggressive", "conservative"]) : rng.pick(["conservative", "moderate"])
        tables.users.plain(userID)
        tables.users.text("\(first) \(last)")
        // The seed in the address too: households of two seeds share indexes, and e-mails are unique.
        tables.users.text("\(first.lowercased()).\(last.lowercased()).\(seed).\(index)@example.com".replacingApostrophes())
        tables.users.plain(date(daysAgo: age * 365 + rng.int(0...364)))
        tables.users.plain(risk)
        tables.users.money(cents: incomeCents)
        tables.users.plain("USD")
        tables.users.endRow()

        let netMonthly = incomeCents * 72 / 100 / 12
        let ownsHome = age > 29 && rng.chance(0.45)
        let housingCents = ownsHome ? netMonthly * Int64(rng.int(22...32)) / 100 : netMonthly * Int64(rng.int(25...38)) / 100

        // Cash accounts.
        let checking = account(&tables, userID, "checking", "Everyday Checking", rng.pick(SeedCatalog.banks), apr: nil,
                               balance: netMonthly * Int64(rng.int(40...160)) / 100)
        let savings: Account? = rng.chance(0.9)
            ? account(&tables, userID, "savings", "High-Yield Savings", rng.pick(SeedCatalog.onlineBanks),
                      apr: Int64(rng.int(50...450)), balance: netMonthly * Int64(rng.int(20...900)) / 100)
            : nil
        // Debts.
        var card: Account?
        if rng.chance(0.8) {
            card = account(&tables, userID, "credit_card", rng.pick(["Sapphire Preferred", "Blue Cash", "Quicksilver", "Double Cash"]),
                           rng.pick(SeedCatalog.cardIssuers), apr: Int64(rng.int(1_799...2_949)),
                           balance: rng.chance(0.45) ? rng.cents(dollars: 300...14_000) : rng.cents(dollars: 0...900))
        }
        var loans: [(Account, Int64)] = []
        if age < 42 && rng.chance(0.4) {
            let loan = account(&tables, userID, "loan", "Student Loan", rng.pick(SeedCatalog.studentLenders),
                               apr: Int64(rng.int(350...750)), balance: rng.cents(dollars: 4_000...68_000))
            loans.append((loan, max(loan.balanceCents / 120, 50_00)))
        }
        if rng.chance(0.3) {
            let loan = account(&tables, userID, "loan", "Auto Loan", rng.pick(SeedCatalog.autoLenders),
                               apr: Int64(rng.int(390...950)), balance: rng.cents(dollars: 3_000...32_000))
            loans.append((loan, max(loan.balanceCents / 48, 80_00)))
        }
        if ownsHome {  // its payment is the housing cost
            _ = account(&tables, userID, "mortgage", "Home Mortgage", rng.pick(SeedCatalog.mortgageLenders),
                        apr: Int64(rng.int(275...725)), balance: incomeCents * Int64(rng.int(150...380)) / 100)
        }
        // Investments, valued from their holdings.
        var retirementCents: Int64 = 0
        let yearsWorking = Int64(max(1, age - 22))
        if rng.chance(0.78) {
            retirementCents += investmentAccount(&tables, userID, "retirement_401k", "401(k)", rng.pick(SeedCatalog.recordKeepers),
                                                 value: incomeCents * yearsWorking * Int64(rng.int(4...14)) / 100,
                                                 funds: ["VFIFX", "FXAIX", "AGTHX", "VBTLX", "FSPSX"])
        }
        if rng.chance(0.5) {
            let type = rng.chance(0.5) ? "roth_ira" : "ira"
            retirementCents += investmentAccount(&tables, userID, type, type == "ira" ? "Traditional IRA" : "Roth IRA",
                                                 rng.pick(SeedCatalog.brokers), value: rng.cents(dollars: 2_000...160_000),
                                                 funds: ["VTI", "VXUS", "BND", "VOO", "VNQ"])
        }
        if rng.chance(0.4) {
            _ = investmentAccount(&tables, userID, "brokerage", "Individual Brokerage", rng.pick(SeedCatalog.brokers),
                                  value: rng.cents(dollars: 500...240_000),
                                  funds: ["VTI", "QQQ", "ARKK", "AAPL", "SCHB", "VEA", "GBTC", "SPAXX", "AGG"])
        }
        if rng.chance(0.2) {
            _ = investmentAccount(&tables, userID, "hsa", "Health Savings Account", rng.pick(SeedCatalog.hsaProviders),
                                  value: rng.cents(dollars: 300...24_000), funds: ["FXAIX", "SPAXX"])
        }

        // A year of transactions.
        var monthlySpendingCents: Int64 = housingCents
        let spendingAccount = card ?? checking
        for daysAgo in stride(from: 364, through: 0, by: -1) {
            let day = date(daysAgo: daysAgo)
            if daysAgo % 14 == 3 {
                transaction(&tables, checking, incomeCents * 72 / 100 / 26, day, "Payroll — employer", "income")
            }
            let dayOfMonth = (today - daysAgo) % 30
            if dayOfMonth == 1 {
                transaction(&tables, checking, -housingCents, day, ownsHome ? "Mortgage payment" : "Rent — property manager", "housing")
                for (_, payment) in loans {
                    transaction(&tables, checking, -payment, day, "Loan payment", "debt_payment")
                }
            }
            if dayOfMonth == 5 {
                for utility in SeedCatalog.utilities.prefix(2) {
                    transaction(&tables, checking, -rng.cents(dollars: 45...190), day, utility, "utilities")
                }
            }
            if dayOfMonth == 20, let savings {
                let amount = max(netMonthly / 10, 50_00)
                transaction(&tables, checking, -amount, day, "Transfer to savings", "transfer")
                transaction(&tables, savings, amount, day, "Transfer from checking", "transfer")
            }
            if dayOfMonth == 25, let card {
                let amount = rng.cents(dollars: 400...2_400)
                transaction(&tables, checking, -amount, day, "Credit card payment", "transfer")
                transaction(&tables, card, amount, day, "Payment — thank you", "transfer")
            }
        }
        for category in SeedCatalog.spending {
            for month in 0..<12 {
                for _ in 0..<rng.int(category.perMonth) {
                    let amount = rng.cents(dollars: category.dollars)
                    if month == 0 { monthlySpendingCents += amount }
                    let daysAgo = month * 30 + rng.int(0...29)
                    transaction(&tables, spendingAccount, -amount, date(daysAgo: daysAgo), rng.pick(category.merchants), category.category)
                }
            }
        }

        // Goals.
        var kinds = ["emergency_fund", "retirement", "travel", "vehicle", "education", "wedding", "investment"]
        if !ownsHome { kinds.append("home_purchase") }
        if let card, card.balanceCents > 100_000 { kinds.append("debt_payoff") }
        for priority in 1...rng.int(1...3) {
            let kind = kinds.remove(at: rng.int(0...(kinds.count - 1)))
            goal(&tables, userID, kind, priority: priority, monthlySpendingCents: monthlySpendingCents,
                 incomeCents: incomeCents, savingsCents: savings?.balanceCents ?? 0, retirementCents: retirementCents,
                 cardCents: card?.balanceCents ?? 0, age: age)
        }
    }

    // MARK: - Rows

    private mutating func account(
        _ tables: inout SeedTables, _ userID: String, _ type: String, _ name: String, _ institution: String,
        apr: Int64?, balance: Int64
    ) -> Account {
        let id = rng.uuid()
        tables.accounts.plain(id)
        tables.accounts.plain(userID)
        tables.accounts.plain(type)
        tables.accounts.text(name)
        tables.accounts.text(institution)
        tables.accounts.plain("USD")
        if let apr { tables.accounts.decimal(apr, scale: 2) } else { tables.accounts.null() }
        tables.accounts.endRow()
        // Month-end balances for a year, drifting towards today's.
        for month in stride(from: 12, through: 0, by: -1) {
            let drift = Int64(100 + (month * rng.int(-3...4)))
            tables.balances.plain(id)
            tables.balances.plain(date(daysAgo: month * 30))
            tables.balances.money(cents: month == 0 ? balance : max(0, balance * drift / 100))
            tables.balances.null()
            tables.balances.endRow()
        }
        return Account(id: id, type: type, balanceCents: balance)
    }

    /// An investment account holding 1–4 of `funds`; returns its value, which is its balance.
    private mutating func investmentAccount(
        _ tables: inout SeedTables, _ userID: String, _ type: String, _ name: String, _ institution: String,
        value: Int64, funds: [String]
    ) -> Int64 {
        var chosen = funds
        var positions: [(SeedCatalog.Security, Int64)] = []
        var remaining = max(value, 100_00)
        let count = rng.int(1...min(4, funds.count))
        for position in 0..<count {
            let symbol = chosen.remove(at: rng.int(0...(chosen.count - 1)))
            guard let security = SeedCatalog.securities.first(where: { $0.symbol == symbol }) else { continue }
            let share = position == count - 1 ? remaining : remaining * Int64(rng.int(30...70)) / 100
            remaining -= share
            positions.append((security, share))
        }
        // Quantities in millionths of a unit; the balance is the sum of the positions valued to the cent.
        var total: Int64 = 0
        var holdings: [(SeedCatalog.Security, Int64, Int64)] = []
        for (security, share) in positions {
            let micros = share * 1_000_000 / security.priceCents
            let positionValue = (micros * security.priceCents + 500_000) / 1_000_000
            total += positionValue
            holdings.append((security, micros, positionValue))
        }
        let account = account(&tables, userID, type, name, institution, apr: nil, balance: total)
        for (security, micros, positionValue) in holdings {
            tables.holdings.plain(rng.uuid())
            tables.holdings.plain(account.id)
            tables.holdings.plain(security.symbol)
            tables.holdings.plain(security.assetClass)
            tables.holdings.decimal(micros, scale: 6)
            tables.holdings.money(cents: security.priceCents)
            tables.holdings.money(cents: positionValue * Int64(rng.int(70...110)) / 100)
            tables.holdings.decimal(security.expenseRatio, scale: 4)
            tables.holdings.endRow()
        }
        return total
    }

    private mutating func transaction(
        _ tables: inout SeedTables, _ account: Account, _ cents: Int64, _ day: String, _ merchant: String, _ category: String
    ) {
        tables.transactions.plain(rng.uuid())
        tables.transactions.plain(account.id)
        tables.transactions.money(cents: cents)
        tables.transactions.plain(day)
        tables.transactions.text(merchant)
        tables.transactions.plain(category)
        tables.transactions.endRow()
    }

    private mutating func goal(
        _ tables: inout SeedTables, _ userID: String, _ kind: String, priority: Int, monthlySpendingCents: Int64,
        incomeCents: Int64, savingsCents: Int64, retirementCents: Int64, cardCents: Int64, age: Int
    ) {
        let (title, target, current, years): (String, Int64, Int64, Int) =
            switch kind {
            case "emergency_fund": ("Six-month emergency fund", monthlySpendingCents * 6, min(savingsCents, monthlySpendingCents * 6), 2)
            case "retirement": ("Retire comfortably", monthlySpendingCents * 12 * 25, retirementCents, max(1, 65 - age))
            case "home_purchase": ("Down payment on a home", incomeCents * Int64(rng.int(60...120)) / 100, savingsCents / 2, rng.int(3...7))
            case "debt_payoff": ("Pay off the credit card", cardCents, 0, 1)
            case "travel": (rng.pick(["Trip to Japan", "Two weeks in Italy", "Family trip to Hawaii"]), rng.cents(dollars: 3_000...9_000), rng.cents(dollars: 0...1_500), 1)
            case "vehicle": ("Replace the car", rng.cents(dollars: 12_000...38_000), rng.cents(dollars: 0...5_000), rng.int(2...4))
            case "education": ("Graduate school fund", rng.cents(dollars: 20_000...80_000), rng.cents(dollars: 0...8_000), rng.int(2...6))
            case "wedding": ("Wedding", rng.cents(dollars: 15_000...45_000), rng.cents(dollars: 0...6_000), rng.int(1...3))
            default: ("Grow the taxable portfolio", rng.cents(dollars: 25_000...250_000), rng.cents(dollars: 0...20_000), rng.int(5...15))
            }
        tables.goals.plain(rng.uuid())
        tables.goals.plain(userID)
        tables.goals.plain(kind)
        tables.goals.text(title)
        tables.goals.money(cents: max(target, 100_00))
        tables.goals.money(cents: max(0, current))
        tables.goals.plain(PostgresTimestamp.dateString(daysSinceEpoch: today + years * 365 + rng.int(0...180)))
        tables.goals.integer(priority)
        tables.goals.plain("active")
        tables.goals.endRow()
    }

    private func date(daysAgo: Int) -> String {
        PostgresTimestamp.dateString(daysSinceEpoch: today - daysAgo)
    }
}

extension String {
    /// E-mail local parts without apostrophes (O'Brien → obrien) or umlauts left as they are.
    fileprivate func replacingApostrophes() -> String { filter { $0 != "'" } }
}
