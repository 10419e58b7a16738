extension Route {
    /// The seed's name of the route (`analyze_finances`, `discuss_goals`, `get_advice`, `end`),
    /// as the HTTP API and the graph's edges spell it; `unspecified` for any other value.
    public var name: String {
        switch self {
        case .analyzeFinances: "analyze_finances"
        case .discussGoals: "discuss_goals"
        case .getAdvice: "get_advice"
        case .end: "end"
        default: "unspecified"
        }
    }
}
