/// A compiled `pattern`, searched (not anchored) in a string, as JSON Schema asks.
///
/// The reference is Python's `re.search` (what `jsonschema` uses), on Unicode scalars. Patterns
/// in the subset schemas use (anchors, classes, `\d \s`, groups, alternation, greedy
/// quantifiers) run on ``SimplePattern``; others on Swift's `Regex` with Unicode-scalar
/// semantics, which reads the common subset of ECMA-262 and Python syntax alike (`\w`,
/// lookaround, lazy quantifiers, ...). Like Python, `$` also matches before a final line feed
/// and `\Z` only at the very end. Syntax that exists in only one dialect (Python's `(?P=name)`,
/// ECMA's `\cX`, Unicode property classes) is read the way Swift's `Regex` reads it, or refused
/// as a schema error.
public struct SchemaPattern: @unchecked Sendable {
    // Regex is an immutable value whose lazily compiled program is guarded internally.
    /// The compiled forms, behind one reference, so that copying a pattern costs one retain.
    private final class Storage: @unchecked Sendable {
        /// Swift's `Regex` for a pattern the fast matcher does not take; `nil` when it does (a
        /// `Regex` costs about 100 µs to build, which every `klaster` run would pay for every pattern).
        let regex: Regex<AnyRegexOutput>?
        /// The fast matcher, for patterns within its subset.
        let simple: SimplePattern?
        /// The fast matcher's automaton, for ASCII texts, when it is small.
        let automaton: PatternAutomaton?

        init(source: String, regex: Regex<AnyRegexOutput>?, simple: SimplePattern?) {
            self.regex = regex
            self.simple = simple
            automaton = simple.flatMap { PatternAutomaton.cached(source, $0) }
        }
    }

    private let storage: Storage
    /// The pattern as written in the schema.
    public let source: String

    public init(_ source: String) throws(SchemaError) {
        self.source = source
        let simple = SimplePattern(source)
        let compiled = simple == nil ? Self.compile(source) : nil
        guard compiled != nil || simple != nil else {
            throw SchemaError(.pattern, "the pattern \(source) is not a regular expression Klaster can read")
        }
        storage = Storage(source: source, regex: compiled, simple: simple)
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        if let verdict = storage.automaton?.search(text) { return verdict }
        return matchesWithoutAutomaton(text)
    }

    /// ``matches(_:)`` of UTF-8 text.
    func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let verdict = storage.automaton?.search(bytes: bytes) { return verdict }
        return matchesWithoutAutomaton(String(decoding: bytes, as: UTF8.self))
    }

    /// The verdict for a text the automaton does not take (not all ASCII, or no automaton).
    private func matchesWithoutAutomaton(_ text: String) -> Bool {
        if let simple = storage.simple { return simple.search(text) ?? false }
        return regexMatches(text)
    }

    /// The verdict of the backtracking matcher alone (`nil` when it is not used or gave up).
    func backtrackingMatches(_ text: String) -> Bool? {
        storage.simple?.search(text)
    }

    /// True when the automaton takes this pattern (for ASCII texts).
    var hasAutomaton: Bool { storage.automaton != nil }

    /// The verdict of Swift's `Regex` alone (built here when the fast matcher took the pattern);
    /// `false` when `Regex` refuses the pattern.
    func regexMatches(_ text: String) -> Bool {
        guard let regex = storage.regex ?? Self.compile(source) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }

    private static func compile(_ source: String) -> Regex<AnyRegexOutput>? {
        try? Regex(translated(source)).matchingSemantics(.unicodeScalar)
    }

    /// True when the fast matcher handles this pattern.
    var isSimple: Bool { storage.simple != nil }

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
