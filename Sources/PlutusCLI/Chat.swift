import ArgumentParser
import Foundation
import HTTPClient
import Logging
import PlutusAuth

/// `plutus chat`: talks to the coach from the terminal through the gateway's HTTP API, as the
/// app does: a conversation is started, each message's reply streams in as it is written, and
/// the figures and recommendations behind it follow.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat with the coach over the HTTP API: one --message, or a prompt per line (/history, /new, /end, /quit).")

    @Option(help: "Chat as this user (a UUID), with a token signed with $PLUTUS_JWT_SECRET (else .data/secrets.env's).")
    var user: String?

    @Option(help: "Chat with this bearer token instead of --user.")
    var token: String?

    @Option(help: "Continue this conversation (a UUID) instead of starting one.")
    var conversation: String?

    @Option(help: "Send this one message and exit.")
    var message: String?

    @Option(help: "The API's base URL (default: $PLUTUS_API_URL, else http://127.0.0.1:$PLUTUS_HTTP_PORT, port 8080 by default).")
    var url: String?

    @Option(help: "Seconds a turn may take.")
    var timeout = 60

    @Flag(help: "Print each reply as its JSON (the API's answer), not streamed.")
    var json = false

    func validate() throws {
        guard (user == nil) != (token == nil) else { throw ValidationError("pass --user or --token (one of them)") }
        if let user, UUID(uuidString: user) == nil { throw ValidationError("--user must be a UUID, not '\(user)'") }
        if let conversation, UUID(uuidString: conversation) == nil {
            throw ValidationError("--conversation must be a UUID, not '\(conversation)'")
        }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 600 seconds") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let base = url ?? environment["PLUTUS_API_URL"] ?? "http://127.0.0.1:\(environment["PLUTUS_HTTP_PORT"] ?? "8080")"
        let http = try HTTPClient(
            configuration: .init(timeout: .seconds(timeout), proxy: .none), logger: Logger(label: "plutus.chat"))
        let session = ChatSession(
            http: http, base: base.hasSuffix("/") ? String(base.dropLast()) : base, token: try await bearerToken(),
            json: json)
        do {
            try await converse(session)
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
    }

    private func bearerToken() async throws -> String {
        if let token { return token }
        let secret = ProcessInfo.processInfo.environment["PLUTUS_JWT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
            ?? DevelopmentSecrets.value(of: "PLUTUS_JWT_SECRET")
        guard let secret, let user else {
            throw ValidationError("PLUTUS_JWT_SECRET is not set (and .data/secrets.env has none): pass --token")
        }
        let policy = AccessTokens.Policy(environment: ProcessInfo.processInfo.environment)
        return try await AccessTokens.make(secret: secret, policy: policy).issue(userID: user.lowercased(), lifetime: .seconds(3600))
    }

    /// One `--message`, or every line of standard input; a turn that fails is reported and the
    /// chat goes on.
    private func converse(_ session: ChatSession) async throws {
        var conversationID: String
        if let conversation { conversationID = conversation.lowercased() } else { conversationID = try await session.start() }
        if let message {
            try await session.say(message, in: conversationID)
            return
        }
        FileHandle.standardError.write(Data("conversation \(conversationID) — /history, /new, /end, /quit\n".utf8))
        for await line in Self.standardInputLines() {
            let text = line.trimmingCharacters(in: .whitespaces)
            do {
                switch text {
                case "": continue
                case "/quit": return
                case "/history": try await session.history(of: conversationID)
                case "/new":
                    conversationID = try await session.start()
                    FileHandle.standardError.write(Data("conversation \(conversationID)\n".utf8))
                case "/end":
                    try await session.end(conversationID)
                    conversationID = try await session.start()
                    FileHandle.standardError.write(Data("new conversation \(conversationID)\n".utf8))
                default: try await session.say(line, in: conversationID)
                }
            } catch let error as ChatSession.Failure {
                FileHandle.standardError.write(Data("plutus chat: \(error)\n".utf8))
            }
        }
    }

    /// Standard input, a line at a time, read on a thread of its own (reading blocks).
    private static func standardInputLines() -> AsyncStream<String> {
        AsyncStream { continuation in
            Thread.detachNewThread {
                while let line = readLine() { continuation.yield(line) }
                continuation.finish()
            }
        }
    }
}

/// The development secrets `deploy/local/services.sh` writes to `.data/secrets.env`, for a chat
/// started from the checkout in a shell that has not sourced them.
enum DevelopmentSecrets {
    static func value(of name: String, file: String = ".data/secrets.env") -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + "=") {
            return String(line.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        }
        return nil
    }
}
