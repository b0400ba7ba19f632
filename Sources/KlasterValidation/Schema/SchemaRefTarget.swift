public import KlasterModel

/// What an `x-ref` says a string field holds (schemas/README.md, "Extensions").
public enum SchemaRefTarget: Hashable, Sendable, CustomStringConvertible {
    /// `x-ref: <kind>`: the bare id of a record of that kind (`coordinator: okip`).
    case kind(String)
    /// `x-ref: [<kind>, ...]`: a mixed reference `kind:id`, kind in the singular
    /// (`cluster:okip`), restricted to the listed kinds.
    case mixed([String])
    /// `x-ref: any`: a mixed reference `kind:id` to a record of any kind.
    case any

    /// Reads an `x-ref` value; `nil` when it has none of the three shapes.
    init?(_ value: JSONValue) {
        switch value {
        case .string("any"): self = .any
        case .string(let kind) where !kind.isEmpty: self = .kind(kind)
        case .array(let items) where !items.isEmpty:
            let kinds = items.compactMap(\.stringValue)
            guard kinds.count == items.count else { return nil }
            self = .mixed(kinds)
        default: return nil
        }
    }

    /// The record a reference written `value` points at: kind and id. `nil` when the value does
    /// not have the form the target asks (`cluster:okip` for a mixed reference), names an
    /// unknown kind, or a kind the target does not allow.
    public func resolve(_ value: String) -> (kind: RecordKind, id: String)? {
        switch self {
        case .kind(let name):
            return RecordKind(name: name).map { ($0, value) }
        case .mixed, .any:
            // ASCII text (every valid reference) is searched by bytes; other text by characters,
            // where a combining mark after a `:` makes it another character.
            var text = value
            let isASCII = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
            guard let colon = isASCII ? value.utf8.firstIndex(of: UInt8(ascii: ":")) : value.firstIndex(of: ":") else { return nil }
            guard let kind = RecordKind(name: String(value[..<colon])) else { return nil }
            if case .mixed(let allowed) = self, !allowed.contains(where: { RecordKind(name: $0) == kind }) { return nil }
            return (kind, String(value[value.index(after: colon)...]))
        }
    }

    public var description: String {
        switch self {
        case .kind(let kind): kind
        case .mixed(let kinds): "[" + kinds.joined(separator: ", ") + "]"
        case .any: "any"
        }
    }
}
