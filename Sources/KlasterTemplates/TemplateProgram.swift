/// A parsed template laid out flat for rendering: one array of small operations, whose
/// payloads (text, names, indentation) are numbers into tables beside it.
///
/// Walking it copies no reference-counted value: a section is the operations up to its `end`,
/// not an array of its own, and a partial is a number the library resolves once
/// (``TemplateLibrary``), not a name hashed at every use.
final class TemplateProgram: Sendable {
    enum Code: UInt8 {
        /// `texts[a]`.
        case text
        /// `{{name}}`: `names[a]`, escaped.
        case escaped
        /// `{{{name}}}`, `{{&name}}`: `names[a]` as it is.
        case raw
        /// `{{#name}}`: `names[a]`; its body is the operations before `end`.
        case section
        /// `{{^name}}`: as a section.
        case inverted
        /// `{{>name}}`: `partials[a]`; `indent` as below.
        case partial
        /// `{{>*name}}`: the partial named by the value of `names[a]`; `indent` as below.
        case dynamicPartial
    }

    struct Operation {
        let code: Code
        /// For a name (`names[a]`): whether it is a plain one, a single part looked up through
        /// the whole stack (`keys[a]`), as most are.
        var plain = false
        let a: Int32
        /// A section's end: the operation after its body.
        let end: Int32
        /// A standalone partial's indentation, `indents[indent]`; -1 when not standalone.
        let indent: Int32
    }

    let operations: [Operation]
    let texts: [[UInt8]]
    let names: [TemplateName]
    /// The first part of each name (`""` for `.`), for plain names.
    let keys: [String]
    let indents: [[UInt8]]
    /// The names of the partials the template includes by name, each once.
    let partials: [String]

    init(_ nodes: [TemplateNode]) {
        var builder = Builder()
        builder.add(nodes)
        operations = builder.operations
        texts = builder.texts
        names = builder.names
        keys = builder.names.map { $0.parts.first ?? "" }
        indents = builder.indents
        partials = builder.partials
    }

    private struct Builder {
        var operations: [Operation] = []
        var texts: [[UInt8]] = []
        var names: [TemplateName] = []
        var indents: [[UInt8]] = []
        var partials: [String] = []

        mutating func add(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    texts.append(bytes)
                    append(.text, texts.count - 1)
                case .variable(let name, let escaped):
                    append(escaped ? .escaped : .raw, name: name)
                case .section(let name, let body):
                    block(.section, name, body)
                case .inverted(let name, let body):
                    block(.inverted, name, body)
                case .partial(let name, let indent):
                    let at = partials.firstIndex(of: name) ?? {
                        partials.append(name)
                        return partials.count - 1
                    }()
                    append(.partial, at, indent: indent)
                case .dynamicPartial(let name, let indent):
                    names.append(name)
                    append(.dynamicPartial, names.count - 1, indent: indent, plain: Self.isPlain(name))
                }
            }
        }

        private mutating func block(_ code: Code, _ name: TemplateName, _ body: [TemplateNode]) {
            names.append(name)
            let nameAt = Int32(names.count - 1)
            let at = operations.count
            operations.append(Operation(code: code, a: nameAt, end: 0, indent: -1))
            add(body)
            operations[at] = Operation(code: code, plain: Self.isPlain(name), a: nameAt, end: Int32(operations.count), indent: -1)
        }

        private static func isPlain(_ name: TemplateName) -> Bool {
            name.parts.count == 1 && !name.anchored
        }

        private mutating func append(_ code: Code, name: TemplateName) {
            names.append(name)
            append(code, names.count - 1, plain: Self.isPlain(name))
        }

        private mutating func append(_ code: Code, _ a: Int, indent: [UInt8]? = nil, plain: Bool = false) {
            var place: Int32 = -1
            if let indent {
                indents.append(indent)
                place = Int32(indents.count - 1)
            }
            operations.append(Operation(code: code, plain: plain, a: Int32(a), end: Int32(operations.count + 1), indent: place))
        }
    }
}
