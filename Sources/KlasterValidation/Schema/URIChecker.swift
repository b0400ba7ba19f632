/// RFC 3986's `URI` rule (Appendix A), decided on bytes: the language that `rfc3987`'s
/// `parse(s, rule="URI")` accepts.
///
/// `scheme ":" hier-part ["?" query] ["#" fragment]`; the hier-part is `//authority` then a path,
/// or a path. Only ASCII is allowed; `%` must start a two-digit hex escape; an IP literal is a
/// full IPv6 address or `v<hex>.<chars>` in brackets.
enum URIChecker {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isURI(_ b: Bytes) -> Bool {
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")), isScheme(b[b.startIndex..<colon]) else { return false }
        var rest = b[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isChars(rest[(hash + 1)...], allowing: pcharExtra + "/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isChars(rest[(question + 1)...], allowing: pcharExtra + "/?") else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let slash = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            return isAuthority(afterSlashes[..<slash]) && isChars(afterSlashes[slash...], allowing: pcharExtra + "/")
        }
        return isChars(rest, allowing: pcharExtra + "/")
    }

    private static let subDelims = "!$&'()*+,;="
    private static let pcharExtra = subDelims + ":@"

    private static func isAlpha(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }

    private static func isUnreserved(_ c: UInt8) -> Bool {
        isAlpha(c) || isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
            || c == UInt8(ascii: "~")
    }

    private static func isScheme(_ b: Bytes) -> Bool {
        guard let first = b.first, isAlpha(first) else { return false }
        return b.dropFirst().allSatisfy {
            isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// Unreserved characters, well-formed `%XX` escapes, and the ASCII characters in `extra`.
    private static func isChars(_ b: Bytes, allowing extra: String) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < b.endIndex, isHex(b[i + 1]), isHex(b[i + 2]) else { return false }
                i += 3
                continue
            }
            guard isUnreserved(c) || extra.utf8.contains(c) else { return false }
            i += 1
        }
        return true
    }

    /// `[userinfo "@"] host [":" port]`.
    private static func isAuthority(_ b: Bytes) -> Bool {
        var hostPort = b
        if let at = b.firstIndex(of: UInt8(ascii: "@")) {
            guard isChars(b[b.startIndex..<at], allowing: subDelims + ":") else { return false }
            hostPort = b[(at + 1)...]
        }
        var portPart: Bytes
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")),
                isIPLiteral(hostPort[(hostPort.startIndex + 1)..<close])
            else { return false }
            portPart = hostPort[(close + 1)...]
        } else {
            let colon = hostPort.firstIndex(of: UInt8(ascii: ":")) ?? hostPort.endIndex
            guard isChars(hostPort[..<colon], allowing: subDelims) else { return false }
            portPart = hostPort[colon...]
        }
        if portPart.isEmpty { return true }
        guard portPart.first == UInt8(ascii: ":") else { return false }
        return portPart.dropFirst().allSatisfy(isDigit)
    }

    private static func isIPLiteral(_ b: Bytes) -> Bool {
        if b.first == UInt8(ascii: "v") {
            let body = b.dropFirst()
            guard let dot = body.firstIndex(of: UInt8(ascii: ".")), dot > body.startIndex,
                body[..<dot].allSatisfy(isHex)
            else { return false }
            let tail = body[(dot + 1)...]
            return !tail.isEmpty && tail.allSatisfy { isUnreserved($0) || subDelims.utf8.contains($0) || $0 == UInt8(ascii: ":") }
        }
        return isIPv6(b)
    }

    private static func isH16(_ b: Bytes) -> Bool { (1...4).contains(b.count) && b.allSatisfy(isHex) }

    static func isIPv4(_ b: Bytes) -> Bool {
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy(isDigit) else { return false }
            return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } <= 255
        }
    }

    /// Counts 16-bit pieces of `h16 (":" h16)*`, the last of which may be an IPv4 address (two).
    private static func pieces(_ b: Bytes, allowIPv4: Bool) -> Int? {
        if b.isEmpty { return 0 }
        let parts = b.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var count = 0
        for (i, part) in parts.enumerated() {
            if i == parts.count - 1, allowIPv4, part.contains(UInt8(ascii: ".")) {
                guard isIPv4(part) else { return nil }
                count += 2
            } else {
                guard isH16(part) else { return nil }
                count += 1
            }
        }
        return count
    }

    private static func isIPv6(_ b: Bytes) -> Bool {
        let colonColon = b.indices.first { $0 + 1 < b.endIndex && b[$0] == UInt8(ascii: ":") && b[$0 + 1] == UInt8(ascii: ":") }
        guard let cc = colonColon else { return pieces(b, allowIPv4: true) == 8 }
        guard let left = pieces(b[b.startIndex..<cc], allowIPv4: false),
            let right = pieces(b[(cc + 2)...], allowIPv4: true)
        else { return false }
        return left + right <= 7
    }
}
