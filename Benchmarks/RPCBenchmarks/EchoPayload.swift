import PlutusWire

/// What every echo carries: a `Fact` that packs to 69 bytes, the size of a small real message.
enum EchoPayload {
    static let fact = Fact(
        name: "net_worth", value: "12,345.67", unit: "USD", source: "finance_engine.net_worth.monthly_summary")
}
