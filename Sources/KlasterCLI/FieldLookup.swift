import KlasterValidation
import KlasterYAML

/// Finding fields by dotted path in records, where a path through a list reaches every element.
enum FieldLookup {
    /// The texts of the scalars at `path`, fanning out through sequences.
    static func scalars(at path: ArraySlice<YAMLPath.Component>, in node: YAMLNode) -> [String] {
        guard let first = path.first else {
            switch node {
            case .scalar(let s): return [s.value]
            case .sequence(let seq): return seq.items.compactMap { $0.scalar?.value }
            case .mapping: return []
            }
        }
        switch (first, node) {
        case (.key(let key), .mapping(let map)):
            guard let child = map[key] else { return [] }
            return scalars(at: path.dropFirst(), in: child)
        case (.key, .sequence(let seq)):
            return seq.items.flatMap { scalars(at: path, in: $0) }
        case (.index(let i), .sequence(let seq)):
            return i < seq.items.count ? scalars(at: path.dropFirst(), in: seq.items[i]) : []
        case (.match(let field, let value), .sequence(let seq)):
            return seq.items.filter { $0.mapping?[field]?.scalar?.value == value }.flatMap { scalars(at: path.dropFirst(), in: $0) }
        default:
            return []
        }
    }

    /// The typed value at `path` (`null` when absent); through a list, the array of what each
    /// element has there.
    static func value(at path: YAMLPath, in value: JSONValue) -> JSONValue {
        var current = [value]
        var fannedOut = false
        for component in path.components {
            var next: [JSONValue] = []
            for v in current {
                switch (component, v) {
                case (.key(let key), .object(let object)):
                    if let child = object[key] { next.append(child) }
                case (.key(let key), .array(let items)):
                    fannedOut = true
                    for item in items { if let child = item.objectValue?[key] { next.append(child) } }
                case (.index(let i), .array(let items)):
                    if i < items.count { next.append(items[i]) }
                case (.match(let field, let text), .array(let items)):
                    next += items.filter { $0.objectValue?[field]?.stringValue == text }
                default:
                    break
                }
            }
            current = next
        }
        if fannedOut { return .array(current) }
        return current.first ?? .null
    }

    /// A value as one cell of text: scalars as written, lists joined with ", ", a language map
    /// by its first language, other objects as compact JSON.
    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .array(let items): return items.map(display).joined(separator: ", ")
        case .object(let object):
            let languages = ["pl", "en", "de", "fr", "ru", "sv", "da"]
            if object.count > 0, object.keys.allSatisfy({ languages.contains($0) }) {
                for language in languages { if let text = object[language] { return display(text) } }
            }
            return value.jsonText()
        default: return value.jsonText()
        }
    }
}
