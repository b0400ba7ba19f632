/// Checks of contact details as stored in records: e-mail addresses, web addresses and phone
/// numbers.
///
/// The checks are practical, not full RFC grammars: they accept what people really use and reject
/// what is certainly broken (spaces, a missing `@` or scheme, a host without a dot). Non-ASCII
/// letters are allowed in domain names and paths (internationalised names).
public enum ContactForm {
    static let atext = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    /// Checks an e-mail address: `local@domain.tld`, one `@`, no spaces, a local part of at most
    /// 64 bytes without leading, trailing or doubled dots, and a domain name with a top-level domain.
    /// Spaces around the address or a `mailto:` prefix get a format problem with the bare address.
    public static func checkEmail(_ value: String) -> IdentifierProblem? {
        guard let reason = emailComplaint(value) else { return nil }
        var candidate = Substring(DigitText.trimmed(value))
        if candidate.lowercased().hasPrefix("mailto:") { candidate = candidate.dropFirst(7) }
        if candidate != value, emailComplaint(String(candidate)) == nil {
            let what = DigitText.trimmed(value) == value ? "without mailto:" : "without spaces around it"
            return IdentifierProblem(
                rule: .email,
                kind: .format,
                message: "E-mail address \(DigitText.shown(value)) should be written \(what): \(candidate)",
                suggestion: String(candidate)
            )
        }
        return IdentifierProblem(rule: .email, kind: .format, message: "E-mail address \(DigitText.shown(value)) \(reason)")
    }

    /// Why `value` is not an e-mail address, or `nil`.
    static func emailComplaint(_ value: String) -> String? {
        if value.isEmpty { return "is empty" }
        if let bad = value.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return bad.properties.isWhitespace ? "contains a space" : "contains a control character"
        }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2 ? "has no @" : "has more than one @"
        }
        let local = parts[0]
        let domain = parts[1]
        if local.isEmpty { return "has nothing before the @" }
        if local.utf8.count > 64 { return "has more than 64 characters before the @" }
        if local.first == "." || local.last == "." || local.contains("..") {
            return "has a dot at the start or end of the part before the @, or two dots in a row"
        }
        if let stray = local.unicodeScalars.first(where: { scalar in
            guard scalar.isASCII else { return false }
            let byte = UInt8(scalar.value)
            return !(isASCIIAlphanumeric(byte) || byte == 0x2E || atext.contains(byte))
        }) {
            return "contains \(DigitText.quoted(String(stray))) before the @, which an e-mail address cannot have"
        }
        if domain.isEmpty { return "has nothing after the @" }
        if let problem = domainComplaint(domain) { return "has a domain \(DigitText.shown(domain)) that \(problem)" }
        return nil
    }

    /// Why `host` is not a domain name with at least two labels and a top-level domain, or `nil`.
    static func domainComplaint(_ host: Substring) -> String? {
        if host.utf8.count > 253 { return "is longer than 253 characters" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "has no dot; a domain name ends in a top-level domain such as .pl" }
        for label in labels {
            if label.isEmpty { return "has an empty part (a dot at the start or end, or two dots in a row)" }
            if label.utf8.count > 63 { return "has a part longer than 63 characters" }
            if label.first == "-" || label.last == "-" { return "has a part starting or ending with a hyphen" }
            if let stray = label.unicodeScalars.first(where: { scalar in
                scalar.isASCII ? !(isASCIIAlphanumeric(UInt8(scalar.value)) || scalar == "-")
                    : !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic)
            }) {
                return "contains \(DigitText.quoted(String(stray))), which a domain name cannot have"
            }
        }
        let top = labels[labels.count - 1]
        if top.utf8.count < 2 || top.utf8.allSatisfy(DigitText.isDigit) {
            return "does not end in a top-level domain such as .pl or .com"
        }
        return nil
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        DigitText.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
