import KlasterYAML
import Testing

@Suite struct PlainScalarTests {
    static let yaml11NonStrings = [
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        "true", "False", "~", "null", "NULL", "", "0123", "0x1F", "0b101", "1_000", "1:20", "190:20:30",
        "1:20.5", "1.5", ".5", "1.", "-1.5e+3", ".inf", "-.Inf", ".NaN", "2013-01-15", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "2001-1-1 1:02:03", "<<", "=", "+12", "-0",
    ]

    static let strings = [
        "yess", "noo", "0x1G", "1e3x", "+48 32 123", "Śląsk", "1:60x", "2013-01-15x", "2013/01/15", "O'Neil", "a-b",
        "0000012345a", "1e3", "0o", ".", "-", "1.2.3", "12:30 pm", "v1.0", "ON AIR", "nan", "inf", "1,000",
    ]

    @Test(arguments: yaml11NonStrings)
    func yaml11NonStringsAreNotSafe(_ text: String) {
        #expect(PlainScalar.yaml11Reading(text) != nil)
        #expect(!PlainScalar.isSafePlain(text))
    }

    @Test(arguments: ["yess", "noo", "0x1G", "+48 32 123", "Śląsk", "2013/01/15", "O'Neil", "v1.0", "ON AIR", "nan", "1,000"])
    func ordinaryTextIsSafe(_ text: String) {
        #expect(PlainScalar.yaml11Reading(text) == nil)
        #expect(PlainScalar.coreReading(text) == nil)
        #expect(PlainScalar.isSafePlain(text))
    }

    @Test func coreReadings() {
        #expect(PlainScalar.coreReading("1e3") == .float)
        #expect(PlainScalar.yaml11Reading("1e3") == nil)
        #expect(PlainScalar.coreReading("0o17") == .int)
        #expect(PlainScalar.coreReading("0000012345") == .int)
        #expect(PlainScalar.coreReading("yes") == nil)
        #expect(PlainScalar.coreReading("TRUE") == .bool)
        #expect(PlainScalar.coreReading("-.inf") == .float)
        #expect(PlainScalar.coreReading("1_000") == nil)
        #expect(!PlainScalar.isSafePlain("1e3"))
        #expect(!PlainScalar.isSafePlain("yEs"))
    }

    @Test(arguments: ["a: b", "a #b", " lead", "trail ", "- x", "-", "? x", ": x", "a:", "#x", "&a", "*a", "!x", "|", ">", "'q", "\"q", "%x", "@x", "`x", "[a", "{a", "---", "...x", "a\tb", "a\nb", "bell\u{7}", "del\u{7F}", "nel\u{85}", "\u{FEFF}bom"])
    func syntaxNeedsQuotes(_ text: String) {
        #expect(!PlainScalar.isSafePlain(text))
    }

    @Test func flowContextIsStricter() {
        #expect(PlainScalar.isSafePlain("a, b"))
        #expect(!PlainScalar.isSafePlain("a, b", inFlow: true))
        #expect(!PlainScalar.isSafePlain("a:b", inFlow: true))
    }

    /// Candidates built from the characters YAML 1.1's resolvers care about.
    static func candidates() -> [String] {
        var out = yaml11NonStrings + strings
        let alphabet = Array("0123456789_.:+-eExobTZ ")
        var rng = SplitMix(seed: 0x5EED)
        for _ in 0..<4000 {
            let length = Int(rng.next() % 9) + 1
            out.append(String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        }
        for y in ["2013", "201", "20133"] {
            for rest in ["-01-15", "-1-5", "-01-15T10:20:30", "-1-5 1:20:30.5 Z", "-01-15 10:20:30 +01:00", "-01-15t10:20:30-5", "-13-45", "-01-15 10:20"] {
                out.append(y + rest)
            }
        }
        for word in ["yes", "no", "on", "off", "true", "false", "null", "y", "n"] {
            out += [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), String(word.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })]
        }
        return out
    }

    @Test func agreesWithPyYAMLOnNonStrings() throws {
        let candidates = Self.candidates().filter { text in
            // Only texts that parse as a single plain scalar can be compared.
            !text.isEmpty && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains(": ") && !text.hasSuffix(":")
                && !text.contains(" #") && !text.hasPrefix("-") && !text.hasPrefix(":") || PlainScalar.isSafePlain(text)
        }
        let readings = try PyYAML.load(candidates)
        try #require(readings.count == candidates.count)
        var disagreements: [String] = []
        var nonStrings = 0
        for (text, reading) in zip(candidates, readings) {
            let pyNonString = reading.type != "str" || reading.value != text
            if pyNonString { nonStrings += 1 }
            let ours = PlainScalar.yaml11Reading(text) != nil
            // PyYAML leaves out the spec's one-letter booleans; Klaster counts them.
            let oneLetter = ["y", "Y", "n", "N"].contains(text)
            if pyNonString != ours && !(oneLetter && ours) {
                disagreements.append("\(text.debugDescription): PyYAML \(reading.type), ours \(String(describing: PlainScalar.yaml11Reading(text)))")
            }
            if PlainScalar.isSafePlain(text) {
                #expect(!pyNonString, "\(text.debugDescription) is called safe but PyYAML reads \(reading.type)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(candidates.count > 3000)
        // Both kinds are well represented, so agreement means something.
        #expect(nonStrings > 300 && candidates.count - nonStrings > 300)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
