extension ContactForm {
    /// Checks a phone number in E.164 form, as the domain guide gives it: `+`, a country code not
    /// starting with 0, 2 to 15 digits in all, nothing else (`^\+[1-9][0-9]{1,14}$`); a Polish
    /// number (`+48`) has exactly 9 digits after the country code.
    ///
    /// Numbers are stored without spaces. One written for people (`+48 32 123 45 67`,
    /// `0048 (32) 123-45-67`) gets a format problem whose suggestion is the E.164 form.
    public static func checkPhone(_ value: String) -> IdentifierProblem? {
        guard let reason = phoneComplaint(value) else { return nil }
        if let candidate = normalizedPhone(value), candidate != value {
            if let problem = phoneComplaint(candidate) {
                return IdentifierProblem(rule: .phone, kind: .format, message: "Phone number \(DigitText.shown(value)) \(problem)")
            }
            return IdentifierProblem(
                rule: .phone,
                kind: .format,
                message: "Phone number \(DigitText.shown(value)) should be written in E.164 form, without spaces or other signs: \(candidate)",
                suggestion: candidate
            )
        }
        return IdentifierProblem(rule: .phone, kind: .format, message: "Phone number \(DigitText.shown(value)) \(reason)")
    }

    /// The `+digits` form of a phone number typed with spaces, dashes, dots, slashes, parentheses,
    /// a `(0)` trunk prefix or `00` instead of `+`. `nil` when it has no international prefix or
    /// other characters remain. Lengths are not checked.
    public static func normalizedPhone(_ value: String) -> String? {
        var text = String(DigitText.trimmed(value))
        if let trunk = text.firstRange(of: "(0)"), trunk.lowerBound != text.startIndex {
            text.removeSubrange(trunk)
        }
        var digits = String(text.filter { !(DigitText.isSeparator($0) || "./()".contains($0)) })
        if digits.hasPrefix("00") { digits = "+" + digits.dropFirst(2) }
        guard digits.hasPrefix("+"), digits.utf8.dropFirst().allSatisfy(DigitText.isDigit) else { return nil }
        return digits
    }

    /// Why `value` is not an E.164 number, or `nil`.
    static func phoneComplaint(_ value: String) -> String? {
        let bytes = value.utf8
        if bytes.isEmpty { return "is empty" }
        guard bytes.first == 0x2B else {
            return "has no country code; write it in international form starting with + (for Poland +48)"
        }
        let digits = bytes.dropFirst()
        if !digits.allSatisfy(DigitText.isDigit) {
            let stray = value.dropFirst().first { !($0.isASCII && $0.isNumber) } ?? " "
            return stray.isWhitespace ? "contains a space" : "contains \(DigitText.quoted(String(stray))); only + and digits are allowed"
        }
        let count = digits.count
        if count == 0 { return "has no digits after the +" }
        if digits.first == 0x30 { return "has a country code starting with 0, which does not exist" }
        if count > 15 { return "has \(count) digits; an international number has at most 15" }
        if count < 2 { return "has only \(count) digit after the +" }
        if digits.starts(with: "48".utf8), count != 11 {
            return "is a Polish number (+48) with \(count - 2) digits after the country code; Polish numbers have 9"
        }
        return nil
    }
}
