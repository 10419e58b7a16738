/// What a holding is, by its wire name (`us_equity`, `intl_equity`, `bond`, `cash`,
/// `real_estate`, `crypto`, `other`); `AssetClass(rawValue:)` parses one.
public enum AssetClass: String, Hashable, Sendable, CaseIterable, Comparable {
    case usEquity = "us_equity"
    case intlEquity = "intl_equity"
    case bond
    case cash
    case realEstate = "real_estate"
    case crypto
    case other

    /// Whether it counts as stocks in an allocation.
    public var isEquity: Bool { self == .usEquity || self == .intlEquity }

    /// In declaration order, so sorted lists read stocks, bonds, cash, then the rest.
    public static func < (lhs: AssetClass, rhs: AssetClass) -> Bool { lhs.order < rhs.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
