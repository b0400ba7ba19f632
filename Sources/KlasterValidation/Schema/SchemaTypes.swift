/// A set of JSON Schema instance types (`type: [string, "null"]`).
///
/// `integer` is a subset of `number`: a set that holds `number` also holds `integer`, so that
/// intersections come out right (`number` and `integer` together allow `integer`).
public struct SchemaTypes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = SchemaTypes(rawValue: 1 << 0)
    public static let boolean = SchemaTypes(rawValue: 1 << 1)
    public static let integer = SchemaTypes(rawValue: 1 << 2)
    public static let number = SchemaTypes(rawValue: 1 << 3)
    public static let string = SchemaTypes(rawValue: 1 << 4)
    public static let array = SchemaTypes(rawValue: 1 << 5)
    public static let object = SchemaTypes(rawValue: 1 << 6)

    public static let all: SchemaTypes = [.null, .boolean, .integer, .number, .string, .array, .object]

    static let ordered: [(SchemaTypes, String)] = [
        (.string, "string"), (.integer, "integer"), (.number, "number"), (.boolean, "boolean"),
        (.null, "null"), (.array, "array"), (.object, "object"),
    ]

    /// The type named `name` in a schema, or `nil` for an unknown name.
    public init?(name: String) {
        guard let match = Self.ordered.first(where: { $0.1 == name }) else { return nil }
        self = match.0 == .number ? [.number, .integer] : match.0
    }

    /// The set of the value's own type (`integer` also counts as `number`).
    public init(of value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool: self = .boolean
        case .number(let n): self = n.isInteger ? [.integer, .number] : .number
        case .string: self = .string
        case .array: self = .array
        case .object: self = .object
        }
    }

    /// True when a value of `value`'s type is allowed.
    public func admits(_ value: JSONValue) -> Bool {
        !isDisjoint(with: SchemaTypes(of: value))
    }

    /// True when an integer is allowed (`integer` or `number`).
    var admitsInteger: Bool { !isDisjoint(with: [.integer, .number]) }

    public var names: [String] {
        Self.ordered.filter { contains($0.0) && !($0.0 == .integer && contains(.number)) }.map(\.1)
    }

    public var description: String { names.joined(separator: ", ") }

    /// The types in words a non-programmer reads: `text`, `a whole number`, `true or false`.
    var phrase: String {
        var words: [String] = []
        if contains(.string) { words.append("text") }
        if contains(.number) {
            words.append("a number")
        } else if contains(.integer) {
            words.append("a whole number")
        }
        if contains(.boolean) { words.append("true or false") }
        if contains(.array) { words.append("a list") }
        if contains(.object) { words.append("a mapping of fields") }
        if contains(.null) { words.append("empty") }
        switch words.count {
        case 0: return "nothing"
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
        }
    }
}
