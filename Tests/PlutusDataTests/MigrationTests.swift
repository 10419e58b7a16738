import Logging
import PlutusData
import PlutusTestSupport
import Postgres
import Testing

/// Migrations against real, empty databases of their own.
@Suite struct MigrationTests {
    static let logger = Logger(label: "plutus.tests.migrations")

    private func withMigrator<Result>(
        hostTables: HostTables = HostTables(), _ body: (Migrator, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 2), logger: Self.logger)
            return try await withCleanUp {
                try await body(Migrator(client: client, hostTables: hostTables, logger: Self.logger), client)
            } cleanUp: {
                await client.shutdown()
            }
        }
    }

    /// The tables in `schema`, by default the scratch schema the client works in.
    private func tables(_ client: PostgresClient, schema: String? = nil) async throws -> Set<String> {
        Set(
            try await client.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = coalesce(\(schema), current_schema())"
            ).map { try $0.decode("tablename", as: String.self) })
    }

    @Test func aFreshStandaloneDatabaseGetsEveryTable() async throws {
        try await withMigrator { migrator, client in
            let outcomes = try await migrator.migrate(standalone: true)
            #expect(outcomes.map(\.action) == Migration.all.map { _ in .applied })
            let tables = try await tables(client)
            for table in [
                "users", "accounts", "account_balances", "financial_goals", "portfolio_holdings", "transactions",
                "plutus_conversations", "plutus_messages", "plutus_user_context", "plutus_insights",
                "plutus_audit_log", "plutus_graph_checkpoints", "plutus_idempotency_keys", "plutus_schema_migrations",
            ] {
                #expect(tables.contains(table), "missing \(table)")
            }
            #expect(try await migrator.appliedVersions() == Migration.all.map(\.version))
        }
    }

    @Test func ciphertextIsStoredUncompressedAndCheckpointsStayInTheirPage() async throws {
        try await withMigrator { migrator, client in
            try await migrator.migrate(standalone: true)
            let storage = try await client.query(
                """
                SELECT c.relname || '.' || a.attname AS col, a.attstorage::text AS storage
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = current_schema()::regnamespace
                  AND a.attname IN ('state_sealed', 'snapshot_sealed')
                """
            ).map { (try $0.decode("col", as: String.self), try $0.decode("storage", as: String.self)) }
            #expect(Dictionary(uniqueKeysWithValues: storage) == [
                "plutus_graph_checkpoints.state_sealed": "e", "plutus_user_context.snapshot_sealed": "e",
            ])
            let options = try await client.query(
                """
                SELECT array_to_string(reloptions, ',') AS options FROM pg_class
                WHERE relname = 'plutus_graph_checkpoints' AND relnamespace = current_schema()::regnamespace
                """
            ).first?.decode("options", as: String?.self)
            #expect(options == "toast_tuple_target=8160")
        }
    }

    @Test func reRunningAppliesNothing() async throws {
        try await withMigrator { migrator, client in
            try await migrator.migrate(standalone: true)
            let before = try await client.query("SELECT version, applied_at::text AS at FROM plutus_schema_migrations ORDER BY 1")
                .map { try $0.decode("at", as: String.self) }
            let again = try await migrator.migrate(standalone: true)
            #expect(again.map(\.action) == Migration.all.map { _ in .alreadyApplied })
            let after = try await client.query("SELECT version, applied_at::text AS at FROM plutus_schema_migrations ORDER BY 1")
                .map { try $0.decode("at", as: String.self) }
            #expect(before == after)
        }
    }

    @Test func withoutStandaloneTheHostTablesAreLeftToTheHostApp() async throws {
        try await withMigrator { migrator, client in
            // The host app's schema, made by the host app.
            try await migrator.migrate(standalone: true, migrations: [Migration.all[0]])
            try await client.query("DELETE FROM plutus_schema_migrations")
            let outcomes = try await migrator.migrate(standalone: false)
            #expect(outcomes.map(\.action) == [.skipped] + Migration.all.dropFirst().map { _ in .applied })
            #expect(try await migrator.appliedVersions() == Migration.all.dropFirst().map(\.version))
        }
    }

    @Test func hostTablesCanHaveOtherNames() async throws {
        let app = "host_app_\(UInt32.random(in: 0...UInt32.max))"
        let renamed = try HostTables(overrides: "users=\(app).customers, accounts=\(app).ledger_accounts")
        try await withMigrator(hostTables: renamed) { migrator, client in
            try await client.query(PostgresQuery(sql: "CREATE SCHEMA \(app)"))
            try await withCleanUp {
                try await migrator.migrate(standalone: true)
                #expect(try await tables(client, schema: app) == ["customers", "ledger_accounts"])
                // Plutus's tables reference the renamed users table.
                let reference = try await client.query(
                    """
                    SELECT confrelid::regclass::text AS target FROM pg_constraint
                    WHERE conrelid = 'plutus_conversations'::regclass AND contype = 'f'
                    """)
                #expect(try reference.map { try $0.decode("target", as: String.self) } == ["\(app).customers"])
            } cleanUp: {
                _ = try? await client.query(PostgresQuery(sql: "DROP SCHEMA \(app) CASCADE"))
            }
        }
    }

    @Test func aFailingMigrationLeavesNothingHalfApplied() async throws {
        let broken = Migration(
            version: 90, name: "broken", scope: .always,
            sql: """
                CREATE TABLE plutus_half (id integer);
                INSERT INTO plutus_half VALUES (1);
                SELECT * FROM no_such_table;
                """)
        try await withMigrator { migrator, client in
            let error = await #expect(throws: MigrationError.self) {
                try await migrator.migrate(standalone: true, migrations: Migration.all + [broken])
            }
            #expect(error.map { "\($0)" }?.contains("no_such_table") == true)
            #expect(!(try await tables(client)).contains("plutus_half"))
            #expect(try await migrator.appliedVersions() == Migration.all.map(\.version))
            // Fixed, it applies on the next run.
            let fixed = Migration(version: 90, name: "fixed", scope: .always, sql: "CREATE TABLE plutus_half (id integer)")
            let outcomes = try await migrator.migrate(standalone: true, migrations: Migration.all + [fixed])
            #expect(outcomes.last?.action == .applied)
        }
    }

    @Test func anAppliedMigrationThatChangedIsRefused() async throws {
        try await withMigrator { migrator, _ in
            let first = Migration(version: 90, name: "extra", scope: .always, sql: "CREATE TABLE plutus_extra (id integer)")
            try await migrator.migrate(standalone: true, migrations: Migration.all + [first])
            let edited = Migration(version: 90, name: "extra", scope: .always, sql: "CREATE TABLE plutus_extra (id bigint)")
            await #expect(throws: MigrationError.self) {
                try await migrator.migrate(standalone: true, migrations: Migration.all + [edited])
            }
        }
    }

    @Test func twoMigratorsAtOnceApplyEachMigrationOnce() async throws {
        try await withMigrator { migrator, _ in
            async let first = migrator.migrate(standalone: true)
            async let second = migrator.migrate(standalone: true)
            let actions = try await (first + second).filter { $0.action == .applied }
            #expect(actions.map(\.version).sorted() == Migration.all.map(\.version))
        }
    }

    @Test func messagePartitionsExistFromThisMonthAhead() async throws {
        try await withMigrator { migrator, client in
            try await migrator.migrate(standalone: true)
            let partitions = try await client.query(
                "SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'plutus_messages'::regclass")
            #expect(try partitions.first?.decode("n", as: Int.self) == 4)
            // Asking again creates only what is missing.
            let created = try await client.query("SELECT plutus_ensure_message_partitions(5) AS created")
            #expect(try created.first?.decode("created", as: Int.self) == 2)
        }
    }

    @Test func theSchemaTakesEveryGoalTypeAndStatusTheCodeKnows() async throws {
        try await withMigrator { migrator, client in
            try await migrator.migrate(standalone: true)
            let user = "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b01"
            try await client.query("INSERT INTO users (id, name) VALUES (\(user)::uuid, 'Goal Setter')")
            for type in GoalVocabulary.types {
                for status in GoalVocabulary.statuses {
                    for table in ["financial_goals", "plutus_goals"] {
                        try await client.query(
                            PostgresQuery(
                                sql: "INSERT INTO \(table) (id, user_id, type, title, status) VALUES (gen_random_uuid(), $1::uuid, $2, 'goal', $3)",
                                bindings: [PostgresBinding(user), PostgresBinding(type), PostgresBinding(status)]))
                    }
                }
            }
            await #expect(throws: PostgresError.self) {
                try await client.query(
                    "INSERT INTO plutus_goals (id, user_id, type, title) VALUES (gen_random_uuid(), \(user)::uuid, 'yacht', 'x')")
            }
        }
    }

    @Test(arguments: ["users=", "people=app.users", "users=App.Users", "users=a.b.c", "users=1users", "users"])
    func badHostTableSettingsAreRefused(setting: String) {
        #expect(throws: DataConfigurationError.self) { try HostTables(overrides: setting) }
    }
}
