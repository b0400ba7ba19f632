/// Checks a file's bytes before libyaml sees them, and turns libyaml's positions into ``Mark``s.
///
/// libyaml counts positions in characters; Klaster reports byte offsets too, so that editors can
/// splice the text. The conversion walks a cursor over the bytes, which costs nothing for ASCII
/// files and is linear for the mostly-forward order in which events arrive.
struct SourceText: ~Copyable {
    let base: UnsafeBufferPointer<UInt8>
    /// Bytes skipped before the text libyaml reads (a UTF-8 byte-order mark).
    let prefix: Int
    let isASCII: Bool
    private var cursorIndex = 0
    private var cachedEndMark: Mark?
    private var cursorOffset = 0

    /// The result of checking: `nil` when the bytes are UTF-8 with no NUL.
    struct Problem {
        var code: YAMLError.Code
        var offset: Int
        var message: String
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            prefix = 3
        } else {
            prefix = 0
        }
        isASCII = SourceText.allASCII(bytes)
        cursorOffset = prefix
    }

    /// The bytes libyaml should read.
    var body: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[prefix...])
    }

    private static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for byte in bytes { acc |= byte }
        return acc < 0x80
    }

    /// The first NUL byte or invalid UTF-8 sequence, if any.
    func check() -> Problem? {
        let bytes = base
        var i = prefix
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 == 0 { return Problem(code: .nulByte, offset: i, message: "the file contains a NUL byte") }
                i += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b0 & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(b0 & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(b0 & 0x07)
            default: return invalid(at: i)
            }
            guard i + length <= n else { return invalid(at: i) }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return invalid(at: i) }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return invalid(at: i)
            }
            i += length
        }
        return nil
    }

    private func invalid(at offset: Int) -> Problem {
        let byte = String(base[offset], radix: 16, uppercase: true)
        return Problem(code: .invalidUTF8, offset: offset, message: "the file is not valid UTF-8 (byte 0x\(byte))")
    }

    /// The mark of a byte offset, counting lines and columns from the start (for errors found
    /// outside libyaml).
    func mark(atByteOffset offset: Int) -> Mark {
        var line = 1
        var lineStart = prefix
        var i = prefix
        while i < offset && i < base.count {
            if base[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < offset && j < base.count {
            if base[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return Mark(offset: offset, line: line, column: column)
    }

    /// The mark just past the last byte, counted once.
    mutating func endMark() -> Mark {
        if let cachedEndMark { return cachedEndMark }
        let end = mark(atByteOffset: base.count)
        cachedEndMark = end
        return end
    }

    /// The byte offset of libyaml's character index.
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return index + prefix }
        let bytes = base
        while cursorIndex < index && cursorOffset < bytes.count {
            cursorOffset += 1
            while cursorOffset < bytes.count && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset += 1 }
            cursorIndex += 1
        }
        while cursorIndex > index && cursorOffset > prefix {
            cursorOffset -= 1
            while cursorOffset > prefix && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset -= 1 }
            cursorIndex -= 1
        }
        return cursorOffset
    }

    /// The offset of the start of the line holding `offset`.
    func lineStart(before offset: Int) -> Int {
        var i = min(offset, base.count)
        while i > prefix && base[i - 1] != 0x0A { i -= 1 }
        return i
    }
}
