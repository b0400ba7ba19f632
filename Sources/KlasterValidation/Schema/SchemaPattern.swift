/// A compiled `pattern`, searched (not anchored) in a string, as JSON Schema asks.
///
/// Patterns are compiled with Swift's `Regex` and matched on Unicode scalars, which reads the
/// common subset of ECMA-262 and Python `re` syntax alike: classes, quantifiers, groups,
/// alternation, anchors, `\d \w \s` (Unicode-aware, as in Python), lookahead. Like Python's `re`
/// (what the reference validator uses), `$` also matches before a final line feed; `\Z` matches
/// only at the very end. Not supported, as in neither reference: backreferences to named groups
/// spelt `\k<name>` in one and `(?P=name)` in the other are each read by Swift's own syntax.
public struct SchemaPattern: @unchecked Sendable {
    // Regex is an immutable value whose lazily compiled program is guarded internally.
    private let regex: Regex<AnyRegexOutput>
    /// The pattern as written in the schema.
    public let source: String

    public init(_ source: String) throws(SchemaError) {
        self.source = source
        do {
            regex = try Regex(Self.translated(source)).matchingSemantics(.unicodeScalar)
        } catch {
            throw SchemaError(.pattern, "the pattern \(source) is not a regular expression Klaster can read")
        }
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// Rewrites the anchors whose meaning differs between Python's `re` and Swift's `Regex`.
    static func translated(_ source: String) -> String {
        var out = ""
        var inClass = false
        var escaped = false
        for ch in source {
            if escaped {
                escaped = false
                if !inClass && ch == "Z" {
                    out += "z"
                } else {
                    out.append(ch)
                }
                continue
            }
            switch ch {
            case "\\":
                escaped = true
                out.append(ch)
            case "[" where !inClass:
                inClass = true
                out.append(ch)
            case "]" where inClass:
                inClass = false
                out.append(ch)
            case "$" where !inClass:
                out += "(?=\\n?\\z)"
            default:
                out.append(ch)
            }
        }
        return out
    }
}
