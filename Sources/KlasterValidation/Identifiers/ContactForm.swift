/// Checks of contact details as stored in records: e-mail addresses, web addresses and phone
/// numbers.
///
/// The checks are practical, not full RFC grammars: they accept what people really use and reject
/// what is certainly broken (spaces, a missing `@` or scheme, a host without a dot). Non-ASCII
/// letters are allowed in domain names and paths (internationalised names).
public enum ContactForm {
    /// The ASCII symbols RFC 5322 allows in the part before the `@`: ``!#$%&'*+/=?^_`{|}~-``.
    static func isAtextSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Checks an e-mail address: `local@domain.tld`, one `@`, no spaces, a local part of at most
    /// 64 bytes without leading, trailing or doubled dots, and a domain name with a top-level domain.
    /// Spaces around the address or a `mailto:` prefix get a format problem with the bare address.
    public static func checkEmail(_ value: String) -> IdentifierProblem? {
        if isPlainGoodEmail(value) { return nil }
        guard let reason = emailComplaint(value) else { return nil }
        var candidate = Substring(DigitText.trimmed(value))
        if candidate.lowercased().hasPrefix("mailto:") { candidate = candidate.dropFirst(7) }
        if candidate != value, emailComplaint(candidate) == nil {
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
    static func emailComplaint(_ value: some StringProtocol) -> String? {
        let value = Substring(value)
        if value.isEmpty { return "is empty" }
        if let bad = value.unicodeScalars.first(where: DigitText.isSpaceOrControl) {
            return bad.value == 0x20 || bad.properties.isWhitespace ? "contains a space" : "contains a control character"
        }
        let bytes = value.utf8
        guard let at = bytes.firstIndex(of: 0x40) else { return "has no @" }
        guard bytes.lastIndex(of: 0x40) == at else { return "has more than one @" }
        let local = value[..<at]
        let domain = value[bytes.index(after: at)...]
        if local.isEmpty { return "has nothing before the @" }
        if local.utf8.count > 64 { return "has more than 64 characters before the @" }
        if local.utf8.first == 0x2E || local.utf8.last == 0x2E || containsDoubleDot(local) {
            return "has a dot at the start or end of the part before the @, or two dots in a row"
        }
        if let stray = local.utf8.first(where: { $0 < 0x80 && !(isASCIIAlphanumeric($0) || $0 == 0x2E || isAtextSymbol($0)) }) {
            return "contains \(DigitText.quoted(String(UnicodeScalar(stray)))) before the @, which an e-mail address cannot have"
        }
        if domain.isEmpty { return "has nothing after the @" }
        if let problem = domainComplaint(domain) { return "has a domain \(DigitText.shown(domain)) that \(problem)" }
        return nil
    }

    static func containsDoubleDot(_ text: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x2E && previous == 0x2E { return true }
            previous = byte
        }
        return false
    }

    /// Why `host` is not a domain name with at least two labels and a top-level domain, or `nil`.
    static func domainComplaint(_ host: Substring) -> String? {
        if host.utf8.count > 253 { return "is longer than 253 characters" }
        var labels = 0
        var length = 0
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?
        var allDigits = true
        func endLabel() -> String? {
            if length == 0 { return "has an empty part (a dot at the start or end, or two dots in a row)" }
            if length > 63 { return "has a part longer than 63 characters" }
            if first == "-" || last == "-" { return "has a part starting or ending with a hyphen" }
            return nil
        }
        for scalar in host.unicodeScalars {
            if scalar == "." {
                if let problem = endLabel() { return problem }
                labels += 1
                (length, first, last, allDigits) = (0, nil, nil, true)
                continue
            }
            let allowed = scalar.isASCII
                ? isASCIIAlphanumeric(UInt8(scalar.value)) || scalar == "-"
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic
            if !allowed { return "contains \(DigitText.quoted(String(scalar))), which a domain name cannot have" }
            length += UTF8.width(scalar)
            if first == nil { first = scalar }
            last = scalar
            allDigits = allDigits && scalar.isASCII && DigitText.isDigit(UInt8(scalar.value))
        }
        if labels == 0 && length > 0 { return "has no dot; a domain name ends in a top-level domain such as .pl" }
        if let problem = endLabel() { return problem }
        if length < 2 || allDigits { return "does not end in a top-level domain such as .pl or .com" }
        return nil
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        DigitText.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
