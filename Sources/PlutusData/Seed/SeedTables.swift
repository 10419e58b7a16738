/// The rows of one batch of households, per host table, ready for `COPY`.
struct SeedTables {
    var users = CopyRows()
    var accounts = CopyRows()
    var balances = CopyRows()
    var holdings = CopyRows()
    var transactions = CopyRows()
    var goals = CopyRows()

    /// Each table's `COPY` statement (a template over ``HostTables``) and its rows, in the order
    /// the foreign keys need.
    var inLoadOrder: [(statement: String, rows: CopyRows)] {
        [
            ("COPY {users} (id, name, email, birth_date, risk_tolerance, annual_income, currency) FROM STDIN", users),
            ("COPY {accounts} (id, user_id, type, name, institution, currency, apr) FROM STDIN", accounts),
            ("COPY {account_balances} (account_id, as_of, balance, available) FROM STDIN", balances),
            (
                "COPY {portfolio_holdings} (id, account_id, symbol, asset_class, quantity, price, cost_basis, expense_ratio) FROM STDIN",
                holdings
            ),
            ("COPY {transactions} (id, account_id, amount, posted_on, merchant, category) FROM STDIN", transactions),
            (
                "COPY {financial_goals} (id, user_id, type, title, target_amount, current_amount, target_date, priority, status) FROM STDIN",
                goals
            ),
        ]
    }
}
