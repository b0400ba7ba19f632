public import KlasterValidation
public import KlasterYAML

/// Turns the text of a value typed on the command line into the YAML node the schema wants at
/// a field, so that it reads back as that value.
///
/// - A field that takes text gets the text as a string, whatever it looks like (`krs=0000012345`
///   stays "0000012345"); the emitter quotes it where a YAML tool could read it otherwise.
/// - A field that takes a number, true/false or null (and not text, or not only text) gets the
///   YAML 1.2 core form written plain when the text is one (`employees=12`).
/// - A list field takes `[a, b]` (a YAML flow list; quote an element that holds a comma) or a
///   single value, which becomes a one-element list; each element is typed by the list's items.
///   The list is written in flow style, as records write short lists (`roles: [member]`); where
///   it replaces a block list it stays block (see ``RecordEdit``).
/// - Text that fits none of the field's types is written as text, and validation reports it.
public struct SchemaValue: Sendable {
    public let schemas: SchemaSet

    public init(schemas: SchemaSet) {
        self.schemas = schemas
    }

    /// The types the schemas allow at `path` (all types where no schema describes it).
    public func types(at path: YAMLPath) -> SchemaTypes {
        schemas.fieldInfo(at: path)?.types ?? .all
    }

    /// The node for `text` at `path`.
    public func node(_ text: String, at path: YAMLPath) throws(YAMLError) -> YAMLNode {
        let types = types(at: path)
        if types.contains(.array), !types.contains(.string) || Self.isFlowList(text) {
            return .sequence(YAMLSequence(try items(text, at: path), style: .flow))
        }
        return .scalar(scalar(text, types: types))
    }

    /// The elements `text` names for the list at `path`: those of `[a, b]`, or `text` alone.
    public func items(_ text: String, at path: YAMLPath) throws(YAMLError) -> [YAMLNode] {
        let itemPath = path.appending(index: 0)
        let itemTypes = types(at: itemPath)
        guard Self.isFlowList(text) else { return [.scalar(scalar(text, types: itemTypes))] }
        let parsed: YAMLNode?
        do {
            parsed = try YAMLParser().parse(text, file: "<argument>")
        } catch {
            throw YAMLError(.badEdit, "'\(text)' is not a list: \(error.message)", path: path.description)
        }
        guard case .sequence(let sequence)? = parsed else {
            throw YAMLError(.badEdit, "'\(text)' is not a list", path: path.description)
        }
        var nodes: [YAMLNode] = []
        for item in sequence.items {
            guard case .scalar(let s) = item else {
                throw YAMLError(.badEdit, "'\(text)': list elements given on the command line must be plain values", path: path.description)
            }
            nodes.append(.scalar(s.style == .plain ? scalar(s.value, types: itemTypes) : YAMLScalar(s.value)))
        }
        return nodes
    }

    /// A scalar for `text` where `types` are allowed.
    public func scalar(_ text: String, types: SchemaTypes) -> YAMLScalar {
        let core = YAMLScalar(text).coreValue
        if case .string = core { return YAMLScalar(text) }
        if !types.admits(core) { return YAMLScalar(text) }
        switch core {
        case .null: return YAMLScalar(text, tag: "tag:yaml.org,2002:null")
        case .bool: return YAMLScalar(text, tag: "tag:yaml.org,2002:bool")
        case .number(.int): return YAMLScalar(text, tag: "tag:yaml.org,2002:int")
        case .number: return YAMLScalar(text, tag: "tag:yaml.org,2002:float")
        default: return YAMLScalar(text)
        }
    }

    static func isFlowList(_ text: String) -> Bool {
        text.hasPrefix("[") && text.hasSuffix("]")
    }
}
