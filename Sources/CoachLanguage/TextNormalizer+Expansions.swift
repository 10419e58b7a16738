extension TextNormalizer {
    /// Slang, chat abbreviations and English contractions (apostrophes already dropped), each with the
    /// words it stands for. Lexicons are normalized the same way, so they only spell the long form.
    public static let expansions: [String: [String]] = [
        // Contractions.
        "whats": ["what", "is"], "hows": ["how", "is"], "wheres": ["where", "is"], "whos": ["who", "is"],
        "thats": ["that", "is"], "theres": ["there", "is"], "whatre": ["what", "are"],
        "im": ["i", "am"], "ive": ["i", "have"], "id": ["i", "would"], "youre": ["you", "are"],
        "dont": ["do", "not"], "doesnt": ["does", "not"], "didnt": ["did", "not"], "cant": ["can", "not"],
        "cannot": ["can", "not"], "wont": ["will", "not"], "isnt": ["is", "not"], "arent": ["are", "not"],
        "wasnt": ["was", "not"], "shouldnt": ["should", "not"], "wouldnt": ["would", "not"],
        "couldnt": ["could", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"],
        "lets": ["let", "us"],
        // Chat spellings.
        "wanna": ["want", "to"], "gonna": ["going", "to"], "gotta": ["got", "to"], "lemme": ["let", "me"],
        "gimme": ["give", "me"], "u": ["you"], "ur": ["your"], "r": ["are"],
        "pls": ["please"], "plz": ["please"], "thx": ["thanks"], "thnx": ["thanks"], "thanx": ["thanks"],
        "tnx": ["thanks"], "ty": ["thank", "you"], "tysm": ["thank", "you"], "tks": ["thanks"],
        "cya": ["see", "you"], "sup": ["what", "is", "up"], "wassup": ["what", "is", "up"],
        "hru": ["how", "are", "you"], "idk": ["i", "do", "not", "know"], "btw": ["by", "the", "way"],
        "helo": ["hello"], "hii": ["hi"], "heyy": ["hey"], "thnks": ["thanks"], "thankyou": ["thank", "you"],
        "kk": ["ok"], "okay": ["ok"], "okey": ["ok"], "xmas": ["christmas"], "nye": ["new", "years", "eve"],
        // Money abbreviations.
        "nw": ["net", "worth"], "ef": ["emergency", "fund"], "cc": ["credit", "card"], "ccs": ["credit", "cards"],
        "sav": ["save"], "savs": ["savings"], "acct": ["account"], "accts": ["accounts"], "bal": ["balance"],
        "pmt": ["payment"], "pmts": ["payments"], "amt": ["amount"], "invst": ["invest"], "retiremnt": ["retirement"],
    ]
}
