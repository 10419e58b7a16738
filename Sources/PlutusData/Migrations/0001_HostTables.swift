extension Migration {
    /// The host app's tables, for standalone mode only: in production the host app owns them.
    /// Money is `numeric(14,2)` in the account's currency; debts are positive balances owed.
    static let hostTables = Migration(
        version: 1, name: "host_tables", scope: .standaloneOnly,
        sql: """
            CREATE TABLE {users} (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                email text UNIQUE,
                birth_date date,
                risk_tolerance text NOT NULL DEFAULT 'moderate'
                    CHECK (risk_tolerance IN ('conservative', 'moderate', 'aggressive')),
                annual_income numeric(14,2) NOT NULL DEFAULT 0 CHECK (annual_income >= 0),
                currency char(3) NOT NULL DEFAULT 'USD',
                created_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE {accounts} (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                type text NOT NULL CHECK (type IN ('checking', 'savings', 'credit_card', 'loan', 'mortgage',
                    'brokerage', 'retirement_401k', 'ira', 'roth_ira', 'hsa')),
                name text NOT NULL,
                institution text NOT NULL,
                currency char(3) NOT NULL DEFAULT 'USD',
                apr numeric(6,3) CHECK (apr >= 0),  -- percent a year; NULL when the account has no rate
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX accounts_user_id_idx ON {accounts} (user_id);

            CREATE TABLE {account_balances} (
                account_id uuid NOT NULL REFERENCES {accounts} (id) ON DELETE CASCADE,
                as_of date NOT NULL,
                balance numeric(14,2) NOT NULL,
                available numeric(14,2),
                PRIMARY KEY (account_id, as_of)
            );

            CREATE TABLE {financial_goals} (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                type text NOT NULL CHECK (type IN ('emergency_fund', 'retirement', 'home_purchase', 'debt_payoff',
                    'education', 'vehicle', 'travel', 'wedding', 'investment', 'other')),
                title text NOT NULL,
                target_amount numeric(14,2) CHECK (target_amount > 0),
                current_amount numeric(14,2) NOT NULL DEFAULT 0,
                target_date date,
                priority integer NOT NULL DEFAULT 0 CHECK (priority >= 0),
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'paused', 'abandoned')),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX financial_goals_user_id_idx ON {financial_goals} (user_id);

            CREATE TABLE {portfolio_holdings} (
                id uuid PRIMARY KEY,
                account_id uuid NOT NULL REFERENCES {accounts} (id) ON DELETE CASCADE,
                symbol text NOT NULL,
                asset_class text NOT NULL CHECK (asset_class IN ('us_equity', 'intl_equity', 'bond', 'cash',
                    'real_estate', 'crypto', 'other')),
                quantity numeric(20,6) NOT NULL CHECK (quantity >= 0),
                price numeric(14,2) NOT NULL CHECK (price >= 0),
                cost_basis numeric(14,2) NOT NULL,  -- of the whole position
                expense_ratio numeric(6,4) NOT NULL DEFAULT 0 CHECK (expense_ratio >= 0),  -- percent a year
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX portfolio_holdings_account_id_idx ON {portfolio_holdings} (account_id);

            CREATE TABLE {transactions} (
                id uuid PRIMARY KEY,
                account_id uuid NOT NULL REFERENCES {accounts} (id) ON DELETE CASCADE,
                amount numeric(14,2) NOT NULL,  -- negative: money out
                posted_on date NOT NULL,
                merchant text NOT NULL,
                category text NOT NULL
            );
            CREATE INDEX transactions_account_id_posted_on_idx ON {transactions} (account_id, posted_on);
            """)
}
