extension PolishIdentifier {
    /// Checks a Polish EU VAT number: `PL` in capitals followed directly by a valid NIP
    /// (`PL7740001454`).
    ///
    /// A valid checksum does not prove an active VAT registration (that needs an online VIES
    /// query). Another country's prefix (`DE…`) is reported as not Polish: other member states'
    /// numbers follow other rules and belong under their own keys.
    public static func checkVAT(_ value: String) -> IdentifierProblem? {
        let utf8 = value.utf8
        if utf8.count == 12, utf8.starts(with: "PL".utf8), DigitText.isDigits(value.dropFirst(2), count: 10) {
            return nipDigitsProblem(String(value.dropFirst(2)), shown: value, rule: .vat, noun: "VAT number")
        }
        let bare = DigitText.removingSeparators(value)
        if bare.utf8.count >= 2, bare.utf8.prefix(2).allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
           bare.utf8.prefix(2).map({ $0 | 0x20 }) != Array("pl".utf8)
        {
            return IdentifierProblem(
                rule: .vat,
                kind: .unknownCode,
                message: "VAT number \(DigitText.shown(value)) does not start with PL; this field holds a Polish VAT number (PL followed by the NIP)"
            )
        }
        if let nip = normalizedNIP(value) {
            if let problem = nipDigitsProblem(nip, shown: value, rule: .vat, noun: "VAT number") { return problem }
            return IdentifierProblem(
                rule: .vat,
                kind: .format,
                message: "VAT number \(DigitText.shown(value)) should be written as PL followed by the 10 NIP digits, without spaces or dashes: PL\(nip)",
                suggestion: "PL" + nip
            )
        }
        return IdentifierProblem(
            rule: .vat,
            kind: .format,
            message: "VAT number \(DigitText.shown(value)) \(DigitText.shapeComplaint(stripPL(bare), noun: "a Polish VAT number", expected: "PL and 10 digits"))"
        )
    }
}
