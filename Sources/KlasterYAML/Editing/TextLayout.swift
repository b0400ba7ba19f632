/// A document's bytes with the line and indicator arithmetic that splicing needs.
///
/// Offsets are UTF-8 byte offsets, as in ``Mark/offset``. Every question here is answered from the
/// bytes alone; what the nodes are comes from the parsed tree.
struct TextLayout {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let ampersand = UInt8(ascii: "&")
    static let bang = UInt8(ascii: "!")
    static let asterisk = UInt8(ascii: "*")

    let bytes: [UInt8]
    /// Where the first line starts: past a UTF-8 byte-order mark, which no edit touches.
    let origin: Int
    /// `\r\n` when the file's first line break is one, else `\n`: new lines are written the same way.
    let lineBreak: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var crlf = false
        if let newline = bytes.firstIndex(of: Self.newline) {
            crlf = newline > 0 && bytes[newline - 1] == Self.carriageReturn
        }
        lineBreak = crlf ? [Self.carriageReturn, Self.newline] : [Self.newline]
        origin = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    var count: Int { bytes.count }

    var endsWithLineBreak: Bool { bytes.last == Self.newline }

    /// The start of the line holding `offset`.
    func lineStart(_ offset: Int) -> Int {
        var i = min(offset, bytes.count)
        while i > origin && bytes[i - 1] != Self.newline { i -= 1 }
        return i
    }

    /// Where the line holding `offset` ends: at its `\r\n` or `\n`, or at the end of the file.
    func lineEnd(_ offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != Self.newline { i += 1 }
        if i > offset && i < bytes.count && bytes[i - 1] == Self.carriageReturn { i -= 1 }
        return i
    }

    /// The start of the line after the one holding `offset`, or the end of the file.
    func nextLineStart(_ offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != Self.newline { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// `end` moved back over one line break just before it: block scalars end after their last
    /// line break, and splices keep that break in place.
    func contentEnd(_ end: Int) -> Int {
        var i = min(end, bytes.count)
        if i > 0 && bytes[i - 1] == Self.newline {
            i -= 1
            if i > 0 && bytes[i - 1] == Self.carriageReturn { i -= 1 }
        }
        return i
    }

    /// The 1-based column of `offset`, counting Unicode scalars as ``Mark/column`` does.
    func column(_ offset: Int) -> Int {
        var column = 1
        for i in lineStart(offset)..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// True when only spaces precede `offset` on its line.
    func isFirstOnLine(_ offset: Int) -> Bool {
        bytes[lineStart(offset)..<offset].allSatisfy { $0 == Self.space }
    }

    /// True when the line starting at `start` holds only spaces and tabs.
    func isBlankLine(at start: Int) -> Bool {
        start < bytes.count && bytes[start..<lineEnd(start)].allSatisfy { $0 == Self.space || $0 == Self.tab }
    }

    /// The indentation of the line starting at `start` when it is a comment line, else `nil`.
    func commentIndent(at start: Int) -> Int? {
        var i = start
        while i < bytes.count && bytes[i] == Self.space { i += 1 }
        return i < bytes.count && bytes[i] == Self.hash ? i - start : nil
    }

    /// The first byte at or after `offset` that is neither white space nor part of a comment.
    func nextToken(from offset: Int) -> Int {
        var i = offset
        while i < bytes.count {
            switch bytes[i] {
            case Self.space, Self.tab, Self.newline, Self.carriageReturn:
                i += 1
            case Self.hash where i == 0 || [Self.space, Self.tab, Self.newline].contains(bytes[i - 1]):
                while i < bytes.count && bytes[i] != Self.newline { i += 1 }
            default:
                return i
            }
        }
        return i
    }

    /// The offset of the indicator `byte` (`-` of an item, `:` after a key), skipping white space,
    /// comments, node properties (`&anchor`, `!tag`) and aliases (`*name`, when the item before
    /// was one) before it; `nil` when something else comes first.
    func indicator(_ byte: UInt8, from offset: Int, before limit: Int) -> Int? {
        var i = offset
        while true {
            i = nextToken(from: i)
            guard i < min(limit, bytes.count) else { return nil }
            if bytes[i] == byte { return i }
            guard [Self.ampersand, Self.bang, Self.asterisk].contains(bytes[i]) else { return nil }
            while i < bytes.count && ![Self.space, Self.tab, Self.newline, Self.carriageReturn].contains(bytes[i]) { i += 1 }
        }
    }

    /// The end of an element's lines: past the line break after `end`, and past the comment lines
    /// that follow indented deeper than `column` (they are inside the element).
    func linesEnd(after end: Int, column: Int) -> Int {
        var i = contentEnd(end) < end ? end : nextLineStart(end)
        while i < bytes.count, let indent = commentIndent(at: i), indent >= column {
            i = nextLineStart(i)
        }
        return i
    }

    /// True when only blank lines or the end of the file follow the line holding `offset`.
    func isLast(after offset: Int) -> Bool {
        isLast(before: nextLineStart(offset))
    }

    /// True when the line starting at `offset` is blank or the end of the file.
    func isLast(before offset: Int) -> Bool {
        offset >= bytes.count || isBlankLine(at: offset)
    }

    /// The start of the run of comment lines directly above the line starting at `start` (no blank
    /// line between) and indented no deeper than `column`, or `start` when there is none.
    func commentBlockStart(above start: Int, column: Int) -> Int {
        var top = start
        while top > origin {
            let previous = lineStart(top - 1)
            guard let indent = commentIndent(at: previous), indent < column else { break }
            top = previous
        }
        return top
    }

    /// Text to splice in: `\n` turned into the file's line break, and every line after the first
    /// that is not empty indented by `indent` more spaces.
    func adapt(_ text: some Collection<UInt8>, indent: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16)
        var atLineStart = false
        for byte in text {
            if byte == Self.newline {
                out.append(contentsOf: lineBreak)
                atLineStart = true
                continue
            }
            if atLineStart {
                out.append(contentsOf: repeatElement(Self.space, count: indent))
                atLineStart = false
            }
            out.append(byte)
        }
        return out
    }
}

/// One replacement of a byte range by new bytes.
struct Splice {
    var range: Range<Int>
    var bytes: [UInt8]

    init(_ range: Range<Int>, _ bytes: [UInt8] = []) {
        self.range = range
        self.bytes = bytes
    }

    init(inserting bytes: [UInt8], at offset: Int) {
        self.init(offset..<offset, bytes)
    }
}

extension TextLayout {
    /// The text with `splices` applied; they must not overlap. An insertion at the offset where
    /// a replacement starts goes before the replacement's bytes.
    func applying(_ splices: [Splice]) -> String {
        var out = bytes
        let backwards = splices.sorted {
            ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound)
        }
        for splice in backwards {
            out.replaceSubrange(splice.range, with: splice.bytes)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
