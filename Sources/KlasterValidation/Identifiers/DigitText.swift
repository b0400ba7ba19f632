/// Byte-level helpers shared by the identifier checks: they read the UTF-8 view and allocate only
/// when a problem has to be worded.
enum DigitText {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether `text` is exactly `count` ASCII digits.
    static func isDigits(_ text: some StringProtocol, count: Int) -> Bool {
        var seen = 0
        for byte in text.utf8 {
            guard isDigit(byte) else { return false }
            seen += 1
            if seen > count { return false }
        }
        return seen == count
    }

    static func isAllZeros(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 == 0x30 }
    }

    /// Σ digit·weight over the first `weights.count` bytes of `text`, which must be ASCII digits.
    static func weightedSum(_ text: some StringProtocol, _ weights: [Int]) -> Int {
        var sum = 0
        for (byte, weight) in zip(text.utf8, weights) {
            sum += Int(byte - 0x30) * weight
        }
        return sum
    }

    /// The digit at a 0-based position of an all-ASCII-digit string.
    static func digit(_ text: some StringProtocol, at offset: Int) -> Int {
        let utf8 = text.utf8
        return Int(utf8[utf8.index(utf8.startIndex, offsetBy: offset)] - 0x30)
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
