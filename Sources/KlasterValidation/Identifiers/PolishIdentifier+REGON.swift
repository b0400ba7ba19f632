extension PolishIdentifier {
    static let regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7]
    static let regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]

    /// The check digit that completes a REGON: `prefix` is the first 8 digits of a 9-digit REGON
    /// or the first 13 of a 14-digit one. The weighted sum mod 11, with 10 written as 0.
    ///
    /// `nil` unless `prefix` is 8 or 13 ASCII digits.
    public static func regonCheckDigit(prefix: String) -> Int? {
        if DigitText.isDigits(prefix, count: 8) { return DigitText.weightedSum(prefix, regon9Weights) % 11 % 10 }
        if DigitText.isDigits(prefix, count: 13) { return DigitText.weightedSum(prefix, regon14Weights) % 11 % 10 }
        return nil
    }

    /// Checks a REGON (statistical number): 9 or 14 ASCII digits with a matching check digit; a
    /// 14-digit REGON (a local unit) must also start with a valid 9-digit REGON (its parent), since
    /// its own weights give digit 5 no weight. All zeros is rejected as a placeholder.
    public static func checkREGON(_ value: String) -> IdentifierProblem? {
        if DigitText.isDigits(value, count: 9) || DigitText.isDigits(value, count: 14) {
            return regonDigitsProblem(value, shown: value)
        }
        let bare = DigitText.removingSeparators(value)
        if DigitText.isDigits(bare, count: 9) || DigitText.isDigits(bare, count: 14) {
            if let problem = regonDigitsProblem(bare, shown: value) { return problem }
            return IdentifierProblem(
                rule: .regon,
                kind: .format,
                message: "REGON \(DigitText.shown(value)) should be written as digits only, without spaces or dashes: \(bare)",
                suggestion: bare
            )
        }
        return IdentifierProblem(
            rule: .regon,
            kind: .format,
            message: "REGON \(DigitText.shown(value)) \(DigitText.shapeComplaint(bare, noun: "a REGON", expected: "9 or 14 digits"))"
        )
    }

    /// The problem with 9 or 14 ASCII digits read as a REGON, if any.
    static func regonDigitsProblem(_ digits: String, shown: String) -> IdentifierProblem? {
        var label: String { "REGON \(DigitText.shown(shown))" }
        let count = digits.utf8.count
        let base = digits.prefix(9)
        if DigitText.isAllZeros(base) {
            let what = count == 9 ? "is all zeros" : "starts with 000000000"
            return IdentifierProblem(
                rule: .regon,
                kind: .placeholder,
                message: "\(label) \(what), a placeholder rather than a real number"
            )
        }
        let baseExpected = DigitText.weightedSum(base, regon9Weights) % 11 % 10
        let baseActual = DigitText.digit(digits, at: 8)
        if baseExpected != baseActual {
            let message = count == 9
                ? "\(label) has a wrong check digit (expected \(baseExpected), got \(baseActual))"
                : "\(label) is wrong: its first 9 digits \(base) are not a valid REGON (check digit expected \(baseExpected), got \(baseActual))"
            return IdentifierProblem(rule: .regon, kind: .checksum, message: message)
        }
        guard count == 14 else { return nil }
        let expected = DigitText.weightedSum(digits, regon14Weights) % 11 % 10
        let actual = DigitText.digit(digits, at: 13)
        if expected != actual {
            return IdentifierProblem(
                rule: .regon,
                kind: .checksum,
                message: "\(label) has a wrong check digit (expected \(expected), got \(actual))"
            )
        }
        return nil
    }
}
