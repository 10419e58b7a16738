/// A phrase of a reply to a proposal.
struct ConfirmationPhrase: Sendable {
    enum Kind: Sendable {
        case confirm, decline, correct
    }

    var kind: Kind
    var weight: Double
}

/// Yes, no and correction phrases in English, Spanish, French, German, Portuguese and Italian.
enum ConfirmationLexicon {
    static let table = PhraseTable<ConfirmationPhrase>(
        rows.flatMap { kind, weight, phrases in phrases.map { ($0, ConfirmationPhrase(kind: kind, weight: weight)) } })

    private static let rows: [(ConfirmationPhrase.Kind, Double, [String])] = [
        (.confirm, 1.2, ["yes", "yeah", "yep", "yup", "yea", "yess", "si", "oui", "ja", "sim", "jep"]),
        (
            .confirm, 0.8,
            [
                "ok", "sure", "right", "great", "perfect", "correct", "exactly", "absolutely", "definitely", "agreed",
                "deal", "confirm", "confirmed", "claro", "vale", "dale", "perfecto", "parfait", "genau", "klar",
                "gerne", "passt", "certo", "perfetto", "esatto", "beleza", "alright",
            ]
        ),
        (
            .confirm, 1.6,
            [
                "yes please", "sounds good", "sounds great", "sounds right", "looks good", "looks great", "save it",
                "save that", "save the goal", "add it", "do it", "go ahead", "go for it", "please do", "let us do it",
                "let us go", "of course", "that is right", "that is correct", "set it up", "why not", "lock it in",
                "de acuerdo", "por supuesto", "guardalo", "d accord", "bien sur", "vas y", "einverstanden",
                "mach das", "pode ser", "com certeza", "pode salvar", "va bene", "d accordo",
            ]
        ),
        (.decline, 1.2, ["no", "nope", "nah", "non", "nein", "nao", "cancel", "skip"]),
        (
            .decline, 1.6,
            [
                "no thanks", "no thank you", "not now", "not yet", "not really", "never mind", "nevermind", "skip it",
                "hold off", "maybe later", "not interested", "forget it", "no way", "do not save", "ahora no",
                "todavia no", "mejor no", "no gracias", "pas maintenant", "non merci", "pas encore", "nicht jetzt",
                "lieber nicht", "nein danke", "agora nao", "ainda nao", "no grazie", "non ora", "non adesso",
            ]
        ),
        (
            .correct, 1,
            [
                "change it to", "change it", "change that", "change the", "make it", "make that", "actually",
                "instead", "rather", "how about", "what about", "update it", "update the", "should be", "i meant",
                "lower it", "raise it", "cambialo", "cambia", "plutot", "en fait", "change",
                "andere", "eigentlich", "mude", "altere", "na verdade", "invece", "piuttosto",
            ]
        ),
    ]
}
