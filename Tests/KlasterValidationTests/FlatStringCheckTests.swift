@testable import KlasterValidation
import KlasterYAML
import Testing

/// A flat record's strings are checked as their bytes (``ScalarValue/text``): lengths in code
/// points, `const` and `enum` by code points, patterns and formats. Each case must give what
/// the tree reading gives, and the verdict a JSON Schema validator gives.
@Suite struct FlatStringCheckTests {
    static let schema = """
        {"type": "object", "properties": {
          "short": {"type": "string", "maxLength": 3},
          "long": {"type": "string", "minLength": 4},
          "city": {"enum": ["Łódź", "Kraków", 12]},
          "animal": {"const": "żółw"},
          "word": {"type": "string", "pattern": "^[a-ząęłóśżźćń]+$"},
          "mail": {"type": "string", "format": "email"},
          "day": {"type": "string", "format": "date"}
        }}
        """

    /// The violations of `yaml` read flat and read as a tree, as keyword, pointer and message.
    func bothReadings(_ yaml: String) throws -> (flat: [String], tree: [String]) {
        let schema = try Support.schema(Self.schema)
        let flat = try #require(Array(yaml.utf8).withUnsafeBufferPointer { YAMLParser().parseFlat($0) }, "read flat: \(yaml)")
        func shown(_ violations: [SchemaViolation]) -> [String] {
            violations.map { "\($0.keyword) \($0.pointer) \($0.mark.line):\($0.mark.column) \($0.message)" }
        }
        return (shown(schema.validateDocument(flat)), shown(schema.validate(try Support.document(yaml))))
    }

    func keywords(_ yaml: String) throws -> [String] {
        let (flat, tree) = try bothReadings(yaml)
        #expect(flat == tree, "\(yaml)")
        return flat.map { String($0.prefix { $0 != " " }) }
    }

    @Test func lengthsCountCodePointsNotBytes() throws {
        // Three letters in six bytes: not too long. Four letters in four bytes: long enough.
        #expect(try keywords("short: ąęł\nlong: abcd\n").isEmpty)
        #expect(try keywords("short: ąęłó\n") == ["maxLength"])
        #expect(try keywords("long: żół\n") == ["minLength"])
        // A letter and a combining mark are two code points.
        #expect(try keywords("short: \"e\u{301}e\u{301}\"\n") == ["maxLength"])
    }

    @Test func constAndEnumCompareCodePoints() throws {
        #expect(try keywords("city: Łódź\nanimal: żółw\n").isEmpty)
        #expect(try keywords("city: 12\n").isEmpty)
        #expect(try keywords("city: \"12\"\n") == ["enum"])
        // The same word with its marks decomposed is other code points: not one of the values.
        #expect(try keywords("city: Ło\u{301}dz\u{301}\n") == ["enum"])
        #expect(try keywords("animal: \"z\u{307}o\u{301}łw\"\n") == ["const"])
        #expect(try keywords("animal: żółwie\n") == ["const"])
        let (flat, _) = try bothReadings("animal: żółwie\n")
        #expect(flat.first?.hasSuffix("'animal' must be \"żółw\", got \"żółwie\"") == true, "\(flat)")
    }

    @Test func patternsAndFormatsReadTheText() throws {
        #expect(try keywords("word: źdźbło\nmail: a@b\nday: '2024-02-29'\n").isEmpty)
        #expect(try keywords("word: Źdźbło\n") == ["pattern"])
        #expect(try keywords("word: abc1\n") == ["pattern"])
        #expect(try keywords("mail: nobody\n") == ["format"])
        #expect(try keywords("day: '2023-02-29'\n") == ["format"])
        let (flat, _) = try bothReadings("mail: \"ą\\nb\"\n")
        #expect(flat == ["format /mail 1:7 'mail' must be an email address, got \"ą\\nb\""])
    }
}
