/// Checks of ISO code-list values: country (ISO 3166-1 alpha-2), language (ISO 639-1) and region
/// (ISO 3166-2, with Poland's voivodeships checked against the current numeric codes).
///
/// Codes are case-sensitive as stored: countries and regions in capitals, languages in lower case.
/// A code in the wrong case or with spaces around it gets a format problem with the fixed code.
public enum ISOCode {
    static let withdrawnLanguages: [String: String] = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"]

    /// Checks an ISO 3166-1 alpha-2 country code (`PL`, `DE`, `GB`).
    ///
    /// `UK` and `EL` (reserved for the United Kingdom and used by the EU for Greece) get `GB` and
    /// `GR` as suggestions; `EU` is reported as not a country.
    public static func checkCountry(_ value: String) -> IdentifierProblem? {
        if countries.contains(value) { return nil }
        let shown = DigitText.shown(value)
        let trimmed = DigitText.trimmed(value)
        let upper = trimmed.uppercased()
        if countries.contains(upper) {
            return IdentifierProblem(
                rule: .country,
                kind: .format,
                message: "Country code \(shown) should be written \(upper)\(trimmed == value ? " in capitals" : " without spaces")",
                suggestion: upper
            )
        }
        switch upper {
        case "UK":
            return IdentifierProblem(
                rule: .country,
                kind: .obsolete,
                message: "Country code \(shown) is not an ISO 3166-1 code; the United Kingdom is GB",
                suggestion: "GB"
            )
        case "EL":
            return IdentifierProblem(
                rule: .country,
                kind: .obsolete,
                message: "Country code \(shown) is the EU's abbreviation for Greece; the ISO 3166-1 code is GR",
                suggestion: "GR"
            )
        case "EU":
            return IdentifierProblem(
                rule: .country,
                kind: .unknownCode,
                message: "Country code \(shown) stands for the European Union, which is not a country; give the member country's code"
            )
        default:
            break
        }
        let letters = upper.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        if letters && upper.utf8.count == 2 {
            return IdentifierProblem(
                rule: .country,
                kind: .unknownCode,
                message: "Country code \(shown) is not an ISO 3166-1 country code"
            )
        }
        return IdentifierProblem(
            rule: .country,
            kind: .format,
            message: "Country code \(shown) is not a two-letter ISO 3166-1 code; write two capital letters, such as PL or DE"
        )
    }

    /// Checks an ISO 639-1 language code (`pl`, `en`, `nb`).
    ///
    /// A language tag with a region (`pt-BR`, `pl_PL`) gets its language part as the suggestion;
    /// a withdrawn code gets its replacement (`iw` → `he`).
    public static func checkLanguage(_ value: String) -> IdentifierProblem? {
        if languages.contains(value) { return nil }
        let shown = DigitText.shown(value)
        let trimmed = DigitText.trimmed(value)
        let lower = trimmed.lowercased()
        if languages.contains(lower) {
            return IdentifierProblem(
                rule: .language,
                kind: .format,
                message: "Language code \(shown) should be written \(lower)\(trimmed == value ? " in lower case" : " without spaces")",
                suggestion: lower
            )
        }
        if let replacement = withdrawnLanguages[lower] {
            return IdentifierProblem(
                rule: .language,
                kind: .obsolete,
                message: "Language code \(shown) was withdrawn from ISO 639-1; write \(replacement)",
                suggestion: replacement
            )
        }
        if lower == "sh" {
            return IdentifierProblem(
                rule: .language,
                kind: .obsolete,
                message: "Language code \(shown) (Serbo-Croatian) was withdrawn from ISO 639-1; write hr, sr or bs"
            )
        }
        if let separator = lower.firstIndex(where: { $0 == "-" || $0 == "_" }), languages.contains(String(lower[..<separator])) {
            let language = String(lower[..<separator])
            return IdentifierProblem(
                rule: .language,
                kind: .format,
                message: "Language code \(shown) is a language tag with a region; write the two-letter ISO 639-1 code \(language)",
                suggestion: language
            )
        }
        let letters = lower.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        if letters && lower.utf8.count == 2 {
            return IdentifierProblem(
                rule: .language,
                kind: .unknownCode,
                message: "Language code \(shown) is not an ISO 639-1 language code"
            )
        }
        return IdentifierProblem(
            rule: .language,
            kind: .format,
            message: "Language code \(shown) is not a two-letter ISO 639-1 code; write two lower-case letters, such as pl or en"
        )
    }
}
