/// The `format` values Klaster asserts, each checked as Python's `jsonschema` 4.26 checks it with
/// its format checker (and `rfc3339-validator`, `rfc3987` installed). Other formats are
/// annotations and pass.
public enum SchemaFormat: String, Hashable, Sendable, CaseIterable {
    /// RFC 3339 full-date, `YYYY-MM-DD`, a real day (leap years counted), year 0001 to 9999.
    case date
    /// RFC 3339 date-time: `T` (or `t`), seconds required, fraction optional, `Z` (or `z`) or an
    /// offset `±hh:mm` required; no leap second; year 0000 refused. As with the Python checker,
    /// one trailing line feed is tolerated.
    case dateTime = "date-time"
    /// Anything with an `@` in it (what `jsonschema` checks; deliverability is not).
    case email
    /// An absolute URI by RFC 3986 (`scheme:` then the rest), ASCII only, percent escapes
    /// well-formed; as with `rfc3987`, one trailing line feed is tolerated.
    case uri

    /// True when `text` is in the format.
    public func check(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { check(bytes: $0) }
    }

    /// ``check(_:)`` of UTF-8 text.
    func check(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .date: Self.isDate(bytes[...])
        case .dateTime: Self.isDateTime(bytes)
        case .email: bytes.contains(UInt8(ascii: "@"))
        case .uri: URIChecker.isURI(Self.droppingFinalLineFeed(bytes))
        }
    }

    /// How the format reads to a person, for messages: `a date (YYYY-MM-DD)`.
    var phrase: String {
        switch self {
        case .date: "a date (YYYY-MM-DD)"
        case .dateTime: "a date and time (YYYY-MM-DDThh:mm:ss with Z or an offset like +01:00)"
        case .email: "an email address"
        case .uri: "a full URI (like https://example.org/page)"
        }
    }

    private static func droppingFinalLineFeed(_ b: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        if let last = b.last, last == 0x0A { return b[..<(b.count - 1)] }
        return b[...]
    }

    private static func digits(_ b: Slice<UnsafeBufferPointer<UInt8>>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        for i in at..<(at + count) {
            let c = b[b.startIndex + i]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` exactly (10 bytes), a real day; year 0 refused.
    private static func isDate(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard b.count == 10 else { return false }
        return checkDate(b)
    }

    private static func checkDate(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard b[b.startIndex + 4] == UInt8(ascii: "-"), b[b.startIndex + 7] == UInt8(ascii: "-"),
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2)
        else { return false }
        guard year >= 1, (1...12).contains(month) else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    private static func isDateTime(_ all: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = droppingFinalLineFeed(all)
        // date (10) + T + hh:mm:ss (8) + zone (1 or 6), fraction optional.
        guard b.count >= 20, checkDate(b[b.startIndex..<(b.startIndex + 10)]) else { return false }
        func at(_ i: Int) -> UInt8 { b[b.startIndex + i] }
        guard at(10) == UInt8(ascii: "T") || at(10) == UInt8(ascii: "t"),
            at(13) == UInt8(ascii: ":"), at(16) == UInt8(ascii: ":"),
            let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2),
            hour <= 23, minute <= 59, second <= 59
        else { return false }
        var i = 19
        if at(i) == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, digits(b, i, 1) != nil { i += 1 }
            guard i > start else { return false }
        }
        guard i < b.count else { return false }
        let zone = at(i)
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") { return i + 1 == b.count }
        guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-"), i + 6 == b.count, at(i + 3) == UInt8(ascii: ":"),
            let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2)
        else { return false }
        return oh <= 23 && om <= 59
    }
}
