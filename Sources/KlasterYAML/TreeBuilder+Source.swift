internal import CLibYAML

/// Tags, strings and positions: what the tree builder reads off libyaml's events.
extension TreeBuilder {
    private static let corePrefix = "tag:yaml.org,2002:"
    private static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "seq", "map", "merge"]

    /// The node's tag, `nil` for none (or the non-specific `!`); anything but a core tag throws.
    func tag(
        _ pointer: UnsafeMutablePointer<yaml_char_t>?,
        _ event: inout yaml_event_t,
        _ source: inout SourceText
    ) throws(YAMLError) -> String? {
        guard let tag = string(pointer) else { return nil }
        if tag == "!" { return nil }
        if tag.hasPrefix(Self.corePrefix), Self.coreTags.contains(String(tag.dropFirst(Self.corePrefix.count))) {
            return tag
        }
        let shown = tag.hasPrefix(Self.corePrefix) ? "!!" + tag.dropFirst(Self.corePrefix.count) : tag
        throw YAMLError(
            .forbiddenTag,
            "the tag \(shown) is not allowed; only YAML's core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are",
            file: file,
            mark: mark(event.start_mark, &source)
        )
    }

    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The mark of libyaml's position (``SourceText/mark(_:)``).
    func mark(_ m: yaml_mark_t, _ source: inout SourceText) -> Mark {
        source.mark(m)
    }

    /// libyaml ends a block scalar after the blank lines and indentation that follow it; the
    /// span ends instead just after the line break of its last content line (or after the blank
    /// lines a keep indicator, `|+` or `>+`, makes part of the value), at column 1 of the next
    /// line; at the end of a file without a final line break, just after the last character.
    func blockScalarEnd(start: Mark, libyamlEnd: Mark, value: String, _ source: inout SourceText) -> Mark {
        let bytes = source.base
        var end = libyamlEnd.offset
        var line = libyamlEnd.line
        // Back to the start of the line the end mark is on, when only indentation precedes it.
        let lineStart = source.lineStart(before: end)
        if bytes[lineStart..<min(end, bytes.count)].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            end = lineStart
        } else {
            return libyamlEnd
        }
        // Then back over blank-looking lines, except as many as the value ends with: the ones a
        // keep (`+`) indicator keeps, and lines of spaces indented past the block, which are
        // content.
        let keptBlank = Self.trailingBlankLines(value)
        var blankLines: [Int] = []  // starts of the blank lines just above `end`, nearest first
        var cursor = end
        while cursor > start.offset {
            let previousStart = source.lineStart(before: cursor - 1)
            let content = bytes[previousStart..<(cursor - 1)]
            guard content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { break }
            blankLines.append(previousStart)
            cursor = previousStart
        }
        let dropped = max(0, blankLines.count - keptBlank)
        if dropped > 0 {
            end = blankLines[dropped - 1]
            line -= dropped
        }
        if end <= start.offset { return libyamlEnd }
        return Mark(offset: end, line: line, column: 1)
    }

    /// How many lines of only spaces and tabs (or nothing) end `value`.
    static func trailingBlankLines(_ value: String) -> Int {
        var count = 0
        // Inside a line when the value does not end with a line break (a stripped block).
        var inLine = value.utf8.last != 0x0A
        for ch in value.utf8.reversed() {
            if ch == 0x0A {
                if inLine { count += 1 }
                inLine = true
            } else if ch != 0x20 && ch != 0x09 {
                return count
            }
        }
        return inLine ? count + 1 : count
    }

    func parserError(_ parser: inout yaml_parser_t, _ source: inout SourceText) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        if parser.error == YAML_READER_ERROR {
            let offset = Int(parser.problem_offset) + source.prefix
            return YAMLError(.syntax, problem, file: file, mark: source.mark(atByteOffset: offset))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError(.syntax, "libyaml ran out of memory", file: file)
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return YAMLError(.syntax, message, file: file, mark: mark(parser.problem_mark, &source))
    }
}

extension SourceText {
    /// The mark of libyaml's position. At the end of a file without a final line break, libyaml
    /// moves its line on by one as if there were one; the mark stays on the last line instead.
    mutating func mark(_ m: yaml_mark_t) -> Mark {
        let offset = byteOffset(ofCharacter: Int(m.index))
        if offset >= base.count {
            return endMark(line: Int(m.line), column: Int(m.column))
        }
        return Mark(offset: offset, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    enum ParserStart {
        case ready, empty, outOfMemory
    }

    /// Starts `parser` on the body, as UTF-8. The caller deletes the parser unless libyaml ran
    /// out of memory; `.empty` says there is nothing to read.
    func start(_ parser: inout yaml_parser_t) -> ParserStart {
        guard yaml_parser_initialize(&parser) == 1 else { return .outOfMemory }
        guard let input = body.baseAddress, !body.isEmpty else { return .empty }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input, body.count)
        return .ready
    }
}

extension ScalarStyle {
    /// The style of a scalar event.
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
