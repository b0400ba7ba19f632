/// Checks a file's bytes before libyaml sees them, and turns libyaml's positions into ``Mark``s.
///
/// libyaml counts positions in characters; Klaster reports byte offsets too, so that editors can
/// splice the text. The conversion costs nothing for ASCII files (once ``check()`` has found them
/// ASCII); for others, the first conversion builds a table of where each character starts (four
/// bytes a character), and each one after that is a lookup. Files too large for 32-bit offsets
/// walk a cursor over the bytes instead, eight ASCII bytes a step, in the mostly-forward order in
/// which events arrive.
struct SourceText: ~Copyable {
    let base: UnsafeBufferPointer<UInt8>
    /// Bytes skipped before the text libyaml reads (a UTF-8 byte-order mark).
    let prefix: Int
    private(set) var isASCII = false
    private var cursorIndex = 0
    private var cachedEndMark: Mark?
    private var cursorOffset = 0
    /// The byte offset where each character starts, then the file's size; built on first use.
    private var characterStarts: [UInt32]?

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
        cursorOffset = prefix
    }

    /// The bytes libyaml should read.
    var body: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[prefix...])
    }

    /// Eight bytes from `offset`, which must be at least eight bytes before the end.
    private func word(at offset: Int) -> UInt64 {
        UnsafeRawPointer(base.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// Finds the first NUL byte or invalid UTF-8 sequence, if any; learns whether the text is
    /// all ASCII.
    mutating func check() -> Problem? {
        let bytes = base
        var i = prefix
        let n = bytes.count
        var ascii = true
        while i < n {
            if i + 8 <= n {
                // Eight ASCII bytes, none of them NUL, at a time.
                let w = word(at: i)
                if w & Self.highBits == 0, (w &- Self.lowBits) & ~w & Self.highBits == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 == 0 { return Problem(code: .nulByte, offset: i, message: "the file contains a NUL byte") }
                i += 1
                continue
            }
            ascii = false
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
        isASCII = ascii
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

    /// The mark just past the last byte, given libyaml's 0-based line and column for it. libyaml
    /// counts a line break that a file without a final one lacks; then the mark is counted from
    /// the bytes (once).
    mutating func endMark(line: Int, column: Int) -> Mark {
        if column != 0 || base.count == prefix || base.last == 0x0A {
            return Mark(offset: base.count, line: line + 1, column: column + 1)
        }
        if let cachedEndMark { return cachedEndMark }
        let end = mark(atByteOffset: base.count)
        cachedEndMark = end
        return end
    }

    /// The byte offset of libyaml's character index.
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return index + prefix }
        if characterStarts == nil, base.count < Int(UInt32.max) { characterStarts = Self.characterStarts(of: base, from: prefix) }
        if let starts = characterStarts {
            return starts.indices.contains(index) ? Int(starts[index]) : base.count
        }
        return walkedOffset(ofCharacter: index)
    }

    /// Where each character from `start` begins, and last the end of the bytes.
    private static func characterStarts(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count - start + 1) { table, initialized in
            let out = table.baseAddress.unsafelyUnwrapped
            let n = bytes.count
            var count = 0
            var i = start
            while i < n {
                // Eight ASCII bytes are eight characters.
                if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self) & highBits == 0 {
                    let offsets = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: i)) &+ SIMD8(0, 1, 2, 3, 4, 5, 6, 7)
                    UnsafeMutableRawPointer(out + count).storeBytes(of: offsets, as: SIMD8<UInt32>.self)
                    count += 8
                    i += 8
                    continue
                }
                if bytes[i] & 0xC0 != 0x80 {
                    out[count] = UInt32(truncatingIfNeeded: i)
                    count += 1
                }
                i += 1
            }
            out[count] = UInt32(truncatingIfNeeded: n)
            initialized = count + 1
        }
    }

    /// ``byteOffset(ofCharacter:)`` by moving a cursor from the last offset asked for.
    mutating func walkedOffset(ofCharacter index: Int) -> Int {
        let bytes = base
        // Eight bytes a step while the characters starting in them are all before `index`:
        // a byte starts a character unless it is a continuation byte (0b10xxxxxx).
        while cursorIndex < index, cursorOffset + 8 <= bytes.count {
            let w = word(at: cursorOffset)
            let starts = 8 - (w & ~(w << 1) & Self.highBits).nonzeroBitCount
            if cursorIndex + starts > index { break }
            cursorOffset += 8
            cursorIndex += starts
            while cursorOffset < bytes.count && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset += 1 }
        }
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
