extension ISOCode {
    /// Checks an ISO 3166-2 subdivision code.
    ///
    /// Polish codes must be one of the 16 current numeric codes (``Voivodeship``); an old letter
    /// code (`PL-SL`) or a voivodeship's name gets the numeric code as a suggestion. For other
    /// countries only the form is checked: a known country code, a hyphen and one to three capital
    /// letters or digits (`SE-M`), since their subdivision lists are not built in.
    public static func checkRegion(_ value: String) -> IdentifierProblem? {
        if Voivodeship(code: value) != nil { return nil }
        let shown = DigitText.shown(value)
        let trimmed = DigitText.trimmed(value)
        var upper = DigitText.removingSeparators(trimmed).uppercased()
        if upper.count > 2 {
            upper.insert("-", at: upper.index(upper.startIndex, offsetBy: 2))
        }
        if let voivodeship = Voivodeship(code: upper) {
            return IdentifierProblem(
                rule: .region,
                kind: .format,
                message: "Region \(shown) should be written \(voivodeship.code)",
                suggestion: voivodeship.code
            )
        }
        if let voivodeship = Voivodeship(formerCode: upper) {
            return IdentifierProblem(
                rule: .region,
                kind: .obsolete,
                message: "Region \(shown) is the old letter code for \(voivodeship.name), replaced in 2018 by the numeric code \(voivodeship.code); write \(voivodeship.code)",
                suggestion: voivodeship.code
            )
        }
        if let voivodeship = Voivodeship(name: String(trimmed)) {
            return IdentifierProblem(
                rule: .region,
                kind: .format,
                message: "Region \(shown) is a voivodeship's name; write its ISO 3166-2 code \(voivodeship.code)",
                suggestion: voivodeship.code
            )
        }
        if upper.hasPrefix("PL-") {
            return IdentifierProblem(
                rule: .region,
                kind: .unknownCode,
                message: "Region \(shown) is not a Polish voivodeship code; the 16 codes are the even numbers PL-02 to PL-32 (PL-24 is Śląskie)"
            )
        }
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
        let alphanumeric = { (byte: UInt8) in DigitText.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) }
        if parts.count == 2, parts[0].utf8.count == 2, (1...3).contains(parts[1].utf8.count),
           parts[1].utf8.allSatisfy(alphanumeric)
        {
            let country = String(parts[0])
            guard countries.contains(country) else {
                return IdentifierProblem(
                    rule: .region,
                    kind: .unknownCode,
                    message: "Region \(shown) does not start with an ISO 3166-1 country code (\(country) is not one)"
                )
            }
            if upper == value { return nil }
            return IdentifierProblem(
                rule: .region,
                kind: .format,
                message: "Region \(shown) should be written \(upper)",
                suggestion: upper
            )
        }
        return IdentifierProblem(
            rule: .region,
            kind: .format,
            message: "Region \(shown) is not an ISO 3166-2 code; write the country code, a hyphen and the subdivision, such as PL-24"
        )
    }
}
