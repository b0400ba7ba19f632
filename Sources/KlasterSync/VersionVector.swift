/// Which edits a version of a record has seen: per copy id, how many of that copy's versions of
/// the record it descends from (a version vector).
///
/// A copy's history of a record is a line (each state descends from the one before: sync only
/// takes a version that has seen this one, or merges), so comparing two copies' vectors tells
/// whether one version descends from the other, or whether both have edits the other has not
/// seen, whatever path the versions took between copies. Content alone cannot: a value that a
/// copy took back, or two resolutions of one conflict made with different copies, look alike.
public struct VersionVector: Sendable, Equatable, Hashable {
    public private(set) var counts: [String: Int]

    public init(_ counts: [String: Int] = [:]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    public enum Order: Sendable, Equatable {
        case equal
        /// Every edit of the other is here, and more.
        case descends
        /// Every edit here is in the other, which has more.
        case precedes
        case concurrent
    }

    public var isEmpty: Bool { counts.isEmpty }

    /// Every edit either vector has seen.
    public func joined(_ other: VersionVector) -> VersionVector {
        if other.counts.isEmpty { return self }
        if counts.isEmpty { return other }
        return VersionVector(counts.merging(other.counts, uniquingKeysWith: max))
    }

    /// A new version made by `copy`: its counter past both this vector's and `floor`, so that no
    /// two versions one copy has ever handed out share a counter.
    public func bumped(_ copy: String, floor: Int) -> VersionVector {
        var next = counts
        next[copy] = max(counts[copy] ?? 0, floor) + 1
        return VersionVector(next)
    }

    public func compare(_ other: VersionVector) -> Order {
        var more = false
        var less = false
        for (copy, n) in counts {
            let m = other.counts[copy] ?? 0
            if n > m { more = true } else if n < m { less = true }
        }
        for (copy, m) in other.counts where counts[copy] == nil && m > 0 { less = true }
        switch (more, less) {
        case (false, false): return .equal
        case (true, false): return .descends
        case (false, true): return .precedes
        case (true, true): return .concurrent
        }
    }

    // MARK: - Text

    /// `i:n,j:m` with indices into `table` (ascending), `-` when empty. New ids are appended to
    /// `table`, in id order.
    func encoded(table: inout [String], index: inout [String: Int]) -> String {
        if counts.isEmpty { return "-" }
        var pairs: [(Int, Int)] = []
        for (copy, n) in counts.sorted(by: { $0.key < $1.key }) {
            let i: Int
            if let known = index[copy] {
                i = known
            } else {
                i = table.count
                table.append(copy)
                index[copy] = i
            }
            pairs.append((i, n))
        }
        return pairs.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" }.joined(separator: ",")
    }

    /// Reads ``encoded(table:index:)``; `nil` when malformed or an index is not in `table`.
    static func decode<S: StringProtocol>(_ text: S, table: [String]) -> VersionVector? {
        if text == "-" { return VersionVector() }
        var counts: [String: Int] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), i >= 0, i < table.count, n > 0,
                counts[table[i]] == nil
            else { return nil }
            counts[table[i]] = n
        }
        return counts.isEmpty ? nil : VersionVector(counts)
    }

    /// True when `bytes` may be an encoded vector (checked in full by ``decode(_:table:)``).
    static func isPlausible(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x2C || $0 == 0x2D }
    }
}
