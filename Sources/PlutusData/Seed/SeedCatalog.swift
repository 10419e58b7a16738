/// The real-looking names, institutions, funds and merchants demo households are made of.
enum SeedCatalog {
    static let firstNames = [
        "Avery", "Jordan", "Maya", "Liam", "Sofia", "Noah", "Priya", "Mateo", "Chloe", "Ethan", "Amara", "Lucas",
        "Hannah", "Diego", "Zoe", "Omar", "Grace", "Kenji", "Elena", "Marcus", "Aisha", "Samuel", "Ingrid", "Tomás",
    ]
    static let lastNames = [
        "Nguyen", "Garcia", "Smith", "Okafor", "Kowalski", "Haddad", "Johnson", "Rossi", "Tanaka", "Müller",
        "Brown", "Patel", "Silva", "O'Brien", "Andersson", "Kim", "Dubois", "Lopez", "Cohen", "Mensah",
    ]
    static let banks = ["Chase", "Bank of America", "Wells Fargo", "Citibank", "U.S. Bank", "PNC", "Capital One"]
    static let onlineBanks = ["Ally Bank", "Marcus by Goldman Sachs", "Discover Bank", "SoFi", "Capital One 360"]
    static let cardIssuers = ["Chase", "American Express", "Capital One", "Citi", "Discover"]
    static let brokers = ["Fidelity", "Vanguard", "Charles Schwab", "E*TRADE", "Interactive Brokers"]
    static let recordKeepers = ["Fidelity NetBenefits", "Empower", "Vanguard", "T. Rowe Price"]
    static let studentLenders = ["Navient", "Nelnet", "MOHELA", "SoFi"]
    static let mortgageLenders = ["Rocket Mortgage", "Wells Fargo Home Mortgage", "Chase Home Lending", "United Wholesale Mortgage"]
    static let autoLenders = ["Toyota Financial", "Ally Auto", "Capital One Auto Finance"]
    static let hsaProviders = ["HealthEquity", "Fidelity HSA", "Optum Bank"]

    /// A fund or stock: ticker, asset class, price in cents, expense ratio in hundredths of a basis point.
    struct Security {
        let symbol: String
        let assetClass: String
        let priceCents: Int64
        /// Percent a year with four decimals, as the `expense_ratio` column holds it: 0.0300 = 300.
        let expenseRatio: Int64
    }

    static let securities = [
        Security(symbol: "VTI", assetClass: "us_equity", priceCents: 285_40, expenseRatio: 300),
        Security(symbol: "VOO", assetClass: "us_equity", priceCents: 521_10, expenseRatio: 300),
        Security(symbol: "FXAIX", assetClass: "us_equity", priceCents: 201_35, expenseRatio: 150),
        Security(symbol: "SCHB", assetClass: "us_equity", priceCents: 23_80, expenseRatio: 300),
        Security(symbol: "QQQ", assetClass: "us_equity", priceCents: 498_60, expenseRatio: 2_000),
        Security(symbol: "ARKK", assetClass: "us_equity", priceCents: 52_15, expenseRatio: 7_500),
        Security(symbol: "AAPL", assetClass: "us_equity", priceCents: 228_02, expenseRatio: 0),
        Security(symbol: "VXUS", assetClass: "intl_equity", priceCents: 64_90, expenseRatio: 800),
        Security(symbol: "VEA", assetClass: "intl_equity", priceCents: 51_25, expenseRatio: 600),
        Security(symbol: "FSPSX", assetClass: "intl_equity", priceCents: 50_10, expenseRatio: 350),
        Security(symbol: "BND", assetClass: "bond", priceCents: 72_35, expenseRatio: 300),
        Security(symbol: "AGG", assetClass: "bond", priceCents: 98_70, expenseRatio: 300),
        Security(symbol: "VBTLX", assetClass: "bond", priceCents: 9_72, expenseRatio: 500),
        Security(symbol: "VNQ", assetClass: "real_estate", priceCents: 91_40, expenseRatio: 1_300),
        Security(symbol: "VFIFX", assetClass: "us_equity", priceCents: 52_85, expenseRatio: 800),
        Security(symbol: "AGTHX", assetClass: "us_equity", priceCents: 78_55, expenseRatio: 6_100),
        Security(symbol: "GBTC", assetClass: "crypto", priceCents: 78_20, expenseRatio: 15_000),
        Security(symbol: "SPAXX", assetClass: "cash", priceCents: 1_00, expenseRatio: 4_200),
    ]

    /// Spending categories: the merchants, the times a month, and the dollars a time.
    struct Spending {
        let category: String
        let merchants: [String]
        let perMonth: ClosedRange<Int>
        let dollars: ClosedRange<Double>
    }

    static let spending = [
        Spending(category: "groceries", merchants: ["Whole Foods", "Trader Joe's", "Kroger", "Safeway", "Costco"], perMonth: 3...5, dollars: 35...180),
        Spending(category: "dining", merchants: ["Chipotle", "Starbucks", "Sweetgreen", "Local Bistro", "DoorDash"], perMonth: 3...7, dollars: 8...85),
        Spending(category: "transportation", merchants: ["Shell", "Chevron", "Uber", "Lyft", "Metro Transit"], perMonth: 2...4, dollars: 12...75),
        Spending(category: "shopping", merchants: ["Amazon", "Target", "Best Buy", "Uniqlo", "IKEA"], perMonth: 1...3, dollars: 15...240),
        Spending(category: "entertainment", merchants: ["Netflix", "Spotify", "AMC Theatres", "Steam"], perMonth: 1...3, dollars: 10...60),
        Spending(category: "healthcare", merchants: ["CVS Pharmacy", "Walgreens", "City Dental"], perMonth: 0...1, dollars: 15...220),
        Spending(category: "travel", merchants: ["Delta Air Lines", "Airbnb", "Marriott", "United Airlines"], perMonth: 0...1, dollars: 120...900),
    ]

    static let utilities = ["PG&E", "Comcast Xfinity", "Verizon Wireless", "City Water"]
}
