/// Picks the analyses a question asks for: "what's my net worth" → net worth; "where does my money go" →
/// spending; "am I paying too much in fees?" → fees.
///
/// Topics come from ``AnalysisLexicon`` (six languages, misspellings forgiven). A question naming no topic — or
/// asking for the big picture ("how am I doing?", "overview") — gets ``AnalysisKind/defaultSet``; asking for
/// everything ("full report") gets every kind.
public enum AnalysisSelector {
    /// The analyses `message` asks for, in ``AnalysisKind`` order, never empty.
    public static func analyses(for message: String) -> [AnalysisKind] {
        let topics = topics(in: TextNormalizer.tokens(in: message))
        if topics.contains(.everything) { return AnalysisKind.allCases }
        let kinds = Set(topics.flatMap(\.kinds))
        return kinds.isEmpty ? AnalysisKind.defaultSet : kinds.sorted()
    }

    /// The topics named in `tokens`, longest phrases first so "debt to income" is not also "debt" and "income".
    static func topics(in tokens: [Token]) -> [AnalysisTopic] {
        AnalysisLexicon.table.bestMatches(in: tokens).map(\.value)
    }
}

/// What a phrase of ``AnalysisLexicon`` asks about.
enum AnalysisTopic: Hashable, Sendable {
    /// Particular analyses.
    case kinds(Set<AnalysisKind>)
    /// The big picture: the default set.
    case overall
    /// Every analysis.
    case everything

    /// The analyses this topic names (none for the overall and everything topics).
    var kinds: Set<AnalysisKind> {
        if case .kinds(let kinds) = self { return kinds }
        return []
    }
}
