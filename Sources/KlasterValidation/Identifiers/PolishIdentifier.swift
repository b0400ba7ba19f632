/// Checks of Polish registry numbers and postcodes, exact to the published check-digit rules.
///
/// Every `check…` function takes the value as stored and returns `nil` when it is valid. A value
/// that is valid only after a mechanical rewrite (separators, a `PL` prefix, missing zero padding)
/// gets a ``IdentifierProblem/Kind/format`` problem whose `suggestion` is the canonical form; a
/// wrong check digit is reported as ``IdentifierProblem/Kind/checksum`` even when the value is also
/// badly formatted, because no rewrite can fix it.
public enum PolishIdentifier {
    static let nipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7]

    /// The remainder that decides a NIP's check digit, from its first nine digits.
    ///
    /// 0–9 is the check digit; 10 means no NIP starts with these digits. `nil` unless `prefix` is
    /// exactly nine ASCII digits.
    public static func nipCheckValue(prefix: String) -> Int? {
        guard DigitText.isDigits(prefix, count: 9) else { return nil }
        return DigitText.weightedSum(prefix, nipWeights) % 11
    }

    /// Checks a NIP (tax identification number): exactly 10 ASCII digits, the weighted checksum
    /// (weights 6,5,7,2,3,4,5,6,7, mod 11, remainder 10 never issued), and not `0000000000`.
    public static func checkNIP(_ value: String) -> IdentifierProblem? {
        if DigitText.isDigits(value, count: 10) { return nipDigitsProblem(value, shown: value) }
        if let canonical = normalizedNIP(value) {
            if let problem = nipDigitsProblem(canonical, shown: value) { return problem }
            return IdentifierProblem(
                rule: .nip,
                kind: .format,
                message: "NIP \(DigitText.shown(value)) should be written as 10 digits without spaces, dashes or a PL prefix: \(canonical)",
                suggestion: canonical
            )
        }
        let bare = stripPL(DigitText.removingSeparators(value))
        return IdentifierProblem(
            rule: .nip,
            kind: .format,
            message: "NIP \(DigitText.shown(value)) \(DigitText.shapeComplaint(bare, noun: "a NIP", expected: "10 digits"))"
        )
    }

    /// The 10 digits of a NIP written with spaces, dashes (`123-456-32-18`, `123-45-67-819`) or a
    /// `PL` prefix; `nil` when what is left is not 10 ASCII digits. The checksum is not checked.
    public static func normalizedNIP(_ value: String) -> String? {
        let digits = stripPL(DigitText.removingSeparators(value))
        return DigitText.isDigits(digits, count: 10) ? digits : nil
    }

    /// The problem with 10 ASCII digits read as a NIP, if any; `shown` is the value as written.
    static func nipDigitsProblem(
        _ digits: String,
        shown: String,
        rule: DomainRule = .nip,
        noun: String = "NIP"
    ) -> IdentifierProblem? {
        var label: String { "\(noun) \(DigitText.shown(shown))" }
        if DigitText.isAllZeros(digits) {
            return IdentifierProblem(
                rule: rule,
                kind: .placeholder,
                message: "\(label) is all zeros, a placeholder rather than a real number"
            )
        }
        let expected = DigitText.weightedSum(digits, nipWeights) % 11
        let actual = DigitText.digit(digits, at: 9)
        if expected == 10 {
            return IdentifierProblem(
                rule: rule,
                kind: .checksum,
                message: "\(label) cannot be valid: its first nine digits give check value 10, which is never issued (a digit is probably mistyped)"
            )
        }
        if expected != actual {
            return IdentifierProblem(
                rule: rule,
                kind: .checksum,
                message: "\(label) has a wrong check digit (expected \(expected), got \(actual))"
            )
        }
        return nil
    }

    /// `text` without a leading `PL` in either case.
    static func stripPL(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count >= 2 else { return text }
        let first = utf8[utf8.startIndex] | 0x20
        let second = utf8[utf8.index(after: utf8.startIndex)] | 0x20
        return first == UInt8(ascii: "p") && second == UInt8(ascii: "l") ? String(text.dropFirst(2)) : text
    }
}
