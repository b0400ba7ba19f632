extension ContactForm {
    /// ASCII characters an address must percent-encode: `"` `<` `>` `\` `^` `` ` `` `{` `|` `}`.
    static func isForbiddenInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: true
        default: false
        }
    }

    /// Checks a web address: absolute, `http://` or `https://` in lower case, a host that is a
    /// domain name with a dot, an IPv4 address or a bracketed IPv6 address, an optional port, and
    /// no spaces, control characters or characters that must be percent-encoded.
    ///
    /// A user name or password in the address is rejected. An address without a scheme
    /// (`www.klasterip.pl`) gets a format problem suggesting `http://` in front.
    public static func checkURL(_ value: String) -> IdentifierProblem? {
        if isPlainGoodURL(value) { return nil }
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
        if let bad = value.unicodeScalars.first(where: DigitText.isSpaceOrControl) {
            return bad.value == 0x20 || bad.properties.isWhitespace ? "contains a space (write it as %20)" : "contains a control character"
        }
        let rest: Substring
        if value.utf8.starts(with: "https://".utf8) {
            rest = value.dropFirst(8)
        } else if value.utf8.starts(with: "http://".utf8) {
            rest = value.dropFirst(7)
        } else {
            return value.contains("://") || value.lowercased().hasPrefix("mailto:")
                ? "does not start with http:// or https://" : "has no http:// or https:// at the start"
        }
        let authorityEnd = rest.utf8.firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        if authority.isEmpty { return "has no host name after the scheme" }
        if authority.utf8.contains(0x40) { return "contains a user name or password before the host" }
        var host = authority
        if authority.utf8.first == 0x5B, let close = authority.utf8.lastIndex(of: 0x5D) {
            let inside = authority[authority.utf8.index(after: authority.startIndex)..<close]
            if inside.isEmpty || !inside.utf8.contains(0x3A)
                || !inside.utf8.allSatisfy({ isHexDigit($0) || $0 == 0x3A || $0 == 0x2E })
            {
                return "has an IPv6 host that is not valid"
            }
            host = authority[...close]
            let after = authority[authority.utf8.index(after: close)...]
            if !after.isEmpty {
                guard after.utf8.first == 0x3A else { return "has characters after the IPv6 host" }
                if let problem = portComplaint(after.dropFirst()) { return problem }
            }
        } else if let colon = authority.utf8.lastIndex(of: 0x3A) {
            host = authority[..<colon]
            if let problem = portComplaint(authority[authority.utf8.index(after: colon)...]) { return problem }
        }
        if host.utf8.first != 0x5B, !isIPv4(host), let problem = domainComplaint(host) {
            return "has a host \(DigitText.shown(host)) that \(problem)"
        }
        if let stray = tail.utf8.first(where: isForbiddenInURL) {
            return "contains \(DigitText.quoted(String(UnicodeScalar(stray)))), which must be percent-encoded"
        }
        var bytes = tail.utf8[...]
        while let percent = bytes.firstIndex(of: 0x25) {
            let digits = bytes[bytes.index(after: percent)...].prefix(2)
            guard digits.count == 2, digits.allSatisfy(isHexDigit) else {
                return "has a % that is not followed by two hexadecimal digits"
            }
            bytes = bytes[bytes.index(after: percent)...]
        }
        return nil
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        DigitText.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    static func portComplaint(_ port: Substring) -> String? {
        guard !port.isEmpty, port.utf8.count <= 5, port.utf8.allSatisfy(DigitText.isDigit),
              let number = Int(port), (1...65535).contains(number)
        else { return "has a port that is not a number from 1 to 65535" }
        return nil
    }

    static func isIPv4(_ host: Substring) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        for byte in host.utf8 {
            if byte == 0x2E {
                guard digits > 0 else { return false }
                parts += 1
                (value, digits) = (0, 0)
            } else if DigitText.isDigit(byte) {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                if digits > 3 || value > 255 { return false }
            } else {
                return false
            }
        }
        return parts == 3 && digits > 0
    }
}
