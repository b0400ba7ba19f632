/// How YAML resolvers read a plain (unquoted) scalar, and whether a string may be written plain.
///
/// Two resolvers matter. YAML 1.2's core schema is what Klaster itself uses when a field wants a
/// number, a boolean or null. YAML 1.1, which PyYAML, Ruby's Psych and many older tools still
/// follow, reads far more as non-strings: `yes`/`no`/`on`/`off`/`y`/`n`, octal `0123`, `0x1F`,
/// `1_000`, sexagesimal `1:20`, dates, `<<` and `=`. A string is safe to write plain only when
/// neither resolver turns it into something else and the text has no YAML syntax in it.
public enum PlainScalar {
    /// What a resolver makes of a plain scalar; `nil` from the functions below means a string.
    public enum Reading: Hashable, Sendable {
        case null, bool, int, float, timestamp
        /// `<<`, YAML 1.1's merge key.
        case merge
        /// `=`, YAML 1.1's "value" key, which PyYAML's safe loader refuses to construct.
        case value
    }

    /// The YAML 1.1 reading of a plain scalar, as PyYAML's resolver makes it (plus the spec's
    /// `y`/`Y`/`n`/`N` booleans, which PyYAML leaves out but other 1.1 tools read as booleans).
    public static func yaml11Reading(_ text: String) -> Reading? {
        withBytes(text) { yaml11Reading(bytes: $0) }
    }

    /// The YAML 1.2 core-schema reading of a plain scalar.
    public static func coreReading(_ text: String) -> Reading? {
        withBytes(text) { coreReading(bytes: $0) }
    }

    /// True when `text` can be written as a plain scalar in block context and every common YAML
    /// tool reads it back as this same string.
    ///
    /// False for the empty string, for text with leading or trailing whitespace, line breaks,
    /// tabs or other characters YAML must escape, for YAML syntax (`: `, ` #`, a leading
    /// indicator such as `-␠`, `&`, `*`, `!`, `[`, `'`), and for anything ``yaml11Reading(_:)``
    /// or ``coreReading(_:)`` reads as a non-string. Booleans and nulls are matched in any
    /// letter case (`yEs`, `nULL`), since some tools are lenient there.
    public static func isSafePlain(_ text: String) -> Bool {
        isSafePlain(text, inFlow: false)
    }

    /// ``isSafePlain(_:)`` for a scalar inside a flow collection, where `,[]{}` and `:` are
    /// syntax too.
    public static func isSafePlain(_ text: String, inFlow: Bool) -> Bool {
        withBytes(text) { isSafePlain(bytes: $0, inFlow: inFlow) }
    }

    static func isSafePlain(bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool) -> Bool {
        isPlainSyntax(bytes, inFlow: inFlow)
            && yaml11Reading(bytes: bytes) == nil
            && coreReading(bytes: bytes) == nil
            && !isLenientKeyword(bytes)
    }

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    // MARK: - YAML 1.2 core schema

    static func coreReading(bytes b: UnsafeBufferPointer<UInt8>) -> Reading? {
        if isCoreNull(b) { return .null }
        if isCoreBool(b) != nil { return .bool }
        if isCoreInt(b) { return .int }
        if isCoreFloat(b) { return .float }
        return nil
    }

    static func isCoreNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || equals(b, "~") || equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
    }

    /// The value of a core-schema boolean, `nil` when the text is not one.
    static func isCoreBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(b, "true") || equals(b, "True") || equals(b, "TRUE") { return true }
        if equals(b, "false") || equals(b, "False") || equals(b, "FALSE") { return false }
        return nil
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`.
    static func isCoreInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty else { return false }
        if b.count > 2, b[0] == UInt8(ascii: "0") {
            if b[1] == UInt8(ascii: "o") { return b[2...].allSatisfy(isOctal) }
            if b[1] == UInt8(ascii: "x") { return b[2...].allSatisfy(isHex) }
        }
        let start = isSign(b[0]) ? 1 : 0
        return b.count > start && b[start...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isCoreFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if isNaN(b) || isInfinity(b) { return true }
        var c = Cursor(b)
        c.skipSign()
        let whole = c.count(isDigit)
        var fraction = 0
        var dot = false
        if c.take(UInt8(ascii: ".")) {
            dot = true
            fraction = c.count(isDigit)
        }
        if whole == 0 && (!dot || fraction == 0) { return false }
        if c.take(UInt8(ascii: "e")) || c.take(UInt8(ascii: "E")) {
            c.skipSign()
            if c.count(isDigit) == 0 { return false }
        }
        return c.atEnd
    }

    static func isNaN(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(b, ".nan") || equals(b, ".NaN") || equals(b, ".NAN")
    }

    /// `[-+]?\.(inf|Inf|INF)`; the sign is returned as -1 or +1, `nil` when not an infinity.
    static func infinitySign(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        let signed = isSign(b[0])
        let rest = UnsafeBufferPointer(rebasing: b[(signed ? 1 : 0)...])
        guard equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") else { return nil }
        return signed && b[0] == UInt8(ascii: "-") ? -1 : 1
    }

    static func isInfinity(_ b: UnsafeBufferPointer<UInt8>) -> Bool { infinitySign(b) != nil }

    // MARK: - Lenient spellings

    /// The lowercase spellings of ``isLenientKeyword(_:)``, packed as ``packLowercased(_:)`` does.
    private static let lenientWords: [UInt64] = ["yes", "no", "on", "off", "y", "n", "true", "false", "null", ".nan", ".inf", "+.inf", "-.inf"]
        .map { word in PlainScalar.withBytes(word) { packLowercased($0) ?? 0 } }

    /// Booleans, nulls and special floats in any letter case.
    static func isLenientKeyword(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let packed = packLowercased(b) else { return false }
        return lenientWords.contains(packed)
    }

    /// Up to five ASCII bytes, lowercased, in one integer (with the length, so that prefixes
    /// differ); `nil` for longer or non-ASCII text.
    private static func packLowercased(_ b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !b.isEmpty, b.count <= 5 else { return nil }
        var packed = UInt64(b.count)
        for byte in b {
            guard byte < 0x80 else { return nil }
            packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return packed
    }

    // MARK: - Bytes

    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        for i in 0..<b.count where b[i] != l[i] { return false }
        return true
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }
    @inline(__always) static func isSign(_ c: UInt8) -> Bool { c == 0x2B || c == 0x2D }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// A forward reader over the bytes of a scalar.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[index] }

        mutating func take(_ c: UInt8) -> Bool {
            guard current == c else { return false }
            index += 1
            return true
        }

        mutating func take(where predicate: (UInt8) -> Bool) -> Bool {
            guard let c = current, predicate(c) else { return false }
            index += 1
            return true
        }

        mutating func skipSign() {
            if let c = current, isSign(c) { index += 1 }
        }

        /// Consumes the longest run of matching bytes and returns its length.
        mutating func count(_ predicate: (UInt8) -> Bool) -> Int {
            let start = index
            while let c = current, predicate(c) { index += 1 }
            return index - start
        }
    }
}
