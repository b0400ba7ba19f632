extension ContactForm {
    static let forbiddenInURL = Set("\"<>\\^`{|}".utf8)

    /// Checks a web address: absolute, `http://` or `https://` in lower case, a host that is a
    /// domain name with a dot, an IPv4 address or a bracketed IPv6 address, an optional port, and
    /// no spaces, control characters or characters that must be percent-encoded.
    ///
    /// A user name or password in the address is rejected. An address without a scheme
    /// (`www.klasterip.pl`) gets a format problem suggesting `http://` in front.
    public static func checkURL(_ value: String) -> IdentifierProblem? {
        guard let reason = urlComplaint(value) else { return nil }
        let trimmed = String(DigitText.trimmed(value))
        let spaces = trimmed == value ? "" : " and without spaces around it"
        var candidates = [(trimmed, "without spaces around it")]
        if let colon = trimmed.firstRange(of: "://") {
            let scheme = trimmed[..<colon.lowerBound]
            candidates.append((scheme.lowercased() + trimmed[colon.lowerBound...], "with a lower-case scheme" + spaces))
        } else {
            candidates.append(("http://" + trimmed, "with its scheme" + spaces))
        }
        for (candidate, what) in candidates where candidate != value && urlComplaint(candidate) == nil {
            return IdentifierProblem(
                rule: .url,
                kind: .format,
                message: "Web address \(DigitText.shown(value)) should be written \(what): \(candidate)",
                suggestion: candidate
            )
        }
        return IdentifierProblem(rule: .url, kind: .format, message: "Web address \(DigitText.shown(value)) \(reason)")
    }

    /// Why `value` is not an absolute http(s) address, or `nil`.
    static func urlComplaint(_ value: String) -> String? {
        if value.isEmpty { return "is empty" }
        if let bad = value.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return bad.properties.isWhitespace ? "contains a space (write it as %20)" : "contains a control character"
        }
        let rest: Substring
        if value.hasPrefix("https://") {
            rest = value.dropFirst(8)
        } else if value.hasPrefix("http://") {
            rest = value.dropFirst(7)
        } else {
            return value.contains("://") || value.lowercased().hasPrefix("mailto:")
                ? "does not start with http:// or https://" : "has no http:// or https:// at the start"
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        if authority.isEmpty { return "has no host name after the scheme" }
        if authority.contains("@") { return "contains a user name or password before the host" }
        var host = authority
        if let close = authority.lastIndex(of: "]"), authority.first == "[" {
            let inside = authority[authority.index(after: authority.startIndex)..<close]
            if inside.isEmpty || !inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) || !inside.contains(":") {
                return "has an IPv6 host that is not valid"
            }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return "has characters after the IPv6 host" }
                if let problem = portComplaint(after.dropFirst()) { return problem }
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            if let problem = portComplaint(authority[authority.index(after: colon)...]) { return problem }
        }
        if host.first != "[", !isIPv4(host), let problem = domainComplaint(host) {
            return "has a host \(DigitText.shown(host)) that \(problem)"
        }
        if let stray = tail.utf8.first(where: { forbiddenInURL.contains($0) }) {
            return "contains \(DigitText.quoted(String(UnicodeScalar(stray)))), which must be percent-encoded"
        }
        var utf8 = tail.utf8[...]
        while let percent = utf8.firstIndex(of: 0x25) {
            let digits = utf8[utf8.index(after: percent)...].prefix(2)
            guard digits.count == 2, digits.allSatisfy({ Character(UnicodeScalar($0)).isHexDigit }) else {
                return "has a % that is not followed by two hexadecimal digits"
            }
            utf8 = utf8[utf8.index(after: percent)...]
        }
        return nil
    }

    static func portComplaint(_ port: Substring) -> String? {
        guard !port.isEmpty, port.utf8.count <= 5, port.utf8.allSatisfy(DigitText.isDigit),
              let number = Int(port), (1...65535).contains(number)
        else { return "has a port that is not a number from 1 to 65535" }
        return nil
    }

    static func isIPv4(_ host: Substring) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.utf8.count) && part.utf8.allSatisfy(DigitText.isDigit) && Int(part).map { $0 <= 255 } == true
        }
    }
}
