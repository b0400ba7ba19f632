internal import CLibYAML

/// How one scalar is handed to libyaml: the text, the style asked for and the tag to write.
///
/// The choice is made here rather than left to libyaml, whose own checks know YAML's syntax but
/// not its resolvers: left alone it would write `no`, `0012` or `2013-01-15` plain.
struct ScalarPlan {
    var text: String
    var style: yaml_scalar_style_t
    /// The tag to write; `nil` leaves it implicit.
    var tag: String?

    init(_ scalar: YAMLScalar, inFlow: Bool, isLast: Bool) {
        text = scalar.value
        tag = scalar.tag
        let plan = PlainScalar.withBytes(scalar.value) { bytes in
            Self.plan(scalar, bytes: bytes, inFlow: inFlow, isLast: isLast)
        }
        style = plan.style
        if plan.tagIsImplicit {
            if scalar.value.isEmpty { text = "null" }
            tag = nil
        }
    }

    /// The reading a core tag asks for; `nil` for other tags, which are always written.
    private static func expectedReading(_ tag: String) -> PlainScalar.Reading? {
        switch tag {
        case EncodingTags.int: .int
        case EncodingTags.float: .float
        case EncodingTags.bool: .bool
        case EncodingTags.null: .null
        case EncodingTags.timestamp: .timestamp
        default: nil
        }
    }

    /// The style, and whether the tag can be left implicit (the text is then written plain: as
    /// it is, or `null` for an empty `!!null`), from one look at the scalar's bytes.
    private static func plan(
        _ scalar: YAMLScalar,
        bytes: UnsafeBufferPointer<UInt8>,
        inFlow: Bool,
        isLast: Bool
    ) -> (style: yaml_scalar_style_t, tagIsImplicit: Bool) {
        if let tag = scalar.tag, let expected = expectedReading(tag) {
            if expected == .null && bytes.isEmpty { return (YAML_PLAIN_SCALAR_STYLE, true) }
            let reading = expected == .timestamp ? PlainScalar.yaml11Reading(bytes: bytes) : PlainScalar.coreReading(bytes: bytes)
            if reading == expected, PlainScalar.isPlainSyntax(bytes, inFlow: inFlow) { return (YAML_PLAIN_SCALAR_STYLE, true) }
        }
        return (style(for: scalar, bytes: bytes, inFlow: inFlow, isLast: isLast), false)
    }

    private static func style(
        for scalar: YAMLScalar,
        bytes: UnsafeBufferPointer<UInt8>,
        inFlow: Bool,
        isLast: Bool
    ) -> yaml_scalar_style_t {
        let breaks = LineBreaks(bytes: bytes)
        if breaks.any {
            let wantsBlock = scalar.style == .plain || scalar.style == .literal || scalar.style == .folded
            // A document must end with one line break, so its last scalar cannot keep extra ones
            // (libyaml keeps them with `|+`, also for a text that is only a line break).
            let keeps = breaks.trailing > 1 || breaks.trailing == bytes.count
            guard wantsBlock, !inFlow, breaks.onlyLineFeeds, !(isLast && keeps) else {
                return YAML_DOUBLE_QUOTED_SCALAR_STYLE
            }
            return scalar.style == .folded ? YAML_FOLDED_SCALAR_STYLE : YAML_LITERAL_SCALAR_STYLE
        }
        switch scalar.style {
        case .plain:
            if scalar.tag != nil {
                return PlainScalar.isPlainSyntax(bytes, inFlow: inFlow) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
            }
            return PlainScalar.isSafePlain(bytes: bytes, inFlow: inFlow) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .singleQuoted:
            return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted:
            return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal, .folded:
            guard !inFlow, !bytes.isEmpty else { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
            return scalar.style == .folded ? YAML_FOLDED_SCALAR_STYLE : YAML_LITERAL_SCALAR_STYLE
        }
    }
}

/// The line breaks in a text, as far as choosing a block style needs to know.
private struct LineBreaks {
    var any = false
    /// No break other than `\n` (a `\r`, NEL, LS or PS would not survive a block scalar).
    var onlyLineFeeds = true
    /// How many `\n` end the text.
    var trailing = 0

    /// Reads the UTF-8 bytes: `\r` is 0D, NEL C2 85, LS and PS E2 80 A8 and E2 80 A9.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        // Most text has none of the four bytes a break starts with: skip it eight bytes a step.
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if Self.has(w, 0x0A) || Self.has(w, 0x0D) || Self.has(w, 0xC2) || Self.has(w, 0xE2) { break }
                i += 8
            }
        }
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A {
                any = true
                trailing += 1
            } else {
                trailing = 0
                if byte == 0x0D
                    || (byte == 0xC2 && i + 1 < n && bytes[i + 1] == 0x85)
                    || (byte == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9))
                {
                    any = true
                    onlyLineFeeds = false
                }
            }
            i += 1
        }
    }

    /// Whether one of the eight bytes of `w` is `byte`.
    @inline(__always)
    private static func has(_ w: UInt64, _ byte: UInt8) -> Bool {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
