/// YAML 1.1's implicit types, matched the way PyYAML's resolver matches them.
extension PlainScalar {
    /// ``yaml11Reading(_:)`` of a plain scalar's UTF-8 bytes.
    public static func yaml11Reading(bytes b: UnsafeBufferPointer<UInt8>) -> Reading? {
        // Every form below starts with one of these bytes (or is empty): most text is out at once.
        if let first = b.first {
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "y"), UInt8(ascii: "Y"),
                UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "t"),
                UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                break
            default: return nil
            }
        }
        if isCoreNull(b) { return .null }
        if isBool11(b) { return .bool }
        if isInt11(b) { return .int }
        if isFloat11(b) { return .float }
        if isTimestamp11(b) { return .timestamp }
        if equals(b, "<<") { return .merge }
        if equals(b, "=") { return .value }
        return nil
    }

    private static func isBool11(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 1:
            return equals(b, "y") || equals(b, "Y") || equals(b, "n") || equals(b, "N")
        case 2:
            return equals(b, "no") || equals(b, "No") || equals(b, "NO") || equals(b, "on") || equals(b, "On")
                || equals(b, "ON")
        case 3:
            return equals(b, "yes") || equals(b, "Yes") || equals(b, "YES") || equals(b, "off") || equals(b, "Off")
                || equals(b, "OFF")
        default:
            return isCoreBool(b) != nil
        }
    }

    private static func isBinary(_ c: UInt8) -> Bool { c == 0x30 || c == 0x31 || c == 0x5F }
    private static func isOctalOrUnderscore(_ c: UInt8) -> Bool { isOctal(c) || c == 0x5F }
    private static func isHexOrUnderscore(_ c: UInt8) -> Bool { isHex(c) || c == 0x5F }
    private static func isDigitOrUnderscore(_ c: UInt8) -> Bool { isDigit(c) || c == 0x5F }

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ |
    /// [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
    private static func isInt11(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var c = Cursor(b)
        c.skipSign()
        guard let first = c.current, isDigit(first) else { return false }
        let rest = UnsafeBufferPointer(rebasing: b[c.index...])
        if first == UInt8(ascii: "0") {
            if rest.count == 1 { return true }
            if rest[1] == UInt8(ascii: "b") { return rest.count > 2 && rest[2...].allSatisfy(isBinary) }
            if rest[1] == UInt8(ascii: "x") { return rest.count > 2 && rest[2...].allSatisfy(isHexOrUnderscore) }
            return rest[1...].allSatisfy(isOctalOrUnderscore)
        }
        _ = c.count(isDigitOrUnderscore)
        if c.atEnd { return true }
        return sexagesimalGroups(&c) && c.atEnd
    }

    /// One or more `:[0-5]?[0-9]` groups; true when at least one was read.
    private static func sexagesimalGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.take(UInt8(ascii: ":")) {
            guard let d0 = c.current, isDigit(d0) else { return false }
            c.index += 1
            if d0 <= UInt8(ascii: "5"), let d1 = c.current, isDigit(d1) { c.index += 1 }
            groups += 1
        }
        return groups > 0
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)? |
    /// [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`.
    private static func isFloat11(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if isNaN(b) || isInfinity(b) { return true }
        var c = Cursor(b)
        if c.take(UInt8(ascii: ".")) {
            guard c.take(where: isDigit) else { return false }
            _ = c.count(isDigitOrUnderscore)
            return exponent11(&c) && c.atEnd
        }
        c.skipSign()
        guard c.take(where: isDigit) else { return false }
        _ = c.count(isDigitOrUnderscore)
        if c.current == UInt8(ascii: ":") {
            guard sexagesimalGroups(&c), c.take(UInt8(ascii: ".")) else { return false }
            _ = c.count(isDigitOrUnderscore)
            return c.atEnd
        }
        guard c.take(UInt8(ascii: ".")) else { return false }
        _ = c.count(isDigitOrUnderscore)
        return exponent11(&c) && c.atEnd
    }

    /// An optional `[eE][-+][0-9]+` (1.1 requires the sign); false when one starts but is malformed.
    private static func exponent11(_ c: inout Cursor) -> Bool {
        guard c.take(UInt8(ascii: "e")) || c.take(UInt8(ascii: "E")) else { return true }
        guard let sign = c.current, isSign(sign) else { return false }
        c.index += 1
        return c.count(isDigit) > 0
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` followed by `T` or blanks, a time `h:mm:ss(.f)?`, and an
    /// optional zone `Z` or `±h(:mm)?` after optional blanks.
    private static func isTimestamp11(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var c = Cursor(b)
        guard c.count(isDigit) == 4, c.take(UInt8(ascii: "-")) else { return false }
        let month = c.count(isDigit)
        guard month == 1 || month == 2, c.take(UInt8(ascii: "-")) else { return false }
        let day = c.count(isDigit)
        guard day == 1 || day == 2 else { return false }
        if c.atEnd { return month == 2 && day == 2 }
        if !(c.take(UInt8(ascii: "T")) || c.take(UInt8(ascii: "t"))) {
            guard c.count(isBlank) > 0 else { return false }
        }
        let hour = c.count(isDigit)
        guard hour == 1 || hour == 2, c.take(UInt8(ascii: ":")), c.count(isDigit) == 2,
            c.take(UInt8(ascii: ":")), c.count(isDigit) == 2
        else { return false }
        if c.take(UInt8(ascii: ".")) { _ = c.count(isDigit) }
        if c.atEnd { return true }
        _ = c.count(isBlank)
        if c.take(UInt8(ascii: "Z")) { return c.atEnd }
        guard let sign = c.current, isSign(sign) else { return false }
        c.index += 1
        let zoneHour = c.count(isDigit)
        guard zoneHour == 1 || zoneHour == 2 else { return false }
        if c.take(UInt8(ascii: ":")) {
            guard c.count(isDigit) == 2 else { return false }
        }
        return c.atEnd
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
}
