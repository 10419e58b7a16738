public import Logging
public import Postgres

/// Applies ``Migration``s to a database: each once, in order, in a transaction of its own.
///
/// Re-running applies nothing that was applied; a migration that fails leaves nothing of itself
/// behind, and the ones after it are not tried. An advisory lock keeps two processes from
/// migrating at once.
public struct Migrator: Sendable {
    public let client: PostgresClient
    public let hostTables: HostTables
    public let logger: Logger

    public init(client: PostgresClient, hostTables: HostTables = HostTables(), logger: Logger) {
        self.client = client
        self.hostTables = hostTables
        self.logger = logger
    }

    /// What one run did with a migration.
    public struct Outcome: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            case applied
            case alreadyApplied
            case skipped  // standalone-only, outside standalone mode
        }
        public let version: Int
        public let name: String
        public let action: Action
    }

    /// Brings the schema up to date.
    ///
    /// - Parameters:
    ///   - standalone: also create the host app's tables (a database Plutus owns alone).
    ///   - migrations: the migrations to apply (the catalogue, unless a test says otherwise).
    /// - Throws: ``MigrationError`` when an applied migration has changed, or the database's
    ///   error for the migration that failed.
    @discardableResult
    public func migrate(standalone: Bool, migrations: [Migration] = Migration.all) async throws -> [Outcome] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            do {
                let outcomes = try await migrate(on: connection, standalone: standalone, migrations: migrations)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
                return outcomes
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
                throw error
            }
        }
    }

    /// The versions recorded as applied, oldest first.
    public func appliedVersions() async throws -> [Int] {
        let exists = try await client.query("SELECT to_regclass('plutus_schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return [] }
        return try await client.query("SELECT version FROM plutus_schema_migrations ORDER BY version")
            .map { try $0.decode("version", as: Int.self) }
    }

    private static let lockKey: Int64 = 0x706C_7574_7573  // "plutus"

    private func migrate(
        on connection: PostgresConnection, standalone: Bool, migrations: [Migration]
    ) async throws -> [Outcome] {
        try await connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS plutus_schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var applied: [Int: String] = [:]
        for row in try await connection.query("SELECT version, checksum FROM plutus_schema_migrations") {
            applied[try row.decode("version", as: Int.self)] = try row.decode("checksum", as: String.self)
        }
        var outcomes: [Outcome] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else { throw MigrationError.changedAfterApplying(migration) }
                outcomes.append(Outcome(version: migration.version, name: migration.name, action: .alreadyApplied))
                continue
            }
            guard standalone || migration.scope == .always else {
                outcomes.append(Outcome(version: migration.version, name: migration.name, action: .skipped))
                continue
            }
            let sql = hostTables.render(migration.sql)
            do {
                try await connection.withTransaction { connection in
                    try await connection.executeScript(sql)
                    try await connection.query(
                        """
                        INSERT INTO plutus_schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """)
                }
            } catch {
                throw MigrationError.failed(migration, underlying: error)
            }
            logger.info(
                "migration applied", metadata: ["migration.version": "\(migration.version)", "migration.name": "\(migration.name)"])
            outcomes.append(Outcome(version: migration.version, name: migration.name, action: .applied))
        }
        return outcomes
    }
}

/// Why ``Migrator/migrate(standalone:migrations:)`` stopped.
public enum MigrationError: Error, CustomStringConvertible {
    /// The SQL of an applied migration is not what was applied: migrations are never edited, only added.
    case changedAfterApplying(Migration)
    /// The database refused the migration; nothing of it was applied.
    case failed(Migration, underlying: any Error)

    public var description: String {
        switch self {
        case .changedAfterApplying(let migration):
            "migration \(migration.version) (\(migration.name)) has changed since it was applied; add a new migration instead"
        case .failed(let migration, let error):
            "migration \(migration.version) (\(migration.name)) failed and was rolled back: \(error)"
        }
    }
}
