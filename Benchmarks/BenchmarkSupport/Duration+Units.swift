extension Duration {
    /// Seconds as a `Double`.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    public var microseconds: Double { seconds * 1e6 }
    public var milliseconds: Double { seconds * 1e3 }
}
