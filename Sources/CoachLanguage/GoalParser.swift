public import FinanceEngine

/// Finds the goals in a message: their kind, a short title, and the amount, date, priority and monthly
/// contribution said about each.
///
/// - Goal phrases come from ``GoalLexicon`` (six languages, misspellings forgiven); the longest phrase wins
///   ("credit card debt" over "debt"). A bare noun ("house", "wedding") counts only with a goal cue in the same
///   sentence ("want", "save", "plan", an amount or a date), so "my car broke down" names no goal.
/// - Negated goals are dropped: "I don't want to buy a house", "not planning to retire early".
/// - A debt verb makes its object a debt: "pay off my car" is "Pay off car loan".
/// - Several goals in one message are kept apart; one goal per kind, titled by its most specific phrase.
/// - Each amount, date and priority word goes to the goal in the same clause, else the nearest one before it in the
///   sentence, else after it, else in another sentence. Of a goal's amounts the largest is the target ("I have 5k and
///   need 20k"); an amount with a rate ("$500 a month") is the monthly contribution, never the target. Past dates
///   are not targets.
/// - A home's target is its down payment when a share is given: "20% down on a $400k house" → $80,000.
/// - "save $3k for a new couch" with no known kind is an `other` goal titled "New couch"; "I want to save $10k"
///   with no purpose is an `other` "Savings goal".
public enum GoalParser {
    /// The goals in `message`, in the order first mentioned.
    public static func goals(in message: String, today: CivilDate) -> [GoalMention] {
        let context = GoalContext(message: message, today: today)
        let groups = merge(candidates(in: context).filter { !$0.isNegated })
        return describe(groups, in: context)
    }

    /// The goal phrases of already tokenized text, negated ones included (for the route classifier).
    static func candidates(in tokens: [Token], text: String) -> [GoalCandidate] {
        candidates(in: GoalContext(message: text, tokens: tokens, today: nil))
    }

    private static func merge(_ candidates: [GoalCandidate]) -> [GoalGroup] {
        var groups: [GoalGroup] = []
        for candidate in candidates {
            let key = candidate.kind == .other ? candidate.title.lowercased() : candidate.kind.rawValue
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].add(candidate)
            } else {
                groups.append(GoalGroup(key: key, candidate: candidate))
            }
        }
        return groups
    }
}

/// A goal phrase found in a message, before goals of one kind are merged.
struct GoalCandidate: Sendable {
    var kind: GoalKind
    var title: String
    /// How many words the phrase has: the longest names the goal.
    var specificity: Int
    var tokens: Range<Int>
    var isWeak: Bool
    var isNegated: Bool
}

/// The mentions of one goal.
struct GoalGroup {
    let key: String
    var kind: GoalKind
    var title: String
    var specificity: Int
    /// Where each mention starts.
    var anchors: [Int]

    init(key: String, candidate: GoalCandidate) {
        self.key = key
        self.kind = candidate.kind
        self.title = candidate.title
        self.specificity = candidate.specificity
        self.anchors = [candidate.tokens.lowerBound]
    }

    mutating func add(_ candidate: GoalCandidate) {
        anchors.append(candidate.tokens.lowerBound)
        if candidate.specificity > specificity {
            title = candidate.title
            specificity = candidate.specificity
        }
    }
}
