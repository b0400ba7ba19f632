/// Writing JSON text by hand where the shape is fixed: strings escaped as RFC 8259 requires,
/// non-ASCII written as is (UTF-8), so output is readable and byte-for-byte deterministic.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, quotes included, to `out` (UTF-8).
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The digits of a `\u00XX` escape.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether any byte is one JSON text escapes: a control character, `"`, `\\` or DEL. Eight
    /// bytes at a time: a byte of a word is below 0x20, or equal to one of the others, when the
    /// word's "has a byte less than n" test (`(w - n·0x01…) & ~w & 0x80…`) finds one.
    @inline(__always)
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        @inline(__always) func hasByte(_ word: UInt64, _ value: UInt64) -> Bool { hasByteBelow(word ^ (ones &* value), 1) }
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var at = 0
        while at + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if hasByteBelow(word, 0x20) || hasByte(word, 0x22) || hasByte(word, 0x5C) || hasByte(word, 0x7F) { return true }
            at += 8
        }
        while at < bytes.count {
            let byte = bytes[at]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            at += 1
        }
        return false
    }

    /// Appends `text`'s escaped form (no quotes) to `out` (UTF-8): `"`, `\` and the control
    /// characters (and DEL) escaped, everything else, non-ASCII included, as it is.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped(bytes: $0, to: &out) }
    }

    /// Appends `bytes` (UTF-8) as a JSON string literal, quotes included, to `out`.
    public static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(bytes: bytes, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// ``appendEscaped(_:to:)`` for text given as UTF-8 bytes.
    public static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard needsEscaping(bytes) else {
            out.append(contentsOf: bytes)
            return
        }
        // Every character escaped is ASCII: a byte is one, and the bytes of a non-ASCII
        // character pass through.
        for byte in bytes {
            switch byte {
            case 0x22: out += [0x5C, 0x22]  // \"
            case 0x5C: out += [0x5C, 0x5C]  // \\
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20, 0x7F:
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
    }
}
