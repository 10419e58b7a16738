import CoachLanguage

/// The offline engine's writing: a brief's points in order, each in one of its phrasings, with an
/// opener and a close that suit the purpose. Deterministic: the brief's variation picks the
/// phrasings, so a conversation reads the same on every replay yet differs from the next one.
struct OfflineWriter: Sendable {
    func write(_ brief: ReplyBrief) -> String {
        var picker = PhrasePicker(seed: brief.variation)
        let opener = opener(for: brief, &picker)
        var paragraphs = brief.points.compactMap { $0.phrasings.isEmpty ? nil : picker.pick($0.phrasings) }
        if let opener {
            if paragraphs.isEmpty { paragraphs = [opener] } else { paragraphs[0] = "\(opener) \(paragraphs[0])" }
        }
        if let note = Self.languageNotes[brief.language] { paragraphs.insert(note, at: 0) }
        if let question = brief.question { paragraphs.append(question) }
        if brief.givesAdvice { paragraphs.append(ComplianceReview.disclaimer) }
        return paragraphs.joined(separator: "\n\n")
    }

    private func opener(for brief: ReplyBrief, _ picker: inout PhrasePicker) -> String? {
        let name = brief.name.map { ", \($0)" } ?? ""
        switch brief.purpose {
        case .smallTalk(let intent):
            return picker.pick(Self.smallTalk(intent, name: name))
        case .analysis:
            return brief.points.count > 1 ? picker.pick(["Here's where you stand\(name).", "Let's look at your numbers\(name).", "Here's the picture\(name)."]) : nil
        case .goalProposal:
            return picker.pick(["That's a goal worth planning for\(name).", "Good goal\(name) — let's make it concrete.", "Let's put numbers on that\(name)."])
        case .goalQuestion:
            return picker.pick(["Happy to help you plan that\(name).", "Let's shape that goal\(name)."])
        case .goalSaved:
            return picker.pick(["Done\(name).", "It's saved\(name).", "Great\(name) — it's on your plan."])
        case .goalDeclined:
            return picker.pick(["No problem\(name) — I won't save it.", "Understood\(name); I've left it off your plan."])
        case .recommendations:
            return picker.pick(["Here's what I'd focus on\(name), most important first.", "Based on your numbers\(name), here's where I'd start."])
        }
    }

    private static func smallTalk(_ intent: CoachIntent, name: String) -> [String] {
        switch intent {
        case .greeting:
            [
                "Hi\(name)! I can walk you through your net worth, spending, debts or goals. What's on your mind?",
                "Hello\(name). Ask me about your money — how you're doing, a goal you have, or what to tackle next.",
                "Hey\(name)! Want to look at your finances, plan a goal, or get a few next steps?",
            ]
        case .thanks:
            [
                "You're welcome\(name). I'm here whenever you want to check in on your plan.",
                "Glad it helped\(name). Come back any time you want to revisit the numbers.",
            ]
        case .farewell:
            [
                "Take care\(name) — your goals and numbers will be here when you come back.",
                "Bye for now\(name). Small steps add up; I'll be here for the next one.",
            ]
        default:
            [
                "I'm best with money questions\(name): your net worth, cash flow, debts, goals, or what to do next.",
                "I'm your money coach\(name), so try me on your spending, savings, debts or a goal you're working toward.",
            ]
        }
    }

    /// A short note for people who wrote in another language: the offline engine answers in English.
    private static let languageNotes: [String: String] = [
        "es": "(Por ahora respondo en inglés.)",
        "fr": "(Pour l'instant, je réponds en anglais.)",
        "de": "(Ich antworte vorerst auf Englisch.)",
        "pt": "(Por enquanto, respondo em inglês.)",
        "it": "(Per ora rispondo in inglese.)",
    ]
}

/// Picks phrasings with SplitMix64 steps from a seed.
struct PhrasePicker {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func pick(_ options: [String]) -> String {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return options.isEmpty ? "" : options[Int(mixed % UInt64(options.count))]
    }
}

/// FNV-1a over strings: the same 64 bits for the same parts in every process and release, for
/// seeds (a conversation's phrasings, a person's Monte Carlo paths).
enum StableHash {
    static func of(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
