/// A moment written as an RFC 3339 date-time with an explicit offset:
/// `2013-07-04T14:32:00+02:00`, `2015-06-24T08:00:00.5Z`.
///
/// Keeps the text exactly as written (so a record round-trips byte for byte) and exposes its
/// parts. Upper-case `T` and `Z`, seconds required, as the schemas' pattern says. Decoding any
/// other text throws a `DecodingError`.
public struct DateTime: Hashable, Sendable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// The local calendar date.
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    /// 0 to 60 (RFC 3339 allows a leap second).
    public let second: Int
    /// Offset from UTC in minutes (`+02:00` is 120, `Z` is 0).
    public let offsetMinutes: Int

    /// Parses an RFC 3339 date-time; `nil` for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let date = LocalDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = LocalDate.number(bytes[11..<13]), hour < 24,
            let minute = LocalDate.number(bytes[14..<16]), minute < 60,
            let second = LocalDate.number(bytes[17..<19]), second <= 60
        else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, LocalDate.number(bytes[index..<index + 1]) != nil { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = LocalDate.number(bytes[index + 1..<index + 3]), hours < 24,
                let minutes = LocalDate.number(bytes[index + 4..<index + 6]), minutes < 60
            else { return nil }
            offset = (bytes[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
        }
        self.text = text
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offset
    }

    public var description: String { text }
}

extension DateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateTime(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss+hh:mm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
