/// A call that ended with a status other than OK.
///
/// Handlers throw it to choose the status a caller sees; any other error a handler throws reaches
/// the caller as `INTERNAL` with a generic message, so no detail or secret leaks.
public struct RPCError: Error, Hashable, CustomStringConvertible {
    public var code: RPCStatus.Code
    public var message: String

    public init(code: RPCStatus.Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The error a non-OK status stands for.
    public init(status: RPCStatus) {
        self.init(code: status.code, message: status.message)
    }

    public var status: RPCStatus { RPCStatus(code: code, message: message) }

    public var description: String { "\(code): \(message)" }

    /// The status a caller sees for `error` thrown by a handler.
    public static func status(for error: any Error) -> RPCStatus {
        switch error {
        case let error as RPCError: error.status
        case is CancellationError: RPCStatus(code: .cancelled, message: "the call was cancelled")
        default: RPCStatus(code: .internal, message: "internal error")
        }
    }
}
