/// A small deterministic random number generator (SplitMix64): the same seed gives the same
/// sequence on every platform and every run, which is what makes generated stores reproducible.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one record: a stream derived from the store seed, a stream tag, the
    /// record's index and a variant number, so each record can be generated alone and in any order.
    init(seed: UInt64, stream: UInt64, index: Int, variant: Int = 0) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        let a = mixer.next()
        mixer = SeededRandom(seed: a ^ UInt64(truncatingIfNeeded: index) &* 0xBF58_476D_1CE4_E5B9)
        let b = mixer.next()
        state = b ^ (UInt64(truncatingIfNeeded: variant) &* 0x94D0_49BB_1331_11EB)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0). Uses a plain modulo: the bias is irrelevant here and
    /// the result does not depend on the standard library's sampling algorithm.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// `count` distinct elements of `items`, in a random order (fewer when `items` is shorter).
    mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var pool = items
        var chosen: [T] = []
        for _ in 0..<min(count, pool.count) {
            chosen.append(pool.remove(at: below(pool.count)))
        }
        return chosen
    }
}
