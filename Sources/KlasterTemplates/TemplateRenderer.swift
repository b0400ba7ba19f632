/// One rendering: the output, the context stack, the indentation of standalone partials.
struct TemplateRenderer: ~Copyable {
    let library: TemplateLibrary
    var out: RenderedBytes
    var stack: [TemplateValue]
    /// The indentation of the standalone partials being rendered, and whether it is due before
    /// the next output (at the start of a line of such a partial).
    var indent: [UInt8] = []
    var indentDue = false
    var depth = 0
    /// The dynamic partials met so far, by name: a page names a few of them, many times each.
    private var dynamic: [(name: String, number: Int)] = []

    /// Partials nested deeper than this render nothing (a template that includes itself).
    static let maxDepth = 256

    init(library: TemplateLibrary, out: [UInt8], stack: [TemplateValue]) {
        self.library = library
        self.out = RenderedBytes(out, capacity: out.capacity)
        self.stack = stack
    }

    /// The bytes rendered.
    consuming func bytes() -> [UInt8] {
        out.array()
    }

    mutating func render(_ template: TemplateLibrary.Linked) {
        let program = template.template.program
        run(program, template.partials, from: 0, to: program.operations.count)
    }

    /// Renders the operations `start..<end` of `program`, whose partials are numbered `partials`.
    private mutating func run(_ program: TemplateProgram, _ partials: [Int], from start: Int, to end: Int) {
        var i = start
        while i < end {
            let operation = program.operations[i]
            switch operation.code {
            case .text:
                if indent.isEmpty { out.append(program.texts[Int(operation.a)]) } else { indentedText(program.texts[Int(operation.a)]) }
            case .escaped, .raw:
                if let value = lookup(operation, in: program) { show(value, escaped: operation.code == .escaped) }
            case .section:
                let bodyEnd = Int(operation.end)
                if let value = lookup(operation, in: program) {
                    switch value {
                    case .null, .bool(false):
                        break
                    case .bool(true):
                        run(program, partials, from: i + 1, to: bodyEnd)
                    case .list(let items):
                        for item in items {
                            stack.append(item)
                            run(program, partials, from: i + 1, to: bodyEnd)
                            stack.removeLast()
                        }
                    default:
                        stack.append(value)
                        run(program, partials, from: i + 1, to: bodyEnd)
                        stack.removeLast()
                    }
                }
                i = bodyEnd
                continue
            case .inverted:
                let bodyEnd = Int(operation.end)
                if lookup(operation, in: program)?.isFalsy ?? true { run(program, partials, from: i + 1, to: bodyEnd) }
                i = bodyEnd
                continue
            case .partial:
                let number = partials[Int(operation.a)]
                if number >= 0 { partial(number, indent: operation.indent < 0 ? nil : program.indents[Int(operation.indent)]) }
            case .dynamicPartial:
                if let name = Self.partialName(lookup(operation, in: program)), let number = dynamicPartial(name) {
                    partial(number, indent: operation.indent < 0 ? nil : program.indents[Int(operation.indent)])
                }
            }
            i += 1
        }
    }

    /// The template name a dynamic partial's value gives: its text.
    private static func partialName(_ value: TemplateValue?) -> String? {
        switch value {
        case .text(let name)?: name
        case .bytes(let bytes)?: String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// The number of the template `name`, remembered after the first time: the same names come
    /// back, as the same smol strings, which compare without a call.
    private mutating func dynamicPartial(_ name: String) -> Int? {
        for known in dynamic where known.name == name { return known.number }
        guard let number = library.number(of: name) else { return nil }
        if dynamic.count < 16 { dynamic.append((name, number)) }
        return number
    }

    private mutating func partial(_ number: Int, indent extra: [UInt8]?) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        let template = library.linked[number]
        guard let extra else {
            render(template)
            return
        }
        // A standalone partial: every line of it is indented as the tag was.
        let saved = indent
        if !extra.isEmpty { indent += extra }
        indentDue = !indent.isEmpty
        render(template)
        indent = saved
        // What follows the tag's line starts a line.
        indentDue = !indent.isEmpty
    }

    private mutating func indentedText(_ bytes: [UInt8]) {
        var start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            if indentDue { out.append(indent) }
            out.append(bytes[start...i])
            indentDue = true
            start = i + 1
        }
        if start < bytes.count {
            if indentDue {
                out.append(indent)
                indentDue = false
            }
            out.append(bytes[start...])
        }
    }

    /// The value of the name of `operation`: a plain one by its key, the others as below.
    @inline(__always)
    func lookup(_ operation: TemplateProgram.Operation, in program: TemplateProgram) -> TemplateValue? {
        operation.plain ? find(program.keys[Int(operation.a)]) : lookup(program.names[Int(operation.a)])
    }

    /// The value of `key` in the innermost context that has it.
    @inline(__always)
    func find(_ key: String) -> TemplateValue? {
        var i = stack.count - 1
        while i >= 0 {
            if case .object(let object) = stack[i], let value = object.value(key) { return value }
            i -= 1
        }
        return nil
    }

    /// The value of `name`: its first part looked up from the innermost context outwards, the
    /// others in what that found.
    func lookup(_ name: TemplateName) -> TemplateValue? {
        let parts = name.parts
        guard let first = parts.first else { return stack.last }
        var found: TemplateValue? = nil
        if name.anchored {
            if case .object(let object)? = stack.last { found = object.value(first) }
        } else {
            found = find(first)
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
            if escaped { appendEscaped(text) } else { out.append(text) }
        case .bytes(let bytes):
            if bytes.isEmpty { return }
            dueIndent()
            if escaped { bytes.withUnsafeBufferPointer { appendEscaped($0) } } else { out.append(bytes) }
        case .int(let number):
            dueIndent()
            out.append(String(number))
        case .bool(let flag):
            dueIndent()
            out.append(flag ? "true" : "false")
        case .null, .list, .object:
            return
        }
    }

    @inline(__always)
    private mutating func dueIndent() {
        if indentDue {
            out.append(indent)
            indentDue = false
        }
    }

    private mutating func appendEscaped(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) { return done }
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
    }

    /// Appends `bytes` with `&`, `<`, `>`, `"` and `'` escaped. Eight bytes at a time are
    /// passed over when none of them is one of those (``TemplateEscape/mayNeedEscape(_:)``).
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var i = 0
        let count = bytes.count
        while i < count {
            if i &+ 8 <= count, !TemplateEscape.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i &+= 8
                continue
            }
            let stop = min(i &+ 8, count)
            while i < stop {
                let replacement: StaticString
                switch base[i] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default:
                    i &+= 1
                    continue
                }
                if start < i { out.append(UnsafeBufferPointer(start: base + start, count: i - start)) }
                out.append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                i &+= 1
                start = i
            }
        }
        if start < count { out.append(UnsafeBufferPointer(start: base + start, count: count - start)) }
    }
}

/// The test of eight bytes at a time for what HTML escaping replaces.
enum TemplateEscape {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `word` has a zero byte (exact: the borrow only runs past a zero byte).
    @inline(__always)
    private static func hasZero(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// Whether one of the eight bytes of `word` is `&`, `<`, `>`, `"` or `'`. `&` (0x26) and `'`
    /// (0x27) differ only in the lowest bit, `<` (0x3C) and `>` (0x3E) only in the next: with
    /// that bit set, each pair is one byte value, and no other byte becomes it.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        hasZero((word | ones) ^ (ones &* 0x27)) || hasZero((word | (ones &* 2)) ^ (ones &* 0x3E)) || hasZero(word ^ (ones &* 0x22))
    }
}
