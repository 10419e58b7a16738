import PlutusData

/// The SQL that builds a context, rendered once for the deployment's host table names.
///
/// Every figure is computed here, in the database: money as whole cents (`bigint`), rates in
/// basis points. `$1` is always the user's id.
struct ContextQueries: Sendable {
    let profile: String
    let accounts: String
    let holdings: String
    let portfolio: String
    let cashFlow: String
    let recentTransactions: String
    let goals: String
    let insights: String
    let conversations: String
    let preferences: String

    /// Account types whose balance is money owed.
    static let debtTypes = "('credit_card', 'loan', 'mortgage')"

    init(hostTables: HostTables) {
        let render = hostTables.render
        profile = render(
            """
            SELECT u.name, coalesce(u.birth_date::text, '') AS birth_date, u.risk_tolerance,
                   (u.annual_income * 100)::bigint AS annual_income_cents, u.currency::text AS currency,
                   coalesce((SELECT max(c.version) FROM plutus_user_context c WHERE c.user_id = u.id), 0) AS version
            FROM {users} u WHERE u.id = $1::uuid
            """)
        // Each account with its latest balance; assets and liabilities summed over all of them.
        accounts = render(
            """
            SELECT a.id::text AS id, a.type, a.name, a.institution, a.currency::text AS currency,
                   round(a.apr * 100)::integer AS apr_bps,
                   coalesce(b.balance * 100, 0)::bigint AS balance_cents,
                   coalesce(b.available * 100, 0)::bigint AS available_cents,
                   coalesce(extract(epoch FROM b.as_of::timestamp) * 1000, 0)::bigint AS as_of_unix_ms,
                   (sum(CASE WHEN a.type IN \(Self.debtTypes) THEN 0 ELSE coalesce(b.balance, 0) END) OVER () * 100)::bigint
                       AS assets_cents,
                   (sum(CASE WHEN a.type IN \(Self.debtTypes) THEN coalesce(b.balance, 0) ELSE 0 END) OVER () * 100)::bigint
                       AS liabilities_cents
            FROM {accounts} a
            LEFT JOIN LATERAL (
                SELECT ab.balance, ab.available, ab.as_of FROM {account_balances} ab
                WHERE ab.account_id = a.id ORDER BY ab.as_of DESC LIMIT 1
            ) b ON true
            WHERE a.user_id = $1::uuid
            ORDER BY a.created_at, a.id
            """)
        holdings = render(
            """
            SELECT h.symbol, h.asset_class, round(h.quantity * 1000000)::bigint AS quantity_micros,
                   (h.price * 100)::bigint AS price_cents, (h.cost_basis * 100)::bigint AS cost_basis_cents,
                   round(h.expense_ratio * 100)::integer AS expense_ratio_bps,
                   a.id::text AS account_id, a.currency::text AS currency
            FROM {portfolio_holdings} h JOIN {accounts} a ON a.id = h.account_id
            WHERE a.user_id = $1::uuid
            ORDER BY h.quantity * h.price DESC, h.symbol
            """)
        // One row per asset class, each carrying the portfolio's totals. Positions are valued to
        // the cent first, so the parts add up to the whole.
        portfolio = render(
            """
            WITH positions AS (
                SELECT h.asset_class, round(h.quantity * h.price, 2) AS value, h.cost_basis, h.expense_ratio
                FROM {portfolio_holdings} h JOIN {accounts} a ON a.id = h.account_id
                WHERE a.user_id = $1::uuid
            ), classes AS (
                SELECT asset_class, sum(value) AS value, sum(cost_basis) AS cost_basis,
                       sum(value * expense_ratio) AS fee_weight
                FROM positions GROUP BY asset_class
            ), total AS (
                SELECT sum(value) AS value, sum(cost_basis) AS cost_basis, sum(fee_weight) AS fee_weight FROM classes
            )
            SELECT c.asset_class, (c.value * 100)::bigint AS value_cents,
                   coalesce(round(c.value * 10000 / nullif(t.value, 0)), 0)::integer AS share_bps,
                   (t.value * 100)::bigint AS total_value_cents, (t.cost_basis * 100)::bigint AS total_cost_basis_cents,
                   coalesce(round(t.fee_weight * 10000 / nullif(t.value, 0)), 0)::integer AS expense_ratio_centibps,
                   round(t.fee_weight)::bigint AS annual_fees_cents
            FROM classes c CROSS JOIN total t
            ORDER BY c.value DESC, c.asset_class
            """)
        // Income is what is categorised `income`; spending is every other outflow net of refunds;
        // transfers between the user's own accounts are neither. `$2` is the window in days,
        // ending today.
        cashFlow = render(
            """
            WITH flows AS (
                SELECT t.category, t.amount FROM {transactions} t JOIN {accounts} a ON a.id = t.account_id
                WHERE a.user_id = $1::uuid AND t.posted_on > current_date - $2::integer
                  AND t.posted_on <= current_date AND t.category <> 'transfer'
            ), spending AS (
                SELECT category, -sum(amount) AS amount FROM flows WHERE category <> 'income' GROUP BY category
            ), totals AS (
                SELECT coalesce(sum(amount) FILTER (WHERE category = 'income'), 0) AS income,
                       coalesce(-sum(amount) FILTER (WHERE category <> 'income'), 0) AS spending
                FROM flows
            )
            SELECT s.category, (s.amount * 100)::bigint AS amount_cents,
                   (t.income * 100)::bigint AS income_cents, (t.spending * 100)::bigint AS spending_cents,
                   CASE WHEN t.income > 0 THEN round((t.income - t.spending) * 10000 / t.income)::integer END
                       AS savings_rate_bps
            FROM totals t LEFT JOIN spending s ON true
            ORDER BY s.amount DESC NULLS LAST, s.category
            """)
        // The newest 20 of each account (a short backward index scan each), then the newest 20 of
        // those: the same rows as sorting all of the user's transactions, which read them all.
        recentTransactions = render(
            """
            SELECT t.id::text AS id, t.account_id::text AS account_id, (t.amount * 100)::bigint AS amount_cents,
                   t.posted_on::text AS posted_on, t.merchant, t.category
            FROM {accounts} a CROSS JOIN LATERAL (
                SELECT t.id, t.account_id, t.amount, t.posted_on, t.merchant, t.category FROM {transactions} t
                WHERE t.account_id = a.id ORDER BY t.posted_on DESC, t.id LIMIT 20
            ) t
            WHERE a.user_id = $1::uuid
            ORDER BY t.posted_on DESC, t.id LIMIT 20
            """)
        goals = render(
            """
            SELECT id::text AS id, type, title, (target_amount * 100)::bigint AS target_amount_cents,
                   (current_amount * 100)::bigint AS current_amount_cents, coalesce(target_date::text, '') AS target_date,
                   priority, status, source,
                   CASE WHEN target_amount > 0 THEN least(10000, round(current_amount * 10000 / target_amount)) ELSE 0 END::integer
                       AS progress_bps
            FROM (
                SELECT id, type, title, target_amount, current_amount, target_date, priority, status, 'host' AS source
                FROM {financial_goals} WHERE user_id = $1::uuid
                UNION ALL
                SELECT id, type, title, target_amount, current_amount, target_date, priority, status, 'coach' AS source
                FROM plutus_goals WHERE user_id = $1::uuid
            ) g
            ORDER BY priority = 0, priority, target_date NULLS LAST, title, id
            """)
        insights = """
            SELECT id::text AS id, type, content_sealed, content_key_id, confidence, source,
                   (extract(epoch FROM extracted_at) * 1000)::bigint AS extracted_at_unix_ms
            FROM plutus_insights WHERE user_id = $1::uuid
            ORDER BY confidence DESC, extracted_at DESC, id LIMIT 10
            """
        conversations = """
            SELECT id::text AS id, coalesce(title, '') AS title, summary_sealed, summary_key_id,
                   (extract(epoch FROM started_at) * 1000)::bigint AS started_at_unix_ms,
                   coalesce(extract(epoch FROM ended_at) * 1000, 0)::bigint AS ended_at_unix_ms
            FROM plutus_conversations WHERE user_id = $1::uuid
            ORDER BY started_at DESC, id LIMIT 5
            """
        preferences = """
            SELECT key, value FROM plutus_user_preferences WHERE user_id = $1::uuid ORDER BY key
            """
    }
}
