extension PolishIdentifier {
    /// Checks a Polish postcode: two digits, a hyphen, three digits (`41-709`).
    ///
    /// Five digits written without the hyphen or with a space or dash instead get a format problem
    /// suggesting the `NN-NNN` form.
    public static func checkPostcode(_ value: String) -> IdentifierProblem? {
        let utf8 = value.utf8
        if utf8.count == 6, utf8.enumerated().allSatisfy({ $0.offset == 2 ? $0.element == 0x2D : DigitText.isDigit($0.element) }) {
            return nil
        }
        let bare = DigitText.removingSeparators(value)
        if DigitText.isDigits(bare, count: 5) {
            let canonical = "\(bare.prefix(2))-\(bare.suffix(3))"
            return IdentifierProblem(
                rule: .postcode,
                kind: .format,
                message: "Postcode \(DigitText.shown(value)) should be written NN-NNN: \(canonical)",
                suggestion: canonical
            )
        }
        return IdentifierProblem(
            rule: .postcode,
            kind: .format,
            message: "Postcode \(DigitText.shown(value)) \(DigitText.shapeComplaint(bare, noun: "a Polish postcode", expected: "5 digits, written NN-NNN"))"
        )
    }
}
