/// How CSV cells and lines are written: RFC 4180 by default (`,`, LF, no byte-order mark), or
/// the Excel dialect (`;`, CRLF, a UTF-8 byte-order mark, and formula injection made inert).
public struct CSVFormat: Sendable, Hashable {
    public var separator: UInt8
    public var lineEnd: String
    public var byteOrderMark: Bool
    /// Cells that start with `=`, `+`, `-`, `@`, tab or CR get a leading `'` unless they are a
    /// number (OWASP's advice on CSV injection).
    public var neutraliseFormulas: Bool

    public static let standard = CSVFormat(separator: UInt8(ascii: ","), lineEnd: "\n", byteOrderMark: false, neutraliseFormulas: false)
    public static let excel = CSVFormat(separator: UInt8(ascii: ";"), lineEnd: "\r\n", byteOrderMark: true, neutraliseFormulas: true)

    /// Appends one line of cells.
    public func appendLine(_ cells: [String], to out: inout String) {
        var bytes: [UInt8] = []
        appendLine(cells, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one line of cells, as UTF-8.
    public func appendLine(_ cells: [String], to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(separator) }
            appendCell(cell, to: &out)
        }
        out += lineEnd.utf8
    }

    /// Appends one cell, as UTF-8, quoted when it holds the separator, a quote, CR or LF.
    public func appendCell(_ cell: String, to out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { appendCell(bytes: $0, to: &out) }
    }

    /// ``appendCell(_:to:)`` for a cell's text given as UTF-8 bytes.
    public func appendCell(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let room = Self.room(forCell: bytes.count)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: room))
        let written = out.withUnsafeMutableBufferPointer { write(cell: bytes, to: $0.baseAddress! + start) }
        out.removeLast(room - written)
    }

    /// The most bytes ``write(cell:to:)`` writes for a cell of `count` bytes.
    @inline(__always)
    static func room(forCell count: Int) -> Int { 2 * count + 3 }

    /// Writes one cell at `out`, which has room for ``room(forCell:)`` bytes, quoted when it
    /// holds the separator, a quote, CR or LF; returns how many bytes it wrote.
    @inline(__always)
    func write(cell bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let needsQuotes = self.needsQuotes(bytes)
        var n = 0
        if needsQuotes {
            out[n] = 0x22
            n += 1
        }
        // The leading `'` of a cell made inert (see ``neutralised(_:)``) goes inside the quotes.
        if neutraliseFormulas, Self.startsFormula(bytes) {
            out[n] = UInt8(ascii: "'")
            n += 1
        }
        guard needsQuotes else {
            if let base = bytes.baseAddress { (out + n).initialize(from: base, count: bytes.count) }
            return n + bytes.count
        }
        // Each quote doubled.
        for byte in bytes {
            out[n] = byte
            n += 1
            if byte == 0x22 {
                out[n] = 0x22
                n += 1
            }
        }
        out[n] = 0x22
        return n + 1
    }

    /// Whether a cell holds the separator, a quote, CR or LF: eight bytes at a time
    /// (``ByteWord/has(_:in:)``), then the last few one by one.
    @inline(__always)
    func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let separator = self.separator
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var at = 0
        while at + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if ByteWord.has(separator, in: w) || ByteWord.has(0x22, in: w) || ByteWord.has(0x0A, in: w) || ByteWord.has(0x0D, in: w) {
                return true
            }
            at += 8
        }
        while at < bytes.count {
            let byte = bytes[at]
            if byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            at += 1
        }
        return false
    }

    /// Whether a cell starts with a character that makes a formula and is not a number: what
    /// ``neutralised(_:)`` puts a `'` before.
    static func startsFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return !isNumber(bytes)
        default:
            return false
        }
    }

    /// `cell` made inert for spreadsheets: a leading `'` when it starts with a character that
    /// makes a formula (`=`, `+`, `-`, `@`, tab, CR), unless the whole cell is a number.
    public static func neutralised(_ cell: String) -> String {
        var text = cell
        return text.withUTF8(startsFormula) ? "'" + cell : cell
    }

    /// True for a plain decimal number: optional sign, digits, an optional fraction (`.` or
    /// `,`), an optional exponent; nothing else.
    static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isNumber)
    }

    /// ``isNumber(_:)`` of UTF-8 bytes.
    static func isNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes = text[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let b = bytes.first, b >= 0x30, b <= 0x39 {
                bytes = bytes.dropFirst()
                n += 1
            }
            return n
        }
        guard digits() > 0 else { return false }
        if let b = bytes.first, b == UInt8(ascii: ".") || b == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let b = bytes.first, b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
