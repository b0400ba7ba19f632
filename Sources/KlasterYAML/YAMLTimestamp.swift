public import Foundation

/// Dates in YAML text: `YYYY-MM-DD` (midnight UTC) and RFC 3339 date-times, read and written
/// without formatters, exactly to the `Date`'s last bit.
public enum YAMLTimestamp {
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceOffset = 978_307_200

    /// Parses `2013-01-15`, `2013-01-15T10:20:30Z`, `2013-01-15 10:20:30.25+02:00`; `nil` for
    /// anything else, including impossible dates (`2013-02-30`).
    public static func parse(_ text: String) -> Date? {
        PlainScalar.withBytes(text) { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        var c = PlainScalar.Cursor(b)
        guard let year = number(&c, digits: 4), c.take(UInt8(ascii: "-")), let month = number(&c, digits: 2),
            c.take(UInt8(ascii: "-")), let day = number(&c, digits: 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        if c.atEnd { return date(seconds: days * 86_400, fraction: 0) }
        guard c.take(UInt8(ascii: "T")) || c.take(UInt8(ascii: "t")) || c.take(UInt8(ascii: " ")),
            let hour = number(&c, digits: 2), c.take(UInt8(ascii: ":")), let minute = number(&c, digits: 2),
            c.take(UInt8(ascii: ":")), let second = number(&c, digits: 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var fraction = 0.0
        if c.take(UInt8(ascii: ".")) {
            let start = c.index
            guard c.count(PlainScalar.isDigit) > 0 else { return nil }
            let digits = UnsafeBufferPointer(rebasing: b[(start - 1)..<c.index])
            guard let value = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
            fraction = value
        }
        var offset = 0
        if c.take(UInt8(ascii: "Z")) || c.take(UInt8(ascii: "z")) {
        } else if let sign = c.current, PlainScalar.isSign(sign) {
            c.index += 1
            guard let oh = number(&c, digits: 2), c.take(UInt8(ascii: ":")), let om = number(&c, digits: 2), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        guard c.atEnd else { return nil }
        return date(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset, fraction: fraction)
    }

    /// `2013-01-15T10:20:30Z`, with as many fractional digits as it takes to read back the same
    /// `Date`; `nil` outside the years 0000-9999.
    public static func format(_ date: Date) -> String? {
        let reference = date.timeIntervalSinceReferenceDate
        guard reference.isFinite else { return nil }
        let whole = reference.rounded(.down)
        guard abs(whole) < 1e12 else { return nil }
        let fraction = reference - whole
        let seconds = Int(whole) + referenceOffset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        guard (0...9999).contains(year) else { return nil }
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        out += "T" + pad(inDay / 3600, 2) + ":" + pad(inDay / 60 % 60, 2) + ":" + pad(inDay % 60, 2)
        if fraction > 0 { out += fractionDigits(fraction, whole: whole, reference: reference) }
        return out + "Z"
    }

    /// `.123`: the fewest digits whose value added to `whole` gives back `reference`.
    private static func fractionDigits(_ fraction: Double, whole: Double, reference: Double) -> String {
        var scale = 1.0
        for digits in 1...17 {
            scale *= 10
            let scaled = (fraction * scale).rounded()
            guard scaled < scale else { continue }
            let text = "." + pad(Int(scaled), digits)
            if let value = Double("0" + text), whole + value == reference {
                var trimmed = Substring(text)
                while trimmed.count > 2 && trimmed.last == "0" { trimmed = trimmed.dropLast() }
                return String(trimmed)
            }
        }
        return "." + pad(Int((fraction * 1e9).rounded(.down)), 9)
    }

    private static func date(seconds: Int, fraction: Double) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset) + fraction)
    }

    private static func number(_ c: inout PlainScalar.Cursor, digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let d = c.current, PlainScalar.isDigit(d) else { return nil }
            value = value * 10 + Int(d - 0x30)
            c.index += 1
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
