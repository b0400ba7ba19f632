import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// Exports read ordinary records flat (`YAMLParser.parseFlat`, `canonicalJSON(of: FlatYAML)`):
/// the value must be exactly the one the tree gives, and everything else must go to the tree.
/// The JSON export writes a flat record's text straight from it (`writeCanonicalJSON`): that
/// text must be exactly the tree's value written out.
@Suite struct FlatCanonicalTests {
    static func flat(_ text: String) -> FlatYAML? {
        Array(text.utf8).withUnsafeBufferPointer { YAMLParser().parseFlat($0) }
    }

    /// Compares the two readings of `text`; returns whether it was read flat.
    @discardableResult
    static func expectSame(_ schema: JSONSchema, _ text: String) throws -> Bool {
        guard let flat = flat(text) else { return false }
        let tree = try #require(try YAMLParser().parse(text))
        #expect(schema.canonicalJSON(of: flat) == schema.canonicalJSON(of: tree), "\(text)")
        #expect(schema.canonicalJSON(of: flat).jsonText() == schema.canonicalJSON(of: tree).jsonText(), "\(text)")
        for indent in [0, 2] {
            var written: [UInt8] = []
            schema.writeCanonicalJSON(of: flat, indent: indent, to: &written)
            var expected: [UInt8] = []
            schema.canonicalJSON(of: tree).writePretty(to: &expected, indent: indent)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(text)")
        }
        for id in ["the-file-stem", "zażółć \"ąę\""] {
            var written: [UInt8] = []
            schema.writeCanonicalJSON(of: flat, leadingID: id, indent: 1, to: &written)
            var expected: [UInt8] = []
            withLeadingID(schema.canonicalJSON(of: tree), id).writePretty(to: &expected, indent: 1)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(text)")
        }
        return true
    }

    /// An object with its `id` member moved first, or `"id": id` put first when it has none.
    static func withLeadingID(_ value: JSONValue, _ id: String) -> JSONValue {
        guard case .object(let object) = value else { return value }
        var entries = object.entries
        if let index = entries.firstIndex(where: { $0.key == "id" }) {
            entries.insert(entries.remove(at: index), at: 0)
        } else {
            entries.insert(("id", .string(id)), at: 0)
        }
        return .object(JSONObject(entries))
    }

    @Test func textIsWrittenAsTheValueIsOnEdgeCases() throws {
        let schema = try Support.schema(
            #"""
            {"type": "object", "properties": {"name": {"type": "string"}, "id": {"type": "string"},
             "n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}},
             "inner": {"type": "object", "properties": {"b": {}, "a": {}}}}}
            """#
        )
        let texts = [
            "n: 3\nname: x\n",
            "id: later\nname: first\n",
            "zzz: unknown\nname: \"quote \\\" backslash \\\\ tab \\t bell \\a del \\x7F nl \\n\"\nid: x\n",
            "name: Łódź – ąę 😀\ntags: []\ninner: {}\n",
            "inner:\n  a: [1, {}, [], {c: d}]\n  b: ~\n  z: .inf\ntags: [a, 'b', \"c\"]\n",
            "name: |\n  two\n  lines\nn: -0\nother: 1.50\nyes: yes\n",
            "empty: {}\n",
        ]
        for text in texts { #expect(try Self.expectSame(schema, text), "\(text)") }
    }

    @Test func sameAsTheTreeOnGeneratedRecords() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        var generator = RecordGenerator(seed: 20_261_204)
        var flatCount = 0
        for _ in 0..<300 where try Self.expectSame(schema, GeneratedValue.document(generator.record())) { flatCount += 1 }
        #expect(flatCount > 250)
    }

    @Test(.enabled(if: StoreFolders.root != nil), arguments: StoreSchemaDifferentialTests.kinds)
    func sameAsTheTreeOnSamplesAndMutations(kind: String) throws {
        let root = try #require(StoreFolders.root)
        let schema = try JSONSchema(json: [UInt8](Data(contentsOf: root.appendingPathComponent("schemas/\(kind).schema.json"))))
        let folder = root.appendingPathComponent("samples/\(kind)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var random = SeededRandom(seed: 5)
        var flatCount = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(try Self.expectSame(schema, text), "\(file) is an ordinary record")
            for _ in 0..<20 where try Self.expectSame(schema, StoreSchemaDifferentialTests.mutate(text, &random)) { flatCount += 1 }
        }
        #expect(flatCount > files.count * 10)
    }

    @Test func tagsStylesAndAliasesReadAsTheTreeReadsThem() throws {
        let schema = try Support.schema(
            #"{"type": "object", "properties": {"n": {"type": "string"}, "m": {"type": "integer"}, "l": {"type": "array", "items": {"type": "string"}}}}"#
        )
        let text = """
            n: 0012
            m: !!str 12
            k: !!float 3
            a: &x [yes, "no", 'ż', ~]
            l: *x
            b: |
              two
              lines
            c: null
            """
        #expect(try Self.expectSame(schema, text))
    }

    @Test func whatTheFastReaderLeavesGoesToTheTree() {
        for text in ["", "# only a comment\n", "- a list\n", "just text\n", "a: 1\na: 2\n", "base: &b {x: 1}\nc:\n  <<: *b\n",
            "? [a, b]\n: c\n", "a: !custom x\n", "a: [unclosed\n", "zażółć: 1\n"]
        {
            #expect(Self.flat(text) == nil, "\(text)")
        }
        #expect(Self.flat("a: 1\n") != nil)
    }
}
