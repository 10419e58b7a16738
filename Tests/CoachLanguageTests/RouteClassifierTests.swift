@testable import CoachLanguage
import Testing

@Suite("Route classifier")
struct RouteClassifierTests {
    @Test func mapsIntentsToRoutes() {
        #expect([CoachIntent.greeting, .thanks, .farewell, .smallTalk].allSatisfy { $0.route == .end })
        #expect([CoachIntent.goal, .confirm, .decline].allSatisfy { $0.route == .discussGoals })
        #expect(CoachIntent.analysis.route == .analyzeFinances)
        #expect(CoachIntent.advice.route == .getAdvice)
        #expect(CoachIntent.unclear.route == .analyzeFinances)
        #expect(CoachRoute.allCases.map(\.rawValue) == ["analyze_finances", "discuss_goals", "get_advice", "end"])
    }

    @Test func routesAGreetingByItsQuestion() {
        #expect(RouteClassifier.classify("hi").intent == .greeting)
        #expect(RouteClassifier.classify("hi, what's my net worth?").route == .analyzeFinances)
        #expect(RouteClassifier.classify("hello! should I refinance my mortgage?").route == .getAdvice)
    }

    @Test func readsAYesInTheLightOfAProposal() {
        let proposal = "I can save \"Wedding\" ($20,000 by 2028-06-30). Shall I save it?"
        let afterProposal = RouteClassifier.classify("yes", recent: [proposal])
        let alone = RouteClassifier.classify("yes")
        #expect(afterProposal.intent == .confirm)
        #expect(afterProposal.route == .discussGoals)
        #expect(afterProposal.confidence > alone.confidence)
        #expect(RouteClassifier.classify("change it to $25k", recent: [proposal]).intent == .decline)
        #expect(RouteClassifier.classify("not now", recent: [proposal]).intent == .decline)
    }

    @Test func letsAFollowUpInheritTheTopic() {
        let goalTalk = ["I want to save for a house", "How much do you need, and by when?"]
        let analysisTalk = ["how much did I spend last month?", "You spent $3,240 in October."]
        #expect(RouteClassifier.classify("how about in 3 years?", recent: goalTalk).route == .discussGoals)
        #expect(RouteClassifier.classify("and on restaurants?", recent: analysisTalk).route == .analyzeFinances)
        #expect(RouteClassifier.classify("how about in 3 years?").intent == .unclear)
    }

    @Test func sendsWhatItCannotReadToTheAnalysisWithLowConfidence() {
        let decision = RouteClassifier.classify("purple elephants dance")
        #expect(decision.intent == .unclear)
        #expect(decision.route == .analyzeFinances)
        #expect(decision.confidence < 0.3)
    }

    @Test func forgivesMisspellings() {
        #expect(RouteClassifier.classify("wats my net wroth").route == .analyzeFinances)
        #expect(RouteClassifier.classify("shuld i pay of my morgage").route == .getAdvice)
        #expect(RouteClassifier.classify("i want to save for my retirment").route == .discussGoals)
    }

    @Test func weighsNegatedFeaturesLess() {
        #expect(RouteClassifier.classify("I don't need advice, just show me my spending").route == .analyzeFinances)
    }

    @Test(arguments: [
        ("¿cuál es mi patrimonio neto?", CoachRoute.analyzeFinances, "es"),
        ("quiero ahorrar para una casa", .discussGoals, "es"),
        ("merci, au revoir", .end, "fr"),
        ("Wie hoch sind meine Schulden?", .analyzeFinances, "de"),
        ("devo pagar o cartão ou investir?", .getAdvice, "pt"),
        ("grazie, ciao", .end, "it"),
    ])
    func routesOtherLanguages(text: String, route: CoachRoute, language: String) {
        let decision = RouteClassifier.classify(text)
        #expect(decision.route == route)
        #expect(decision.language == language)
    }

    @Test func isDeterministicAndBounded() {
        for example in RoutingCorpus.examples {
            let first = RouteClassifier.classify(example.text, recent: example.recent)
            #expect(first == RouteClassifier.classify(example.text, recent: example.recent))
            #expect((0...1).contains(first.confidence))
        }
    }

    @Test func isConfidentWhenOneRouteClearlyWins() {
        #expect(RouteClassifier.classify("what's my net worth").confidence >= 0.7)
        #expect(RouteClassifier.classify("thanks, bye").confidence >= 0.6)
    }
}

@Suite("Turn readings")
struct TurnReadingsTests {
    @Test func aRememberedReadingIsTheReadingOfTheTurn() {
        let readings = TurnReadings(capacity: 8)
        let turn = "A house down payment of $60,000 by 2030 needs $1,150 a month. Shall I save it as a goal?"
        let fresh = TurnReading(turn)
        for _ in 0..<2 {
            let reading = readings.reading(of: turn)
            #expect(reading.proposes == fresh.proposes && reading.proposes)
            #expect(reading.task?.intent == fresh.task?.intent && reading.task?.score == fresh.task?.score)
            #expect(reading.replies == fresh.replies)
        }
        #expect(readings.count == 1)
    }

    @Test func keepsAtMostTwoGenerationsOfTurns() {
        let readings = TurnReadings(capacity: 4)
        for index in 0..<50 { _ = readings.reading(of: "what is my net worth, take \(index)") }
        #expect(readings.count <= 8)
        #expect(readings.count >= 4, "the newest turns stay")
    }

    @Test func classifiesAlikeWithRememberedAndNewReadings() {
        let recent = ["I want to save $20,000 for a car", "That needs $550 a month. Shall I save it as a goal?"]
        let first = RouteClassifier.classify("yes please", recent: recent)
        let again = RouteClassifier.classify("yes please", recent: recent)
        #expect(first == again)
        #expect(first.route == .discussGoals)
    }
}
