/// Eight bytes tested at once, as one 64-bit word: what the exporters' scans over text use.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte: `word & highs == 0` when all eight bytes are ASCII.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is `byte`: the word XOR `byte` in every byte has
    /// a zero byte, and `(x - 0x01…) & ~x & 0x80…` is not zero exactly when `x` has one.
    @inline(__always)
    static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }
}
