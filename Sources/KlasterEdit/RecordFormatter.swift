public import KlasterValidation
public import KlasterYAML

/// Lays a record file out canonically: keys in the schema's order, two-space indent, block
/// style, plain scalars that a YAML tool could misread quoted, one line break at the end, and
/// every comment kept with the field it belongs to.
///
/// Comment lines above a key (or a list element) and the comment at the end of its line move
/// with it; comment lines before the first field stay first (the schema modeline among them);
/// comment lines after the last field stay last. One blank line is kept where blank lines
/// separated a field (with its comments) from the one before. Block texts (`|`, `>`) keep
/// their lines as written, re-indented. Formatting is idempotent. Files with anchors, aliases
/// or `<<` merges are refused: expanding them would change what the file says.
public struct RecordFormatter: Sendable {
    /// The schemas that give key order and scalar types; `nil` keeps key order and reads
    /// scalars by YAML's core schema.
    public let schemas: SchemaSet?

    public init(schemas: SchemaSet?) {
        self.schemas = schemas
    }

    /// The canonical text of `text`; throws the parser's error when it is not valid YAML, and
    /// `.badEdit` when it uses anchors or aliases.
    public func format(_ text: String, file: String = "") throws(YAMLError) -> String {
        let source = SourceLines(text)
        guard let root = try YAMLParser().parse(text, file: file) else {
            return source.commentsOnly()
        }
        let scan = NodeScan(root: root)
        if let mark = scan.aliasMark ?? source.anchorOrAlias(outside: scan.scalarRanges) {
            throw YAMLError(
                .badEdit, "the file uses anchors, aliases or '<<' merges, which 'klaster fmt' would expand; it is left as it is",
                file: file, mark: mark
            )
        }
        let comments = CommentMap(source: source, scan: scan)
        var blocks = BlockTexts(source: source, avoiding: text)
        let tree = canonical(root, at: .root, blocks: &blocks)
        let emitted = try YAMLEmitter().emit(tree)
        guard let emittedRoot = try YAMLParser().parse(emitted, file: file) else { return emitted }
        let layout = NodeScan(root: emittedRoot)
        return comments.assemble(emitted: emitted, anchors: layout.anchors, indentless: layout.indentlessSequences, blocks: blocks)
    }

    /// `node` in canonical form: keys in schema order, block style, scalars tagged by what
    /// they mean so the emitter writes numbers plain and quotes strings that need it.
    func canonical(_ node: YAMLNode, at path: YAMLPath, blocks: inout BlockTexts) -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            return .scalar(canonical(scalar, at: path, blocks: &blocks))
        case .sequence(let sequence):
            let items = sequence.items.enumerated().map { canonical($1, at: path.appending(index: $0), blocks: &blocks) }
            return .sequence(YAMLSequence(items, style: .block, tag: sequence.tag))
        case .mapping(let mapping):
            let order = schemas?.propertyOrder(at: path) ?? []
            let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let sorted = mapping.entries.enumerated().sorted { a, b in
                let ra = a.element.keyText.flatMap { rank[$0] } ?? order.count
                let rb = b.element.keyText.flatMap { rank[$0] } ?? order.count
                return ra != rb ? ra < rb : a.offset < b.offset
            }
            let entries = sorted.map { _, entry in
                let key: YAMLNode =
                    if case .scalar(let s) = entry.key, s.tag == nil { .scalar(YAMLScalar(s.value)) } else { entry.key }
                let childPath = entry.keyText.map { path.appending(key: $0) } ?? path
                return YAMLMapping.Entry(key: key, value: canonical(entry.value, at: childPath, blocks: &blocks))
            }
            return .mapping(YAMLMapping(entries, style: .block, tag: mapping.tag))
        }
    }

    private func canonical(_ scalar: YAMLScalar, at path: YAMLPath, blocks: inout BlockTexts) -> YAMLScalar {
        if scalar.tag != nil { return YAMLScalar(scalar.value, style: scalar.style, tag: scalar.tag) }
        switch scalar.style {
        case .literal, .folded:
            if let placeholder = blocks.placeholder(for: scalar) { return YAMLScalar(placeholder) }
            return YAMLScalar(scalar.value, style: scalar.style)
        case .singleQuoted, .doubleQuoted:
            return YAMLScalar(scalar.value, style: scalar.value.contains("\n") ? .plain : scalar.style)
        case .plain:
            let types = schemas?.fieldInfo(at: path)?.types ?? .all
            switch scalar.jsonValue(expecting: types) {
            case .null: return YAMLScalar(scalar.value, tag: "tag:yaml.org,2002:null")
            case .bool: return YAMLScalar(scalar.value, tag: "tag:yaml.org,2002:bool")
            case .number(.int): return YAMLScalar(scalar.value, tag: "tag:yaml.org,2002:int")
            case .number: return YAMLScalar(scalar.value, tag: "tag:yaml.org,2002:float")
            default: return YAMLScalar(scalar.value)
            }
        }
    }
}
