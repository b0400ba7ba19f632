import KlasterYAML

/// One validation run over a document (a tree or a flat one, see ``ValidatedDocument``): walks
/// its nodes and the compiled schema together, collecting violations with the path it is at.
///
/// Scalars are typed once per place (``SchemaLocation``) and that value (a ``ScalarValue``: a
/// string stays the document's text) is handed to every schema applied at the place (`$ref`,
/// `allOf`, `anyOf`, `oneOf` branches). As in the JSON Schema output format, a failed
/// `anyOf`/`oneOf` is one violation at its instance; the closest branch's problems are its
/// `causes`.
struct SchemaValidator<Document: ValidatedDocument> {
    typealias Node = Document.Node

    let document: Document
    let schema: JSONSchema
    let nodes: [SchemaNode]
    var stopAtFirst: Bool
    var violations: [SchemaViolation] = []
    var path: [YAMLPath.Component] = []
    /// How many schemas are being applied to the current place at once, through `$ref` and the
    /// combinators; a schema that refers to itself without moving into the instance
    /// (`{"$ref": "#"}`) stops at ``maxNesting`` instead of recursing forever.
    var nesting = 0
    static var maxNesting: Int { 200 }
    /// Set when the run also gathers the record's scalars (``JSONSchema/validate(_:gathering:)``).
    var gatherer: ScalarGatherer?

    init(_ document: Document, schema: JSONSchema, stopAtFirst: Bool = false) {
        self.document = document
        self.schema = schema
        self.nodes = schema.nodes
        self.stopAtFirst = stopAtFirst
        path.reserveCapacity(16)
    }

    private var done: Bool { stopAtFirst && !violations.isEmpty }

    mutating func report(
        _ keyword: String,
        _ message: String,
        at mark: Mark,
        schema s: Int,
        causes: [SchemaViolation] = []
    ) {
        let location = nodes[s].location + (keyword == "false" ? "" : "/" + keyword)
        violations.append(
            SchemaViolation(
                path: YAMLPath(path),
                mark: mark,
                keyword: keyword,
                message: message,
                schemaLocation: location,
                causes: causes
            )
        )
    }

    /// Applies schema node `s` to `node`, whose place is `location`; `value` is the typed value
    /// when `node` is a scalar.
    mutating func validate(_ node: Node, value: ScalarValue?, schema s: Int, location: SchemaLocation) {
        guard nesting < Self.maxNesting else { return }
        nesting += 1
        defer { nesting -= 1 }
        if let boolean = nodes[s].boolean {
            if !boolean { report("false", "\(label) is not allowed here", at: document.start(node), schema: s) }
            return
        }
        let kind = document.kind(node)
        if let types = nodes[s].types {
            let actual: SchemaTypes
            switch kind {
            case .scalar: actual = value?.types ?? .string
            case .sequence: actual = .array
            case .mapping: actual = .object
            }
            if types.isDisjoint(with: actual) {
                let shown = value.map { Self.show(document.jsonValue(node, $0)) } ?? (actual == .array ? "a list" : "a mapping of fields")
                report("type", "\(label) must be \(types.phrase), got \(shown)", at: document.start(node), schema: s)
                if done { return }
            }
        }
        if nodes[s].constValue != nil || nodes[s].enumValues != nil {
            checkValueKeywords(node: node, value: value, schema: s, location: location)
            if done { return }
        }
        switch kind {
        case .scalar:
            switch value {
            case .text?: checkString(node, schema: s)
            case .value(.number(let number))?: checkNumber(number, node: node, schema: s)
            default: break
            }
        case .sequence:
            checkSequence(node, schema: s, location: location)
        case .mapping:
            checkMapping(node, schema: s, location: location)
        }
        if done { return }
        if let ref = nodes[s].ref {
            validate(node, value: value, schema: ref, location: location)
        }
        for branch in nodes[s].allOf where !done {
            validate(node, value: value, schema: branch, location: location)
        }
        if !nodes[s].anyOf.isEmpty && !done { checkAnyOf(node: node, value: value, schema: s, location: location) }
        if !nodes[s].oneOf.isEmpty && !done { checkOneOf(node: node, value: value, schema: s, location: location) }
        if let not = nodes[s].not, !done {
            if trial(node, value: value, schema: not, location: location, stopAtFirst: true).isEmpty {
                report("not", "\(label) has a value that is not allowed here", at: document.start(node), schema: s)
            }
        }
    }

    /// Runs `s` on `node` on the side and returns what it found, leaving ``violations`` as it was.
    mutating func trial(
        _ node: Node,
        value: ScalarValue?,
        schema s: Int,
        location: SchemaLocation,
        stopAtFirst: Bool
    ) -> [SchemaViolation] {
        let saved = violations
        let savedStop = self.stopAtFirst
        violations = []
        self.stopAtFirst = stopAtFirst
        validate(node, value: value, schema: s, location: location)
        let found = violations
        violations = saved
        self.stopAtFirst = savedStop
        return found
    }

    private mutating func checkValueKeywords(
        node: Node,
        value: ScalarValue?,
        schema s: Int,
        location: SchemaLocation
    ) {
        // A collection's value is built once; a scalar's string is compared as bytes, as
        // ``JSONValue``'s `==` compares strings.
        let whole = value == nil ? schema.documentValue(document, node, at: location, inSchemaOrder: false) : nil
        func matches(_ expected: JSONValue) -> Bool {
            switch value {
            case .text?:
                guard case .string(let string) = expected else { return false }
                return document.withUTF8(node) { TextHash.equal(string, $0) }
            case .value(let actual)?: return actual == expected
            case nil: return whole == expected
            }
        }
        func actual() -> JSONValue { whole ?? value.map { document.jsonValue(node, $0) } ?? .null }
        if let expected = nodes[s].constValue, !matches(expected) {
            report("const", "\(label) must be \(Self.show(expected)), got \(Self.show(actual()))", at: document.start(node), schema: s)
        }
        if let allowed = nodes[s].enumValues, !allowed.contains(where: matches) {
            let list = allowed.map { Self.listed($0) }.joined(separator: ", ")
            report("enum", "\(label) must be one of: \(list); got \(Self.show(actual()))", at: document.start(node), schema: s)
        }
    }

    /// The checks of a string, the text of scalar `node`.
    private mutating func checkString(_ node: Node, schema s: Int) {
        let (minLength, maxLength) = (nodes[s].minLength, nodes[s].maxLength)
        if minLength != nil || maxLength != nil {
            // A string has between a quarter of its UTF-8 bytes and all of them in code points:
            // most strings pass both bounds on the byte count alone, without counting.
            let bytes = document.textCount(node)
            let surelyLongEnough = (minLength ?? 0) <= bytes / 4
            let surelyShortEnough = bytes <= (maxLength ?? Int.max)
            if surelyLongEnough && surelyShortEnough { return checkPatternAndFormat(node, schema: s) }
            // Code points: the bytes that do not continue one.
            let length = document.withUTF8(node) { text in text.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
            if let min = nodes[s].minLength, length < min {
                report(
                    "minLength",
                    "\(label) must be at least \(Self.count(min, "character")) long, got \(length)",
                    at: document.start(node),
                    schema: s
                )
            }
            if let max = nodes[s].maxLength, length > max {
                report(
                    "maxLength",
                    "\(label) must be at most \(Self.count(max, "character")) long, got \(length)",
                    at: document.start(node),
                    schema: s
                )
            }
        }
        checkPatternAndFormat(node, schema: s)
    }

    private mutating func checkPatternAndFormat(_ node: Node, schema s: Int) {
        if let pattern = nodes[s].pattern, !document.withUTF8(node, { pattern.matches(bytes: $0) }) {
            report(
                "pattern",
                "\(label) must match the pattern \(pattern.source), got \(Self.show(.string(document.text(node))))",
                at: document.start(node),
                schema: s
            )
        }
        if let format = nodes[s].format, !document.withUTF8(node, { format.check(bytes: $0) }) {
            report(
                "format",
                "\(label) must be \(format.phrase), got \(Self.show(.string(document.text(node))))",
                at: document.start(node),
                schema: s
            )
        }
    }

    private mutating func checkNumber(_ number: JSONNumber, node: Node, schema s: Int) {
        // NaN compares with nothing; Python's jsonschema lets it through every bound too.
        if let limit = nodes[s].minimum, let order = JSONNumber.compare(number, limit), order < 0 {
            reportBound("minimum", "at least", limit, number, node, s)
        }
        if let limit = nodes[s].maximum, let order = JSONNumber.compare(number, limit), order > 0 {
            reportBound("maximum", "at most", limit, number, node, s)
        }
        if let limit = nodes[s].exclusiveMinimum, let order = JSONNumber.compare(number, limit), order <= 0 {
            reportBound("exclusiveMinimum", "greater than", limit, number, node, s)
        }
        if let limit = nodes[s].exclusiveMaximum, let order = JSONNumber.compare(number, limit), order >= 0 {
            reportBound("exclusiveMaximum", "less than", limit, number, node, s)
        }
    }

    private mutating func reportBound(
        _ keyword: String,
        _ words: String,
        _ limit: JSONNumber,
        _ number: JSONNumber,
        _ node: Node,
        _ s: Int
    ) {
        report(keyword, "\(label) must be \(words) \(limit), got \(number)", at: document.start(node), schema: s)
    }
}
