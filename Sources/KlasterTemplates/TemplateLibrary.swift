/// Templates by name, which are each other's partials; renders them into UTF-8 bytes.
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [String: Template] = [:]

    public init() {}

    /// Parses `source` as the template `name` (replacing any of that name).
    public mutating func register(_ source: String, named name: String) throws(TemplateError) {
        templates[name] = try Template(source, name: name)
    }

    public mutating func register(_ template: Template) {
        templates[template.name] = template
    }

    /// Appends the template `name` rendered with `context` to `out`; nothing for an unknown name.
    public func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) {
        guard let template = templates[name] else { return }
        render(template, context, into: &out)
    }

    /// Appends `template` rendered with `context` to `out`; its partials come from this library.
    public func render(_ template: Template, _ context: TemplateValue, into out: inout [UInt8]) {
        var renderer = TemplateRenderer(library: self, out: out, stack: [context])
        out = []
        renderer.render(template.nodes)
        out = renderer.out
    }

    /// The template `name` rendered with `context`.
    public func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        var out: [UInt8] = []
        render(name, context, into: &out)
        return out
    }
}

/// One rendering: the output, the context stack, the indentation of standalone partials.
struct TemplateRenderer {
    let library: TemplateLibrary
    var out: [UInt8]
    var stack: [TemplateValue]
    /// The indentation of the standalone partials being rendered, and whether it is due before
    /// the next output (at the start of a line of such a partial).
    var indent: [UInt8] = []
    var indentDue = false
    var depth = 0

    /// Partials nested deeper than this render nothing (a template that includes itself).
    static let maxDepth = 256

    init(library: TemplateLibrary, out: [UInt8], stack: [TemplateValue]) {
        self.library = library
        self.out = out
        self.stack = stack
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indent.isEmpty { out.append(contentsOf: bytes) } else { indentedText(bytes) }
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                show(value, escaped: escaped)
            case .section(let name, let body):
                guard let value = lookup(name) else { continue }
                switch value {
                case .null, .bool(false):
                    break
                case .bool(true):
                    render(body)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(body)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(body)
                    stack.removeLast()
                }
            case .inverted(let name, let body):
                if lookup(name)?.isFalsy ?? true { render(body) }
            case .partial(let name, let indent):
                guard let template = library.templates[name] else { continue }
                partial(template, indent: indent)
            case .dynamicPartial(let name, let indent):
                guard case .text(let partial)? = lookup(name), let template = library.templates[partial] else { continue }
                self.partial(template, indent: indent)
            }
        }
    }

    private mutating func partial(_ template: Template, indent extra: [UInt8]?) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        guard let extra else {
            render(template.nodes)
            return
        }
        // A standalone partial: every line of it is indented as the tag was.
        let saved = indent
        if !extra.isEmpty { indent += extra }
        indentDue = !indent.isEmpty
        render(template.nodes)
        indent = saved
        // What follows the tag's line starts a line.
        indentDue = !indent.isEmpty
    }

    private mutating func indentedText(_ bytes: [UInt8]) {
        var start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            if indentDue { out.append(contentsOf: indent) }
            out.append(contentsOf: bytes[start...i])
            indentDue = true
            start = i + 1
        }
        if start < bytes.count {
            if indentDue {
                out.append(contentsOf: indent)
                indentDue = false
            }
            out.append(contentsOf: bytes[start...])
        }
    }

    /// The value of `name`: its first part looked up from the innermost context outwards, the
    /// others in what that found.
    @inline(__always)
    func lookup(_ name: TemplateName) -> TemplateValue? {
        let parts = name.parts
        guard let first = parts.first else { return stack.last }
        var found: TemplateValue? = nil
        if name.anchored {
            if case .object(let object)? = stack.last { found = object.value(first) }
        } else {
            var i = stack.count - 1
            while i >= 0 {
                if case .object(let object) = stack[i], let value = object.value(first) {
                    found = value
                    break
                }
                i -= 1
            }
        }
        guard var value = found else { return nil }
        var k = 1
        while k < parts.count {
            guard case .object(let object) = value, let next = object.value(parts[k]) else { return nil }
            value = next
            k += 1
        }
        return value
    }

    private mutating func show(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if text.isEmpty { return }
            dueIndent()
            if escaped { appendEscaped(text) } else { out.append(contentsOf: text.utf8) }
        case .bytes(let bytes):
            if bytes.isEmpty { return }
            dueIndent()
            if escaped { bytes.withUnsafeBufferPointer { appendEscaped($0) } } else { out.append(contentsOf: bytes) }
        case .int(let number):
            dueIndent()
            out.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            dueIndent()
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .list, .object:
            return
        }
    }

    @inline(__always)
    private mutating func dueIndent() {
        if indentDue {
            out.append(contentsOf: indent)
            indentDue = false
        }
    }

    private mutating func appendEscaped(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) { return done }
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
    }

    /// Appends `bytes` with `&`, `<`, `>`, `"` and `'` escaped, byte by byte.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let replacement: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                i += 1
                continue
            }
            if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            i += 1
            start = i
        }
        if start < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count])) }
    }
}
