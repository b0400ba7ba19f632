/// Byte-level helpers shared by the identifier checks: they read the UTF-8 view and allocate only
/// when a problem has to be worded.
enum DigitText {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Runs `body` on the UTF-8 bytes of `text`, without copying when they are contiguous (native
    /// strings and their substrings).
    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// Whether `text` is exactly `count` ASCII digits.
    static func isDigits(_ text: Substring, count: Int) -> Bool {
        withBytes(text) { bytes in bytes.count == count && bytes.allSatisfy(isDigit) }
    }

    static func isAllZeros(_ text: Substring) -> Bool {
        withBytes(text) { bytes in !bytes.isEmpty && bytes.allSatisfy { $0 == 0x30 } }
    }

    /// Σ digit·weight over the first `weights.count` bytes of `text`, which must be ASCII digits.
    static func weightedSum(_ text: Substring, _ weights: [Int]) -> Int {
        withBytes(text) { bytes in
            var sum = 0
            for index in 0..<min(bytes.count, weights.count) {
                sum &+= Int(bytes[index] &- 0x30) &* weights[index]
            }
            return sum
        }
    }

    /// The digit at a 0-based position of an all-ASCII-digit string.
    static func digit(_ text: Substring, at offset: Int) -> Int {
        withBytes(text) { bytes in Int(bytes[offset] &- 0x30) }
    }

    static func isDigits(_ text: String, count: Int) -> Bool { isDigits(text[...], count: count) }
    static func isAllZeros(_ text: String) -> Bool { isAllZeros(text[...]) }
    static func weightedSum(_ text: String, _ weights: [Int]) -> Int { weightedSum(text[...], weights) }
    static func digit(_ text: String, at offset: Int) -> Int { digit(text[...], at: offset) }

    /// Whether a scalar is whitespace or a control character; ASCII is decided without a Unicode
    /// property lookup.
    static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        return scalar.value <= 0x9F || scalar.properties.isWhitespace
    }

    static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || character == "-" || character == "\u{2010}" || character == "\u{2011}"
            || character == "\u{2013}"
    }

    /// `text` without whitespace and dashes, the separators people type inside numbers.
    static func removingSeparators(_ text: some StringProtocol) -> String {
        String(text.filter { !isSeparator($0) })
    }

    /// `text` without whitespace at either end.
    static func trimmed(_ text: String) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }

    /// Says why `text` (already stripped of separators) is not `expected` digits: an empty value, a
    /// stray character, or the wrong number of digits.
    static func shapeComplaint(_ text: String, noun: String, expected: String) -> String {
        if text.isEmpty { return "is empty; \(noun) has \(expected)" }
        if let stray = text.first(where: { !($0.isASCII && $0.isNumber) }) {
            return "contains \(quoted(String(stray))); \(noun) has only digits (\(expected))"
        }
        return "has \(text.utf8.count) digits; \(noun) has \(expected)"
    }

    /// A value as it appears in a message: bare when it is a plain token, quoted when it is empty,
    /// holds spaces or control characters, and cut short when it is long.
    static func shown(_ value: some StringProtocol) -> String {
        let plain = !value.isEmpty && value.count <= 64
            && !value.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "\"" }
        return plain ? String(value) : quoted(value)
    }

    static func quoted(_ value: some StringProtocol) -> String {
        var out = "\""
        for scalar in value.unicodeScalars.prefix(64) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if value.unicodeScalars.count > 64 { out += "…" }
        return out + "\""
    }
}
