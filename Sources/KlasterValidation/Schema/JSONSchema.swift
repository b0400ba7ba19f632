public import KlasterYAML

/// A compiled JSON Schema (the draft 2020-12 subset of SPEC §3), ready to validate YAML records.
///
/// Build it once per schema file and share it: it is immutable and `Sendable`. Supported:
/// `type`, `properties`, `required`, `additionalProperties`, `enum`, `const`, `pattern`,
/// `minLength`, `maxLength`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
/// `items`, `minItems`, `maxItems`, `uniqueItems`, `minProperties`, `maxProperties`, `format`
/// (`date`, `date-time`, `email`, `uri`), `$ref` to `#...` JSON Pointers in the same file
/// (`$defs`, `definitions`), `allOf`, `anyOf`, `oneOf`, `not`, boolean schemas. Other
/// verdict-changing keywords are not applied; ``unsupportedKeywords`` says where they occur.
/// Klaster's extensions `x-ref`, `x-merge`, `x-merge-key` and `x-unique` are read for
/// ``fieldInfo(at:)`` and ``references(in:)``, and do not affect validation.
///
/// The reference for verdicts is Python's `jsonschema` (`Draft202012Validator` with its format
/// checker, `rfc3339-validator` and `rfc3987` installed) run on ``jsonValue(of:)``; the tests
/// compare the two on generated records. Known differences, all outside what schemas and
/// records normally contain:
/// - integers beyond 64 bits are compared as `Double`s (Python keeps them exact);
/// - property names are looked up with Swift's `String` equality, so a key in NFD matches a
///   property spelt in NFC (Python compares code points); values compare by code points;
/// - `pattern`s outside ``SimplePattern``'s subset run on Swift's `Regex`, whose `\d` and `\s`
///   differ from Python's on a few characters (U+2167 is a `\d`, U+001C is not a `\s`); a
///   pattern search that backtracks past a step limit counts as no match (Python would hang);
/// - a schema that applies itself at the same place more than 200 times (`{"$ref": "#"}`) stops
///   there (Python raises `RecursionError`);
/// - without `rfc3987` Python does not check `format: uri` at all; Klaster always does.
public final class JSONSchema: Sendable {
    let nodes: [SchemaNode]
    /// The index of the root schema in ``nodes``.
    let root = 0
    /// The file the schema was read from, as the caller named it (for messages).
    public let file: String
    /// JSON Pointers (into the schema) of keywords Klaster does not apply, such as
    /// `/properties/tags/contains`.
    public let unsupportedKeywords: [String]
    /// Per node: Klaster's annotations of a scalar placed there (see ``annotatedScalars(in:)``).
    let scalarAnnotations: [ScalarAnnotations]
    /// Per node: the property order of an object placed there (see `propertyOrder(at:)`), so
    /// that typing a record in schema order looks it up instead of building it per object.
    let singleOrders: [[String: Int]]
    /// Per node: the rank in ``singleOrders`` of each key of the node's ``SchemaNode/keys``
    /// (`singleOrders[s].count` for a key it does not name), to rank a member found by its bytes.
    let singleKeyRanks: [[Int]]

    /// Compiles a schema document.
    public init(_ document: JSONValue, file: String = "") throws(SchemaError) {
        var compiler = SchemaCompiler(document: document, file: file)
        try compiler.compileAll()
        Self.cacheChildLocations(&compiler.nodes)
        nodes = compiler.nodes
        scalarAnnotations = Self.scalarAnnotations(compiler.nodes)
        unsupportedKeywords = compiler.unsupported
        self.file = file
        let orders = compiler.nodes.indices.map { Self.propertyOrder(at: .single($0), compiler.nodes) }
        singleOrders = orders
        singleKeyRanks = zip(compiler.nodes, orders).map { node, order in node.keys.keys.map { order[$0] ?? order.count } }
    }

    /// Reads and compiles a schema file's text.
    public convenience init(json text: String, file: String = "") throws(SchemaError) {
        try self.init(try JSONReader().read(text, file: file), file: file)
    }

    /// Reads and compiles a schema file's bytes.
    public convenience init(json bytes: [UInt8], file: String = "") throws(SchemaError) {
        try self.init(try JSONReader().read(bytes, file: file), file: file)
    }

    /// The schema's `title`, if it has one.
    public var title: String? { nodes[root].title }

    /// Validates a record's document tree; an empty array means valid.
    ///
    /// Violations come in document order (by the offset of their mark), without duplicates.
    public func validate(_ document: YAMLNode) -> [SchemaViolation] {
        validateDocument(TreeDocument(root: document))
    }

    func validateDocument<Document: ValidatedDocument>(_ document: Document) -> [SchemaViolation] {
        SchemaViolation.ordered(run(document).violations)
    }

    /// True when `document` is valid; stops at the first problem.
    public func isValid(_ document: YAMLNode) -> Bool {
        run(TreeDocument(root: document), stopAtFirst: true).violations.isEmpty
    }

    /// Applies the schema to `document` from its root, handing its scalars to `gatherer` if
    /// there is one: the violations in the order found, and the gatherer after the run.
    func run<Document: ValidatedDocument>(
        _ document: Document,
        stopAtFirst: Bool = false,
        gatherer: ScalarGatherer? = nil
    ) -> (violations: [SchemaViolation], gatherer: ScalarGatherer?) {
        var validator = SchemaValidator(document, schema: self, stopAtFirst: stopAtFirst)
        validator.gatherer = gatherer
        let location = SchemaLocation.single(root)
        let node = document.root
        validator.validate(node, value: typedScalar(document, node, at: location), schema: root, location: location)
        return (validator.violations, validator.gatherer)
    }

    static func escapePointerToken(_ token: String) -> String {
        // A byte test first: most tokens have neither byte (a `~` that a combining mark joins
        // is another character, which the loop below leaves as it is).
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var out = ""
        for ch in token {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(ch)
            }
        }
        return out
    }
}
