extension Migration {
    /// Plutus's own tables. Every user-owned row references the user and goes with them.
    /// Columns named `*_sealed` hold AES-GCM ciphertext (see ``DataCipher``), with the id of the
    /// key that sealed it in the `*_key_id` column beside it.
    static let plutusTables = Migration(
        version: 2, name: "plutus_tables", scope: .always,
        sql: """
            CREATE TABLE plutus_conversations (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                session_id uuid NOT NULL,
                title text,
                started_at timestamptz NOT NULL DEFAULT now(),
                ended_at timestamptz,
                summary_sealed bytea,
                summary_key_id text,
                CHECK ((summary_sealed IS NULL) = (summary_key_id IS NULL))
            );
            CREATE INDEX plutus_conversations_user_id_started_at_idx ON plutus_conversations (user_id, started_at DESC);

            CREATE TABLE plutus_messages (
                id uuid NOT NULL,
                conversation_id uuid NOT NULL REFERENCES plutus_conversations (id) ON DELETE CASCADE,
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
                content_sealed bytea NOT NULL,
                content_key_id text NOT NULL,
                metadata jsonb NOT NULL DEFAULT '{}',
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (id, created_at)
            ) PARTITION BY RANGE (created_at);
            CREATE INDEX plutus_messages_conversation_id_created_at_idx ON plutus_messages (conversation_id, created_at);

            -- Creates the monthly partitions of plutus_messages from this month to `months_ahead`
            -- months on, those still missing; returns how many it created. Safe to call at once
            -- from several processes.
            CREATE FUNCTION plutus_ensure_message_partitions(months_ahead integer) RETURNS integer
            LANGUAGE plpgsql AS $$
            DECLARE
                month_start date;
                partition_name text;
                created integer := 0;
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('plutus_messages partitions'));
                FOR offset_months IN 0..months_ahead LOOP
                    month_start := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => offset_months))::date;
                    partition_name := format('plutus_messages_%s', to_char(month_start, 'YYYY_MM'));
                    IF to_regclass(partition_name) IS NULL THEN
                        EXECUTE format('CREATE TABLE %I PARTITION OF plutus_messages FOR VALUES FROM (%L) TO (%L)',
                            partition_name, month_start::timestamptz, (month_start + interval '1 month')::timestamptz);
                        created := created + 1;
                    END IF;
                END LOOP;
                RETURN created;
            END
            $$;
            SELECT plutus_ensure_message_partitions(3);

            -- One row per version of a user's context: the snapshot, and why it was taken.
            CREATE TABLE plutus_user_context (
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                version bigint NOT NULL CHECK (version > 0),
                snapshot_sealed bytea NOT NULL,
                snapshot_key_id text NOT NULL,
                reason text NOT NULL,
                run_id text,  -- the graph run that made this version: applied once per run
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (user_id, version)
            );
            CREATE UNIQUE INDEX plutus_user_context_user_id_run_id_idx ON plutus_user_context (user_id, run_id)
                WHERE run_id IS NOT NULL;

            CREATE TABLE plutus_insights (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                type text NOT NULL,
                content_sealed bytea NOT NULL,
                content_key_id text NOT NULL,
                confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
                source text NOT NULL,
                extracted_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX plutus_insights_user_id_confidence_idx ON plutus_insights (user_id, confidence DESC, extracted_at DESC);

            -- Goals the coach heard in conversation, beside the host app's own.
            CREATE TABLE plutus_goals (
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
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX plutus_goals_user_id_idx ON plutus_goals (user_id);

            CREATE TABLE plutus_user_preferences (
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                key text NOT NULL,
                value text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (user_id, key)
            );

            CREATE TABLE plutus_audit_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id uuid REFERENCES {users} (id) ON DELETE CASCADE,
                actor text NOT NULL,
                action text NOT NULL,
                detail jsonb NOT NULL DEFAULT '{}',
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX plutus_audit_log_user_id_created_at_idx ON plutus_audit_log (user_id, created_at);

            -- The conversation graph's state after each step, so an interrupted run can resume.
            CREATE TABLE plutus_graph_checkpoints (
                run_id uuid NOT NULL,
                step integer NOT NULL CHECK (step >= 0),
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                conversation_id uuid REFERENCES plutus_conversations (id) ON DELETE CASCADE,
                node text NOT NULL,
                state_sealed bytea NOT NULL,
                state_key_id text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (run_id, step)
            );
            CREATE INDEX plutus_graph_checkpoints_user_id_idx ON plutus_graph_checkpoints (user_id);
            """)
}
