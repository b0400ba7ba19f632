public import KlasterModel
public import KlasterYAML

/// One way a record breaks its schema: where (path and source mark), which keyword, and a
/// message for a person.
///
/// `path` is the JSON Schema instance location, as a standard validator reports it: the value
/// that broke the rule, or for `required` and `additionalProperties` the mapping that holds (or
/// misses) the field. `mark` is where to look in the file: the value; for a missing field the
/// start of its mapping; for an unknown field its key; for `uniqueItems` the repeated item.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    public var path: YAMLPath
    public var mark: Mark
    /// The rule id: the schema keyword that failed (`required`, `format`, `type`, `oneOf`).
    public var keyword: String
    public var message: String
    /// Where the failing keyword is in the schema, as a JSON Pointer (`/properties/founded/format`).
    public var schemaLocation: String
    /// For `anyOf`/`oneOf` with no matching branch: the problems of the branch that came closest.
    public var causes: [SchemaViolation]

    public init(
        path: YAMLPath,
        mark: Mark,
        keyword: String,
        message: String,
        schemaLocation: String = "",
        causes: [SchemaViolation] = []
    ) {
        self.path = path
        self.mark = mark
        self.keyword = keyword
        self.message = message
        self.schemaLocation = schemaLocation
        self.causes = causes
    }

    /// The instance location as an RFC 6901 JSON Pointer (`/memberships/2/since`).
    public var pointer: String { path.jsonPointer }

    public var description: String { "\(mark): \(message) [\(keyword)]" }

    /// The violation as a diagnostic for `file` (relative to the store root), severity error.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(
            file: file,
            line: mark.line,
            column: mark.column,
            severity: .error,
            rule: keyword,
            message: message,
            path: pointer
        )
    }

    /// What makes two findings the same for a reader (the schema they came from does not).
    struct Identity: Hashable {
        var pointer: String
        var offset: Int
        var keyword: String
        var message: String
    }

    var identity: Identity { Identity(pointer: pointer, offset: mark.offset, keyword: keyword, message: message) }

    /// `violations` without repeats, in document order (stable for equal marks).
    static func ordered(_ violations: [SchemaViolation]) -> [SchemaViolation] {
        if violations.count < 2 { return violations }
        var seen: Set<Identity> = []
        let unique = violations.filter { seen.insert($0.identity).inserted }
        return unique.enumerated().sorted { a, b in
            a.element.mark.offset != b.element.mark.offset ? a.element.mark.offset < b.element.mark.offset : a.offset < b.offset
        }.map(\.element)
    }
}
