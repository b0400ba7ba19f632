/// A value a template shows or walks: typed, so that looking a name up costs a `switch`, not a
/// chain of dynamic casts.
///
/// - `{{name}}` shows text and numbers (escaped), `true`/`false` for a Boolean, and nothing for
///   `null`, a list or an object.
/// - `{{#name}}` skips `nil` (a missing key), `null`, `false` and an empty list; renders once
///   for `true` (the context stays as it is); renders once per item of a list, with the item
///   pushed on the context stack; and renders once with any other value pushed (an object, a
///   text, a number: as swift-mustache does, an empty text is not false).
/// - `{{^name}}` renders only for what `{{#name}}` skips.
public enum TemplateValue {
    case text(String)
    /// Text that is already UTF-8 bytes (a page rendered before, shown with `{{{content}}}`).
    case bytes([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(any TemplateObject)
    case null

    /// Whether `{{#name}}` skips the value (and `{{^name}}` renders).
    @inlinable
    public var isFalsy: Bool {
        switch self {
        case .null, .bool(false): true
        case .list(let items): items.isEmpty
        default: false
        }
    }
}

/// Something a template looks names up in: it answers a key with a value, or `nil` when it
/// has no such key (then the lookup goes on to the enclosing contexts).
///
/// Objects are classes, so that a ``TemplateValue`` is copied (onto the context stack, out of
/// a lookup) by a retain, not by copying a boxed value.
public protocol TemplateObject: AnyObject {
    func value(_ key: String) -> TemplateValue?
}

/// An object made of a dictionary: for contexts built once per page, not once per record.
public final class TemplateDictionary: TemplateObject {
    public let values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue]) {
        self.values = values
    }

    public func value(_ key: String) -> TemplateValue? { values[key] }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateDictionary(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}

extension TemplateValue {
    /// A list of objects.
    @inlinable
    public static func objects(_ items: some Sequence<some TemplateObject>) -> TemplateValue {
        .list(items.map { .object($0) })
    }

    /// A list of texts.
    @inlinable
    public static func texts(_ items: some Sequence<String>) -> TemplateValue {
        .list(items.map { .text($0) })
    }
}
