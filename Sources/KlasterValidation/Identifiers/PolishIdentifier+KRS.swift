extension PolishIdentifier {
    /// Checks a KRS number (National Court Register): exactly 10 ASCII digits, zero-padded.
    ///
    /// KRS numbers have no check digit, so only the form is checked; `0000000000` is rejected as a
    /// placeholder, as for NIP and REGON. A shorter number or one written `KRS 28860` gets a
    /// format problem suggesting the padded form.
    public static func checkKRS(_ value: String) -> IdentifierProblem? {
        if DigitText.isDigits(value, count: 10) {
            guard DigitText.isAllZeros(value) else { return nil }
            return IdentifierProblem(
                rule: .krs,
                kind: .placeholder,
                message: "KRS number \(value) is all zeros, a placeholder rather than a real number"
            )
        }
        if let canonical = normalizedKRS(value), !DigitText.isAllZeros(canonical) {
            return IdentifierProblem(
                rule: .krs,
                kind: .format,
                message: "KRS number \(DigitText.shown(value)) should be written as 10 digits, zero-padded: \(canonical)",
                suggestion: canonical
            )
        }
        let bare = stripKRS(DigitText.removingSeparators(value))
        return IdentifierProblem(
            rule: .krs,
            kind: .format,
            message: "KRS number \(DigitText.shown(value)) \(DigitText.shapeComplaint(bare, noun: "a KRS number", expected: "10 digits"))"
        )
    }

    /// The 10-digit form of a KRS number written with spaces, a `KRS` prefix or without its
    /// leading zeros (`KRS 28860` → `0000028860`); `nil` when it is not 1 to 10 ASCII digits.
    public static func normalizedKRS(_ value: String) -> String? {
        let digits = stripKRS(DigitText.removingSeparators(value))
        let count = digits.utf8.count
        guard count >= 1, count <= 10, digits.utf8.allSatisfy(DigitText.isDigit) else { return nil }
        return String(repeating: "0", count: 10 - count) + digits
    }

    static func stripKRS(_ text: String) -> String {
        let prefix = text.utf8.prefix(3).map { $0 | 0x20 }
        return prefix == Array("krs".utf8) ? String(text.dropFirst(3)) : text
    }
}
