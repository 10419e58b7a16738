/// Comparisons whose time does not depend on where two secrets differ.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes, looking at every byte of `lhs` whatever it finds.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in left.indices {
            difference |= left[index] ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0 && left.count == right.count
    }
}
