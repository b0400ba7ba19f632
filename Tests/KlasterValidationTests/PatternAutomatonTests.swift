import PropertyBased
import Testing

@testable import KlasterValidation

/// The automaton must give the backtracking matcher's verdict on every ASCII text, and leave
/// other texts to it.
@Suite struct PatternAutomatonTests {
    static let patterns = PatternTests.patterns + PatternTests.pythonOnlyPatterns + ["a$\n", "^\n$", "(^a|b)c", "a(b$|c)"]
    static let alphabet = Array("ab cdxyz09-+.:@/PLAZ_\n]AZ")

    @Test func schemaPatternsGetAnAutomaton() throws {
        for source in PatternTests.patterns + PatternTests.pythonOnlyPatterns {
            #expect(try SchemaPattern(source).hasAutomaton, "\(source)")
        }
    }

    @Test(arguments: patterns)
    func automatonAgreesWithBacktracking(source: String) async throws {
        let pattern = try SchemaPattern(source)
        let program = try #require(SimplePattern(source))
        let automaton = try #require(PatternAutomaton(program))
        await propertyCheck(count: 400, input: Gen<Character?>.element(of: Self.alphabet).array(of: 0...14)) { chars in
            let text = String(chars.compactMap { $0 })
            let fast = automaton.search(text)
            let slow = program.search(text)
            #expect(fast == slow, "\(source) on \(text.debugDescription)")
            #expect(pattern.matches(text) == slow, "\(source) on \(text.debugDescription)")
        }
    }

    @Test func edgesOfTheText() throws {
        let cases: [(String, String, Bool)] = [
            ("^$", "", true), ("^$", "\n", true), ("^$", "\n\n", false), ("a$", "a\n", true), ("a$", "a\n\n", false),
            ("^[A-Z]{2}$", "PL", true), ("^[A-Z]{2}$", "PL\n", true), ("^[A-Z]{2}$", "PLX", false), ("b", "aab", true),
            ("^a", "ba", false), ("$", "", true), ("^\n$", "\n", true), ("a\n$", "a\n", true),
        ]
        for (source, text, expected) in cases {
            let program = try #require(SimplePattern(source))
            let automaton = try #require(PatternAutomaton(program))
            #expect(automaton.search(text) == expected, "\(source) on \(text.debugDescription)")
        }
    }

    @Test func nonASCIITextsGoToTheBacktracker() throws {
        let pattern = try SchemaPattern("^[a-z]+$")
        let program = try #require(SimplePattern("^[a-z]+$"))
        let automaton = try #require(PatternAutomaton(program))
        #expect(automaton.search("zażółć") == nil)
        #expect(!pattern.matches("zażółć"))
        #expect(try SchemaPattern("[ą-ż]+").matches("zażółć"))
    }

    @Test func largeAutomataAreRefused() throws {
        let program = try #require(SimplePattern("^(a{1,40}b{1,40}){1,40}$"))
        #expect(PatternAutomaton(program) == nil)
    }
}
