/// A publication moment as sources give it: a date (`2015-06-24`) or a date-time
/// (`2013-07-04T14:32:00+02:00`).
///
/// Encodes and decodes as the string in the form it has; other text throws a `DecodingError`.
public enum DateOrDateTime: Hashable, Sendable, CustomStringConvertible {
    case date(LocalDate)
    case dateTime(DateTime)

    /// Parses either form; `nil` for anything else.
    public init?(_ text: String) {
        if let date = LocalDate(text) {
            self = .date(date)
        } else if let dateTime = DateTime(text) {
            self = .dateTime(dateTime)
        } else {
            return nil
        }
    }

    /// The calendar date, local to the writer's offset.
    public var date: LocalDate {
        switch self {
        case .date(let date): date
        case .dateTime(let dateTime): dateTime.date
        }
    }

    public var description: String {
        switch self {
        case .date(let date): date.description
        case .dateTime(let dateTime): dateTime.text
        }
    }
}

extension DateOrDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateOrDateTime(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
