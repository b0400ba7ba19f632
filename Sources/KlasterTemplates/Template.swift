/// A Mustache template parsed once, into a tree of nodes and then laid out flat for rendering
/// (``TemplateProgram``): text as UTF-8 bytes, names already split at their dots, standalone
/// lines already trimmed, partials' indentation known.
///
/// Supported: `{{name}}` (escaped), `{{{name}}}` and `{{&name}}` (raw), dotted names, `{{.}}`,
/// `{{.name}}` (only the innermost context, as swift-mustache), sections, inverted sections,
/// comments, partials `{{>name}}` and dynamic partials `{{>*name}}`, set delimiters, and the
/// spec's standalone-line rules. Pragmas (`{{%...}}`) are read and ignored. Inheritance
/// (`{{<parent}}`, `{{$block}}`) and lambdas are not supported.
public struct Template: Sendable {
    public let name: String
    let program: TemplateProgram

    /// Parses `source`; `name` is used in errors and by partials.
    public init(_ source: String, name: String) throws(TemplateError) {
        self.name = name
        var parser = TemplateParser(source: Array(source.utf8), name: name)
        self.program = TemplateProgram(try parser.parse())
    }
}

/// A name as a template writes it: `a.b.c` as its parts; `.` as no parts.
struct TemplateName: Sendable {
    let parts: [String]
    /// `{{.name}}`: looked up only in the innermost context.
    let anchored: Bool
}

enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// `indent` is the whitespace before a standalone partial tag (`nil` when not standalone).
    case partial(String, indent: [UInt8]?)
    case dynamicPartial(TemplateName, indent: [UInt8]?)
}

struct TemplateParser {
    let source: [UInt8]
    let name: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(source: [UInt8], name: String) {
        self.source = source
        self.name = name
    }

    private struct Frame {
        var name: TemplateName
        var raw: String
        var inverted: Bool
        var offset: Int
        var nodes: [TemplateNode] = []
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var top: [TemplateNode] = []
        var frames: [Frame] = []
        func add(_ node: TemplateNode) {
            if frames.isEmpty { Self.append(node, to: &top) } else { Self.append(node, to: &frames[frames.count - 1].nodes) }
        }
        let n = source.count
        var pos = 0
        while pos < n {
            guard let start = find(open, from: pos) else {
                add(.text(Array(source[pos..<n])))
                break
            }
            var j = start + open.count
            var type: UInt8 = 0
            if j < n, Self.sigils.contains(source[j]) {
                type = source[j]
                j += 1
            }
            let closer: [UInt8] =
                type == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : type == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
            guard let end = find(closer, from: j) else { throw error(at: start, .unclosedTag) }
            let content = Self.trimmed(source[j..<end])
            let after = end + closer.count

            // A tag alone on its line (but for spaces and tabs) takes the whole line with it.
            var textEnd = start
            var next = after
            var indent: [UInt8]? = nil
            if type != 0, Self.standaloneSigils.contains(type) {
                var b = start
                while b > pos, source[b - 1] == UInt8(ascii: " ") || source[b - 1] == UInt8(ascii: "\t") { b -= 1 }
                let left = b == 0 || source[b - 1] == UInt8(ascii: "\n")
                var f = after
                while f < n, source[f] == UInt8(ascii: " ") || source[f] == UInt8(ascii: "\t") { f += 1 }
                let right: Int? =
                    if f == n { n } else if source[f] == UInt8(ascii: "\n") { f + 1 } else if source[f] == UInt8(ascii: "\r"), f + 1 < n,
                        source[f + 1] == UInt8(ascii: "\n")
                    { f + 2 } else { nil }
                if left, let right {
                    textEnd = b
                    next = right
                    indent = Array(source[b..<start])
                }
            }
            if textEnd > pos { add(.text(Array(source[pos..<textEnd]))) }
            pos = next

            switch type {
            case UInt8(ascii: "!"), UInt8(ascii: "%"):
                break
            case UInt8(ascii: "="):
                let parts = content.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 10 || $0 == 13 })
                guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                    throw error(at: start, .badDelimiters)
                }
                open = Array(parts[0])
                close = Array(parts[1])
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                frames.append(
                    Frame(name: try parseName(content, at: start), raw: String(decoding: content, as: UTF8.self), inverted: type == UInt8(ascii: "^"), offset: start)
                )
            case UInt8(ascii: "/"):
                let raw = String(decoding: content, as: UTF8.self)
                guard let frame = frames.popLast() else { throw error(at: start, .unexpectedClose(raw, expected: nil)) }
                guard frame.raw == raw else { throw error(at: start, .unexpectedClose(raw, expected: frame.raw)) }
                add(frame.inverted ? .inverted(frame.name, frame.nodes) : .section(frame.name, frame.nodes))
            case UInt8(ascii: ">"):
                if content.first == UInt8(ascii: "*") {
                    add(.dynamicPartial(try parseName(Self.trimmed(content.dropFirst()), at: start), indent: indent))
                } else {
                    guard !content.isEmpty else { throw error(at: start, .emptyName) }
                    add(.partial(String(decoding: content, as: UTF8.self), indent: indent))
                }
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(at: start, .unsupported(type == UInt8(ascii: "<") ? "inheritance ({{<parent}})" : "a block ({{$block}})"))
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                add(.variable(try parseName(content, at: start), escaped: false))
            default:
                add(.variable(try parseName(content, at: start), escaped: true))
            }
        }
        if let frame = frames.last { throw error(at: frame.offset, .unclosedSection(frame.raw)) }
        return top
    }

    private static let sigils: [UInt8] = Array("#^/>!&{=<$%".utf8)
    private static let standaloneSigils: [UInt8] = Array("#^/>!=<$%".utf8)

    private static func append(_ node: TemplateNode, to nodes: inout [TemplateNode]) {
        if case .text(let more) = node, case .text(let text)? = nodes.last {
            nodes[nodes.count - 1] = .text(text + more)
        } else {
            nodes.append(node)
        }
    }

    private func parseName(_ content: ArraySlice<UInt8>, at offset: Int) throws(TemplateError) -> TemplateName {
        guard !content.isEmpty else { throw error(at: offset, .emptyName) }
        if content.count == 1, content.first == UInt8(ascii: ".") { return TemplateName(parts: [], anchored: false) }
        let anchored = content.first == UInt8(ascii: ".")
        let parts = content.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
        guard !parts.isEmpty else { throw error(at: offset, .emptyName) }
        return TemplateName(parts: parts, anchored: anchored)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func space(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
        var s = bytes.startIndex
        var e = bytes.endIndex
        while s < e, space(bytes[s]) { s += 1 }
        while e > s, space(bytes[e - 1]) { e -= 1 }
        return bytes[s..<e]
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        source[from...].firstRange(of: needle)?.lowerBound
    }

    private func error(at offset: Int, _ reason: TemplateError.Reason) -> TemplateError {
        var lineStart = 0
        var line = 1
        for i in 0..<offset where source[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1
        return TemplateError(template: name, line: line, column: column, reason: reason)
    }
}
