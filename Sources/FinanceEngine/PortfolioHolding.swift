/// One position in a portfolio: a fund, a stock, a cash balance.
public struct PortfolioHolding: Hashable, Sendable {
    /// The ticker or name, for display.
    public let symbol: String
    /// What kind of asset it is.
    public let assetClass: AssetClass
    /// What it is worth now.
    public let valueCents: Int64
    /// The fund's yearly expense ratio in basis points, fractions allowed (3 = 0.03 %, 0.5 for a very cheap fund).
    public let expenseRatioBps: Double

    /// A holding worth `valueCents`.
    public init(symbol: String = "", assetClass: AssetClass, valueCents: Int64, expenseRatioBps: Double = 0) {
        self.symbol = symbol
        self.assetClass = assetClass
        self.valueCents = valueCents
        self.expenseRatioBps = expenseRatioBps
    }

    /// A holding of `quantity` units at `priceCents` each, its value rounded to the cent.
    public init(
        symbol: String = "", assetClass: AssetClass, quantity: Double, priceCents: Int64, expenseRatioBps: Double = 0
    ) {
        self.init(
            symbol: symbol, assetClass: assetClass, valueCents: Cents.rounding(quantity * Double(priceCents)),
            expenseRatioBps: expenseRatioBps)
    }
}
