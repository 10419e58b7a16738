/// A phrase that is evidence for an intent, and how much.
struct RouteFeature: Sendable {
    var intent: CoachIntent
    var weight: Double
}

/// The route classifier's phrases: question forms, requests, social phrases, in six languages.
///
/// Weights follow one scale: about 2 for a phrase that settles the intent on its own ("should I", "what's my",
/// "my goal"), about 1.3 for a clear but shorter cue ("thanks", "recommend"), under 1 for words that only lean
/// ("save", "or"). Topics ("net worth", "mortgage") are not here: ``AnalysisLexicon`` and ``GoalLexicon`` supply them.
enum RouteLexicon {
    static let table = PhraseTable<RouteFeature>(
        (english + spanish + french + german + portuguese + italian).map {
            ($0.0, RouteFeature(intent: $0.1, weight: $0.2))
        })

    /// Phrases that continue the previous topic: "what about…", "and if…".
    static let followUps = PhraseTable<Bool>(
        [
            "what about", "how about", "and what about", "what if", "and if", "also", "and", "ok and", "then",
            "y si", "y que tal", "et si", "et pour", "und wenn", "und was ist mit", "e se", "e quanto a", "e per",
        ].map { ($0, true) })

    /// Phrases a coach uses to propose a goal, read in the recent turns.
    static let proposals = PhraseTable<Bool>(
        [
            "shall i save", "should i save", "shall i add", "should i add", "want me to", "would you like me to",
            "do you want me to", "save this goal", "add this goal", "save it as a goal", "add it as a goal",
            "set this goal", "is that right", "does that look right", "does that sound right", "confirm",
            "shall i create", "should i create", "save this", "guardo", "lo guardo", "je l enregistre",
            "soll ich speichern", "quer que eu salve", "vuoi che salvi",
        ].map { ($0, true) })

    /// Words that open a question: a message starting a clause with one asks rather than declares.
    static let questionWords: Set<String> = [
        "how", "what", "should", "can", "could", "would", "is", "are", "am", "do", "does", "did", "which", "when",
        "where", "why", "will", "who", "shall", "cual", "cuanto", "cuanta", "que", "como", "deberia", "debo", "quel",
        "quelle", "quels", "quelles", "combien", "comment", "devrais", "dois", "wie", "was", "welche", "soll",
        "sollte", "qual", "quais", "quanto", "devo", "deveria", "come", "dovrei", "cosa", "quali",
    ]

    /// "or" in each language: an interrogative "X or Y" asks to choose, which is advice.
    static let alternatives: Set<String> = ["or", "o", "ou", "oder", "oppure"]

    static let english: [(String, CoachIntent, Double)] = social + analysisForms + adviceForms + goalForms

    private static let social: [(String, CoachIntent, Double)] = [
        ("hi", .greeting, 1), ("hello", .greeting, 1), ("hey", .greeting, 1), ("hey there", .greeting, 1.2),
        ("hiya", .greeting, 1), ("howdy", .greeting, 1), ("yo", .greeting, 0.8), ("good morning", .greeting, 1.2),
        ("good afternoon", .greeting, 1.2), ("good evening", .greeting, 1.2), ("greetings", .greeting, 1),
        ("thanks", .thanks, 1.3), ("thank you", .thanks, 1.4), ("thanks a lot", .thanks, 1.5),
        ("many thanks", .thanks, 1.5), ("much appreciated", .thanks, 1.5), ("appreciate it", .thanks, 1.5),
        ("i appreciate", .thanks, 1.3), ("cheers", .thanks, 1), ("thanks for", .thanks, 1.8),
        ("thank you for", .thanks, 1.9), ("that helps", .thanks, 1.2), ("that was helpful", .thanks, 1.5),
        ("very helpful", .thanks, 1.4), ("helpful", .thanks, 0.8), ("bye", .farewell, 1.4), ("goodbye", .farewell, 1.5),
        ("bye bye", .farewell, 1.5), ("see you", .farewell, 1.3), ("see you later", .farewell, 1.5),
        ("see ya", .farewell, 1.3), ("talk later", .farewell, 1.3), ("talk to you later", .farewell, 1.6),
        ("good night", .farewell, 1.3), ("have a good day", .farewell, 1.5), ("have a nice day", .farewell, 1.5),
        ("have a great day", .farewell, 1.5), ("take care", .farewell, 1.4), ("that is all", .farewell, 1.3),
        ("that is it", .farewell, 0.9), ("i am done", .farewell, 1.3), ("done for today", .farewell, 1.5),
        ("catch you later", .farewell, 1.5), ("got to go", .farewell, 1.4), ("signing off", .farewell, 1.5),
        ("later", .farewell, 0.5), ("for now", .farewell, 0.6), ("that is it for now", .farewell, 1.6),
        ("that is all for now", .farewell, 1.6), ("how are you", .smallTalk, 1.3), ("how is it going", .smallTalk, 1.3),
        ("how are things", .smallTalk, 1.3), ("what is up", .smallTalk, 1.1), ("who are you", .smallTalk, 1.4),
        ("what are you", .smallTalk, 1.2), ("what can you do", .smallTalk, 1.4), ("what do you do", .smallTalk, 1.2),
        ("are you a bot", .smallTalk, 1.5), ("are you human", .smallTalk, 1.5), ("are you real", .smallTalk, 1.4),
        ("tell me a joke", .smallTalk, 1.6), ("joke", .smallTalk, 1), ("lol", .smallTalk, 0.9),
        ("haha", .smallTalk, 0.9),
        ("cool", .smallTalk, 0.7), ("nice", .smallTalk, 0.7), ("awesome", .smallTalk, 0.7),
        ("what is your name", .smallTalk, 1.5), ("i am bored", .smallTalk, 1.3), ("weather", .smallTalk, 1),
        ("how was your day", .smallTalk, 1.4), ("nice to meet you", .smallTalk, 1.4), ("good to know", .smallTalk, 0.9),
        ("makes sense", .smallTalk, 0.8), ("got it", .smallTalk, 0.9), ("i see", .smallTalk, 0.8),
        ("robot", .smallTalk, 1.2), ("chatbot", .smallTalk, 1.2), ("are you an ai", .smallTalk, 1.5),
        ("real person", .smallTalk, 1.3),
    ]

    private static let analysisForms: [(String, CoachIntent, Double)] = [
        ("what is my", .analysis, 1.6), ("what are my", .analysis, 1.6), ("what is our", .analysis, 1.6),
        ("how much do i", .analysis, 1.3), ("how much did i", .analysis, 1.6), ("how much have i", .analysis, 1.5),
        ("how much am i", .analysis, 1.4), ("how much is my", .analysis, 1.6), ("how much are my", .analysis, 1.6),
        ("how much money", .analysis, 0.9), ("how much", .analysis, 0.8), ("how many", .analysis, 0.7),
        ("how is my", .analysis, 1.6), ("how are my", .analysis, 1.6), ("how does my", .analysis, 1.4),
        ("show me", .analysis, 1.5), ("show my", .analysis, 1.5), ("tell me my", .analysis, 1.4),
        ("tell me about my", .analysis, 1.4), ("give me", .analysis, 0.8), ("let me see", .analysis, 1.3),
        ("see my", .analysis, 1.2), ("know my", .analysis, 1.2), ("check my", .analysis, 1.5),
        ("look at my", .analysis, 1.4), ("break down", .analysis, 1.4), ("breakdown", .analysis, 1.4),
        ("summary", .analysis, 1.2), ("summarize", .analysis, 1.3), ("report", .analysis, 1),
        ("analyze", .analysis, 1.6),
        ("analyse", .analysis, 1.6), ("analysis", .analysis, 1.3), ("review my", .analysis, 1.4),
        ("am i on track", .analysis, 2), ("on track", .analysis, 1.2), ("do i have", .analysis, 1),
        ("do i owe", .analysis, 1.5), ("i owe", .analysis, 0.7), ("compare", .analysis, 1), ("trend", .analysis, 1),
        ("last month", .analysis, 0.8), ("last year", .analysis, 0.6), ("status", .analysis, 1),
        ("total", .analysis, 0.7), ("my money", .analysis, 0.6), ("am i spending", .analysis, 1.4),
        ("am i saving", .analysis, 1.2), ("what do i", .analysis, 0.8), ("what did i", .analysis, 1.3),
        ("when will i", .analysis, 1), ("how long until", .analysis, 1), ("can you show", .analysis, 1.4),
        ("where am i", .analysis, 1.2), ("numbers", .analysis, 0.8), ("projection", .analysis, 1.2),
        ("project", .analysis, 0.8), ("calculate", .analysis, 1.2), ("how far", .analysis, 0.9),
        ("what would my", .analysis, 1.2), ("what will my", .analysis, 1.3), ("am i paying", .analysis, 1.3),
        ("is my", .analysis, 1.2), ("are my", .analysis, 1.2), ("is our", .analysis, 1.2), ("are our", .analysis, 1.2),
        ("how close am i", .analysis, 1.8), ("how far am i", .analysis, 1.6), ("how far along", .analysis, 1.6),
    ]

    private static let adviceForms: [(String, CoachIntent, Double)] = [
        ("should i", .advice, 2), ("should we", .advice, 2), ("shall i", .advice, 1.5), ("what should", .advice, 2.1),
        ("how should", .advice, 1.9), ("how can i", .advice, 1.7), ("how can we", .advice, 1.7),
        ("how do i", .advice, 1.4), ("how do we", .advice, 1.4), ("how to", .advice, 1.3),
        ("what can i do", .advice, 1.9), ("what would you", .advice, 1.9), ("what do you recommend", .advice, 2.3),
        ("recommend", .advice, 1.6), ("recommendation", .advice, 1.3), ("recommendations", .advice, 1.3),
        ("suggest", .advice, 1.5), ("suggestion", .advice, 1.3), ("suggestions", .advice, 1.3),
        ("advice", .advice, 1.4),
        ("any advice", .advice, 2.2), ("need advice", .advice, 2.2), ("advise", .advice, 1.5), ("tips", .advice, 1.4),
        ("tip", .advice, 1), ("help me", .advice, 1.3), ("can you help", .advice, 1.2), ("best way", .advice, 1.7),
        ("better to", .advice, 1.7), ("is it better", .advice, 1.9), ("better off", .advice, 1.6),
        ("worth it", .advice, 1.4), ("is it worth", .advice, 1.7), ("does it make sense", .advice, 1.8),
        ("is it smart", .advice, 1.7), ("is it wise", .advice, 1.7), ("good idea", .advice, 1.5),
        ("bad idea", .advice, 1.5), ("do you think", .advice, 1.2), ("what do you think", .advice, 1.5),
        ("can i afford", .advice, 1.9), ("could i afford", .advice, 1.9), ("afford", .advice, 0.8),
        ("ways to", .advice, 1.5), ("strategy", .advice, 1.3), ("strategies", .advice, 1.3), ("improve", .advice, 1.2),
        ("reduce", .advice, 1), ("lower my", .advice, 1), ("cut back", .advice, 1.3), ("cut", .advice, 0.7),
        ("optimize", .advice, 1.3), ("maximize", .advice, 1.3), ("minimize", .advice, 1.3),
        ("where should", .advice, 1.9), ("which is better", .advice, 2.1), ("which", .advice, 0.6),
        ("or", .advice, 0.6),
        ("prioritize", .advice, 1.4), ("focus on", .advice, 1), ("what to do", .advice, 1.5),
        ("tell me what to do", .advice, 2), ("guide me", .advice, 1.3), ("boost", .advice, 1),
        ("grow my", .advice, 1), ("refinance", .advice, 1.3), ("consolidate", .advice, 1.3), ("allocate", .advice, 1),
        ("is it ok to", .advice, 1.5), ("okay to", .advice, 1), ("pros and cons", .advice, 1.8),
        ("smartest", .advice, 1.4), ("make the most of", .advice, 1.4), ("am i ready", .advice, 1.2),
        ("would it be", .advice, 1), ("how do you", .advice, 1), ("get ahead", .advice, 1.2),
        ("save more", .advice, 1.2), ("spend less", .advice, 1.2), ("faster", .advice, 0.8),
        ("what do i do", .advice, 1.9), ("what do we do", .advice, 1.9), ("a good time to", .advice, 1.6),
        ("good time", .advice, 1.2), ("the right time", .advice, 1.4), ("what is the best", .advice, 1.8),
        ("the best", .advice, 1), ("best", .advice, 0.7), ("good place", .advice, 1.4), ("good option", .advice, 1.4),
        ("good choice", .advice, 1.4), ("is it good", .advice, 1.5), ("a good", .advice, 0.8), ("can i", .advice, 1),
        ("can we", .advice, 1), ("is it", .advice, 1), ("mistake", .advice, 1.2), ("smart", .advice, 1),
        ("smarter", .advice, 1.3), ("wise", .advice, 1),
    ]

    private static let goalForms: [(String, CoachIntent, Double)] = [
        ("i want to", .goal, 0.9), ("i want", .goal, 0.8), ("want to save", .goal, 1.4), ("want to buy", .goal, 1.4),
        ("want to pay off", .goal, 1.4), ("i would like to", .goal, 0.9), ("i would love to", .goal, 1),
        ("i need to save", .goal, 1.4), ("need to save", .goal, 1.2), ("i am planning", .goal, 1),
        ("planning to", .goal, 1), ("plan to", .goal, 1), ("i plan", .goal, 0.8), ("hoping to", .goal, 1),
        ("i hope to", .goal, 1), ("my goal", .goal, 1.7), ("goal", .goal, 1.2), ("goals", .goal, 0.9),
        ("new goal", .goal, 2.1), ("set a goal", .goal, 2.3), ("add a goal", .goal, 2.3), ("create a goal", .goal, 2.3),
        ("set up a goal", .goal, 2.3), ("update my goal", .goal, 2.1), ("change my goal", .goal, 2.1),
        ("save for", .goal, 1.6), ("saving for", .goal, 1.6), ("save up", .goal, 1.3), ("saving up", .goal, 1.3),
        ("save", .goal, 0.6), ("saving", .goal, 0.4), ("put aside", .goal, 1), ("set aside", .goal, 1),
        ("put away", .goal, 1), ("dream", .goal, 1), ("someday", .goal, 0.8), ("one day", .goal, 0.6),
        ("eventually", .goal, 0.6), ("target", .goal, 1), ("aim", .goal, 0.8), ("working towards", .goal, 1.2),
        ("working toward", .goal, 1.2), ("i am trying to", .goal, 0.8), ("trying to", .goal, 0.6),
        ("we want to", .goal, 0.9), ("we are planning", .goal, 1), ("i am saving", .goal, 1.2),
        ("we are saving", .goal, 1.2), ("by the time", .goal, 0.6), ("in time for", .goal, 1),
        ("priority", .goal, 0.6), ("priorities", .goal, 0.8), ("get married", .goal, 0.6),
    ]
}
