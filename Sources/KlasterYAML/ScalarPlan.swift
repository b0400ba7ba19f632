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

    private static let corePrefix = "tag:yaml.org,2002:"

    init(_ scalar: YAMLScalar, inFlow: Bool, isLast: Bool) {
        text = scalar.value
        tag = scalar.tag
        if let tag = scalar.tag, let implicit = Self.implicitText(scalar.value, tag: tag, inFlow: inFlow) {
            text = implicit
            self.tag = nil
            style = YAML_PLAIN_SCALAR_STYLE
            return
        }
        style = Self.style(for: scalar, inFlow: inFlow, isLast: isLast)
    }

    /// The plain text that carries a core tag implicitly, or `nil` when the tag must be written.
    private static func implicitText(_ text: String, tag: String, inFlow: Bool) -> String? {
        guard tag.hasPrefix(corePrefix) else { return nil }
        let expected: PlainScalar.Reading
        switch tag.dropFirst(corePrefix.count) {
        case "int": expected = .int
        case "float": expected = .float
        case "bool": expected = .bool
        case "null": expected = .null
        default: return nil
        }
        if expected == .null && text.isEmpty { return "null" }
        let syntax = PlainScalar.withBytes(text) { PlainScalar.isPlainSyntax($0, inFlow: inFlow) }
        guard syntax, PlainScalar.coreReading(text) == expected else { return nil }
        return text
    }

    private static func style(for scalar: YAMLScalar, inFlow: Bool, isLast: Bool) -> yaml_scalar_style_t {
        let text = scalar.value
        let breaks = LineBreaks(text)
        if breaks.any {
            let wantsBlock = scalar.style == .plain || scalar.style == .literal || scalar.style == .folded
            // A document must end with one line break, so its last scalar cannot keep extra ones.
            guard wantsBlock, !inFlow, breaks.onlyLineFeeds, !(isLast && breaks.trailing > 1) else {
                return YAML_DOUBLE_QUOTED_SCALAR_STYLE
            }
            return scalar.style == .folded ? YAML_FOLDED_SCALAR_STYLE : YAML_LITERAL_SCALAR_STYLE
        }
        switch scalar.style {
        case .plain:
            if scalar.tag != nil {
                let syntax = PlainScalar.withBytes(text) { PlainScalar.isPlainSyntax($0, inFlow: inFlow) }
                return syntax ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
            }
            return PlainScalar.isSafePlain(text, inFlow: inFlow) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .singleQuoted:
            return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted:
            return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal, .folded:
            guard !inFlow, !text.isEmpty else { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
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

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                any = true
                trailing += 1
            case 0x0D, 0x85, 0x2028, 0x2029:
                any = true
                onlyLineFeeds = false
                trailing = 0
            default:
                trailing = 0
            }
        }
    }
}
