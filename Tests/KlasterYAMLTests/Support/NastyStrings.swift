import PropertyBased

/// Strings that break careless YAML writers: numbers, booleans and dates as text, YAML syntax,
/// blanks at the edges, line breaks, control characters, Polish letters and emoji.
enum NastyStrings {
    static let fragments: [String] = [
        "", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "a", "Zażółć gęślą jaźń", "ŁÓDŹ", "😀", "👋🏽", "👨‍👩‍👧",
        "0012", "0000012345", "no", "NO", "yes", "on", "off", "y", "n", "true", "False", "null", "~", "1e3", "0x1F",
        "0o17", "1_000", "1:20", ".inf", ".NaN", "2013-01-15", "2013-01-15T10:20:30Z", "+48123", "+48 32 123", "-",
        "- ", "? ", ": ", ":", " #", "#", "&a", "*a", "!tag", "|", ">", "'", "\"", "\\", "%", "@", "`", "[", "]",
        "{", "}", ",", "---", "...", "<<", "=", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}",
        "\u{FEFF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "text", "key: value", "C#", "it's",
    ]

    static let piece = Gen<String>.oneOf(
        Gen.int(in: 0...(fragments.count - 1)).map { fragments[$0] },
        Gen<UnicodeScalar>.unicodeScalar(in: "\u{0}"..."\u{17F}").map { String($0) },
        Gen<UnicodeScalar>.unicodeScalar(in: "\u{1F300}"..."\u{1F64F}").map { String($0) }
    )

    static let string = piece.array(of: 0...6).map { $0.joined() }

    /// A deterministic batch, for checks that run an outside program once.
    static func batch(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let pieces = Int(rng.next() % 7)
            return (0..<pieces).map { _ in
                switch rng.next() % 4 {
                case 0: String(UnicodeScalar(UInt8(rng.next() % 128)))
                case 1: String(UnicodeScalar(UInt32(0x1F300 + rng.next() % 0x150))!)
                default: fragments[Int(rng.next() % UInt64(fragments.count))]
                }
            }.joined()
        }
    }
}
