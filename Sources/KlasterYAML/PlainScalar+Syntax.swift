/// Whether a text can stand as a plain scalar at all, whatever a resolver makes of it.
extension PlainScalar {
    /// The syntactic rules libyaml's emitter and YAML readers apply to plain scalars, kept at
    /// least as strict as libyaml's so that the emitter never falls back to a style Klaster did
    /// not choose.
    static func isPlainSyntax(_ b: UnsafeBufferPointer<UInt8>, inFlow: Bool) -> Bool {
        guard let first = b.first, let last = b.last else { return false }
        if first == 0x20 || last == 0x20 { return false }
        if b.count >= 3, (b[0] == 0x2D && b[1] == 0x2D && b[2] == 0x2D) || (b[0] == 0x2E && b[1] == 0x2E && b[2] == 0x2E) {
            return false
        }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        case UInt8(ascii: "-"):
            if followedByBlank(b, 0) { return false }
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
            if inFlow || followedByBlank(b, 0) { return false }
        default:
            break
        }
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                guard c >= 0x20 && c != 0x7F else { return false }
                switch c {
                case UInt8(ascii: ":"):
                    if inFlow || followedByBlank(b, i) { return false }
                case UInt8(ascii: "#"):
                    if i > 0 && b[i - 1] == 0x20 { return false }
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"):
                    if inFlow { return false }
                default:
                    break
                }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(b, at: i), isPrintableNonBreak(scalar) else { return false }
            i += length
        }
        return true
    }

    /// True when the byte after `index` is a space or the end of the text.
    private static func followedByBlank(_ b: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 1 >= b.count || b[index + 1] == 0x20 || b[index + 1] == 0x09
    }

    /// Non-ASCII characters libyaml writes as they are, outside quotes: printable and not a line
    /// break (NEL, LS and PS are breaks to YAML 1.1) nor a byte-order mark.
    static func isPrintableNonBreak(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x2027, 0x202A...0xD7FF: true
        case 0xE000...0xFFFD: scalar != 0xFEFF
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The Unicode scalar starting at `index` of valid UTF-8, and its length in bytes.
    static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let b0 = b[index]
        let length: Int
        var scalar: UInt32
        switch b0 {
        case 0xC0...0xDF: length = 2; scalar = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(b0 & 0x0F)
        case 0xF0...0xF7: length = 4; scalar = UInt32(b0 & 0x07)
        default: return nil
        }
        guard index + length <= b.count else { return nil }
        for k in 1..<length { scalar = scalar << 6 | UInt32(b[index + k] & 0x3F) }
        return (scalar, length)
    }
}
