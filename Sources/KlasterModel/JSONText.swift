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

    /// Per byte: whether JSON text escapes it (a control character, `"`, `\`, DEL).
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static let escaped: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }

    /// Appends `text`'s escaped form (no quotes) to `out` (UTF-8): `"`, `\` and the control
    /// characters (and DEL) escaped, everything else, non-ASCII included, as it is.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var needsWork = false
            for byte in bytes where escaped[Int(byte)] {
                needsWork = true
                break
            }
            guard needsWork else {
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
}
