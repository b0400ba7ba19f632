/// A position in a source file.
///
/// `offset` counts UTF-8 bytes from the start of the file (a leading byte-order mark included);
/// `line` and `column` are 1-based, as users and editors count them, and `column` counts Unicode
/// scalars, not bytes.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// The source range a node was read from: `start` is where its first character is, `end` is just
/// past its last character (for block collections: past the last character of their last child).
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Mark
    public var end: Mark

    public init(start: Mark, end: Mark) {
        self.start = start
        self.end = end
    }

    /// A span for nodes built in memory rather than read from a file.
    public static let none = Span(start: Mark(offset: 0, line: 0, column: 0), end: Mark(offset: 0, line: 0, column: 0))

    public var description: String { "\(start)-\(end)" }
}
