/// A scalar's value where a schema places it, as validation carries it: every string a scalar
/// means is its own text, so a string is only named here and read from the document when
/// needed (a flat document then builds no `String` for most of its strings).
enum ScalarValue {
    /// A string: the scalar's text.
    case text
    /// A value of another type (null, a boolean, a number).
    case value(JSONValue)

    init(_ value: JSONValue) {
        if case .string = value { self = .text } else { self = .value(value) }
    }

    /// The value's type.
    var types: SchemaTypes {
        switch self {
        case .text: .string
        case .value(let value): SchemaTypes(of: value)
        }
    }
}
