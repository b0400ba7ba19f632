import PropertyBased
import Testing

@testable import KlasterValidation

/// The fast matcher must give `Regex`'s verdict (and Python's: see `agreesWithPythonRe`) on every
/// pattern it takes.
@Suite struct PatternTests {
    static let patterns = [
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^[a-z0-9]+(-[a-z0-9]+)*$",
        "^(PL-(0[2468]|[12][02468]|3[02])|([A-OQ-Z][A-Z]|P[A-KM-Z])-[A-Z0-9]{1,3})$", "^[A-Z]{2}$",
        "^https?://[^\\s]+$", "^(cluster|member):[a-z0-9]+(-[a-z0-9]+)*$", "^[0-9A-Z][0-9A-Z -]{1,9}$",
        "^([0-9]{9}|[0-9]{14})$", "^nace21?:[A-V]([0-9]{2}(\\.[0-9]{1,2})?)?$", "^\\+[1-9][0-9]{6,14}$",
        "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "^\\+?[0-9 ]+$", "^[A-Z]", "b", "a.c", "^(a|ab)(c|bcd)(d*)$",
        "^\\d{2,}$", "^(?:ab)+$", "a{2}b?", "^$", "", "a|", "(a*)*b",
        "^[-a]+$", "^[a-]+$", "\\.\\-\\/", "^\\S+\\s\\D$", "[ą-ż]+", "^[^ą]$",
    ]
    /// Python-only syntax that Swift's `Regex` refuses; the fast matcher reads it as Python does.
    /// `\w` also: Python counts every letter and numeric character (U+0660 too), `Regex` does not.
    static let pythonOnlyPatterns = ["[]a]", "[^]a]+$", "\\w+$", "^[\\w-]+\\W"]
    /// Patterns outside the fast matcher's subset, which run on `Regex`.
    static let regexPatterns = ["[\\u0100-\\u017F]", "^a+?b", "(?=a)a.", "(a)\\1"]
    /// U+001C to U+001F are whitespace to Python's `\s` (`str.isspace`) but not to `Regex`'s, and
    /// `Regex`'s `\d` takes U+2167 (Ⅷ), which is numeric but not a decimal digit; so the comparison
    /// with `Regex` leaves them out, and the one with Python keeps them.
    static let alphabet = Array("ab cdxyz09-+.:@/PLAZ_\n\u{0660}\u{00A0}\u{0301}ą]")
    static let pythonAlphabet = alphabet + ["\u{001C}", "\u{001F}", "\u{2167}"]

    @Test func schemaPatternsUseTheFastMatcher() throws {
        for source in Self.patterns + Self.pythonOnlyPatterns {
            #expect(try SchemaPattern(source).isSimple, "\(source)")
        }
        for source in Self.regexPatterns + ["(?i)a", "\\bA", "x{,3}", "[\\W]"] {
            #expect(try !SchemaPattern(source).isSimple, "\(source)")
        }
    }

    @Test(arguments: patterns)
    func fastMatcherAgreesWithRegex(source: String) async throws {
        let pattern = try SchemaPattern(source)
        await propertyCheck(count: 300, input: Gen<Character?>.element(of: Self.alphabet).array(of: 0...16)) { chars in
            let text = String(String.UnicodeScalarView(chars.compactMap { $0?.unicodeScalars.first }))
            let fast = pattern.matches(text)
            let slow = pattern.regexMatches(text)
            #expect(fast == slow, "\(source) on \(text.debugDescription)")
        }
    }

    @Test func catastrophicPatternsStayBounded() throws {
        let simple = try #require(SimplePattern("^(a+)+$"))
        #expect(simple.search(String(repeating: "a", count: 40) + "!") == nil)
        #expect(simple.search(String(repeating: "a", count: 40)) == true)
        #expect(try !SchemaPattern("^(a+)+$").matches(String(repeating: "a", count: 40) + "!"))
    }

    @Test func agreesWithPythonRe() throws {
        var cases: [JSONValue] = []
        var random = SeededRandom(seed: 11)
        for source in Self.patterns + Self.pythonOnlyPatterns + Self.regexPatterns {
            for _ in 0..<40 {
                let length = Int.random(in: 0...12, using: &random)
                let scalars = (0..<length).map { _ in Self.pythonAlphabet.randomElement(using: &random)!.unicodeScalars.first! }
                let text = String(String.UnicodeScalarView(scalars))
                cases.append(.array([.string(source), .string(text)]))
            }
        }
        let script = """
            import json, re, sys
            cases = json.load(sys.stdin)
            json.dump([re.search(p, t) is not None for p, t in cases], sys.stdout)
            """
        let output = try PythonOracle.runScript(script, input: JSONValue.array(cases).jsonText())
        let verdicts = try #require(try JSONReader().read(output).arrayValue)
        try #require(verdicts.count == cases.count)
        for (i, item) in cases.enumerated() {
            guard case .array(let pair) = item, case .string(let source) = pair[0], case .string(let text) = pair[1] else { continue }
            #expect(try SchemaPattern(source).matches(text) == (verdicts[i] == .bool(true)), "\(source) on \(text.debugDescription)")
        }
    }
}
