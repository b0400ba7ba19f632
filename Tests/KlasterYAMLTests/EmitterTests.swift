import Foundation
import KlasterYAML
import Testing

@Suite struct EmitterTests {
    let emitter = YAMLEmitter()

    static func string(_ text: String, _ style: ScalarStyle = .plain) -> YAMLNode { .scalar(YAMLScalar(text, style: style)) }

    static func map(_ pairs: [(String, YAMLNode)], style: CollectionStyle = .block) -> YAMLNode {
        .mapping(YAMLMapping(pairs.map { YAMLMapping.Entry(key: string($0.0), value: $0.1) }, style: style))
    }

    static let int = "tag:yaml.org,2002:int"

    /// The document of `Fixtures/emitter-golden.yaml`, built in memory.
    static let golden: YAMLNode = map([
        ("plain", string("Śląski Klaster Innowacji")),
        ("leading zeros", string("0012")),
        ("krs", string("0000012345")),
        ("no", string("no")),
        ("on", string("on")),
        ("date", string("2013-01-15")),
        ("phone", string("+48123")),
        ("phone spaced", string("+48 32 123 45 67")),
        ("null word", string("null")),
        ("tilde", string("~")),
        ("exponent", string("1e3")),
        ("octal", string("0123")),
        ("sexagesimal", string("1:20")),
        ("lead", string(" leading space")),
        ("trail", string("trailing space ")),
        ("colon", string("key: value")),
        ("hash", string("text #comment")),
        ("hash inside", string("C#")),
        ("dash", string("- item")),
        ("quote", string("it's")),
        ("empty", string("")),
        ("emoji", string("Cześć 👋🏽 świecie")),
        ("emoji quoted", string("👍 ")),
        ("tab", string("a\tb")),
        ("control", string("bell\u{7}bell")),
        ("nel", string("a\u{85}b")),
        ("long", string("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Zażółć gęślą jaźń.")),
        ("lines", string("first\nsecond")),
        ("one newline", string("line\n")),
        ("kept newlines", string("line\n\n\n")),
        ("indented", string("  starts with spaces\nthen not")),
        ("trailing space line", string("a \nb")),
        ("carriage return", string("a\r\nb")),
        ("list", .sequence(YAMLSequence([string("a"), string("yes"), .scalar(YAMLScalar("3", tag: int))]))),
        ("empty list", .sequence(YAMLSequence([]))),
        ("empty map", .mapping(YAMLMapping([]))),
        ("nested", map([("key", string("value")), ("flow", .sequence(YAMLSequence([string("a"), string("b, c"), string("d\ne")], style: .flow)))])),
        ("last", string("ends with two\n\n")),
    ])

    /// Writing starts over through the placeholder substitution when it meets an emoji, in a key
    /// or deep in a flow list after other content has been written.
    @Test func emojiInKeysAndNestedListsComeOutAsWritten() throws {
        let node = Self.map([
            ("name", Self.string("Łódź")),
            ("😀 key", Self.string("value")),
            ("tags", .sequence(YAMLSequence([Self.string("a"), Self.string("🇵🇱 flaga")], style: .flow))),
        ])
        let text = try emitter.emit(node)
        #expect(text == "name: Łódź\n😀 key: value\ntags: [a, 🇵🇱 flaga]\n")
    }

    @Test func matchesGoldenFile() throws {
        let url = try #require(Bundle.module.url(forResource: "emitter-golden", withExtension: "yaml", subdirectory: "Fixtures"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        let output = try emitter.emit(Self.golden)
        #expect(output == expected)
    }

    @Test func goldenReadsBackUnchanged() throws {
        let output = try emitter.emit(Self.golden)
        let root = try #require(try YAMLParser().parse(output))
        #expect(root.sameContent(as: Self.golden))
    }

    @Test func explicitStylesAreHonoured() throws {
        let doc = Self.map([
            ("single", Self.string("plain", .singleQuoted)),
            ("double", Self.string("plain", .doubleQuoted)),
            ("literal", Self.string("one line", .literal)),
            ("folded", Self.string("a\nb", .folded)),
            ("tagged", .scalar(YAMLScalar("12", tag: "tag:yaml.org,2002:str"))),
        ])
        let output = try emitter.emit(doc)
        #expect(output == "single: 'plain'\ndouble: \"plain\"\nliteral: |-\n  one line\nfolded: >-\n  a\n\n  b\ntagged: !!str 12\n")
    }

    @Test func documentEndsWithOneNewlineAndNoMarkers() throws {
        for node in [Self.string("\n"), Self.string("\n", .literal), Self.map([("k", Self.string("\n", .folded))]), Self.string("x\n\n"), Self.string("plain"), Self.string("a\nb"), Self.map([("k", Self.string("v\n\n\n"))])] {
            let output = try emitter.emit(node)
            #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
            #expect(!output.hasPrefix("---") && !output.contains("\n..."))
        }
        #expect(try emitter.emit(.sequence(YAMLSequence([]))) == "[]\n")
        #expect(try emitter.emit(Self.map([], style: .flow)) == "{}\n")
    }

    @Test func flowCollectionsStayFlow() throws {
        let doc = Self.map([("m", Self.map([("a", Self.string("1")), ("b", Self.string("x"))], style: .flow))])
        #expect(try emitter.emit(doc) == "m: {a: \"1\", b: x}\n")
    }

    @Test func emittedStringsReadTheSameInPyYAML() throws {
        let texts = PlainScalarTests.candidates() + [
            "Zażółć gęślą jaźń", "👋🏽 hi", "a\u{2028}b", "x\u{1F}y", "\u{FEFF}", "tab\tend\t", "  ", "\n", "\n\nx", "x\n \n",
            "key: value", "a # b", "'", "\"", "\\", "- ", "? ", "%TAG", "!!str", "*alias", "&anchor", "<<", "=",
        ]
        let documents = try texts.map { text in try emitter.emit(Self.map([("v", Self.string(text))])) }
        let readings = try PyYAML.load(documents)
        try #require(readings.count == texts.count)
        for (i, reading) in readings.enumerated() {
            #expect(reading == PyYAML.Reading(type: "str", value: texts[i]), "\(texts[i].debugDescription) → \(documents[i].debugDescription)")
        }
    }
}
