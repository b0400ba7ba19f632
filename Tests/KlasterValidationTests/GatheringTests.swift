import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// `validate(_:gathering:)` walks a record once for the verdict and the scalars the store's
/// checks read; it must give exactly what `validate(_:)` and `annotatedScalars(in:)` give apart,
/// on schemas with `$ref`, `allOf`, `anyOf` and `oneOf`, on valid and broken records.
@Suite struct GatheringTests {
    /// What identifies a gathered scalar: its place, meaning and annotations.
    static func summary(_ scalars: [AnnotatedScalar]) -> [String] {
        scalars.map { s in
            "\(s.path.jsonPointer) \(s.scalar.span.start) \(s.value) \(s.expected.rawValue) "
                + "\(s.xRef.map(String.init(describing:)) ?? "-") \(s.xCheck?.rawValue ?? "-") \(s.xUnique)"
        }
    }

    static func expectSame(_ schema: JSONSchema, _ document: YAMLNode, _ text: String) {
        let (violations, scalars) = schema.validate(document, gathering: { _, _ in true })
        let apart = schema.validate(document)
        #expect(violations.map { "\($0.pointer) \($0)" } == apart.map { "\($0.pointer) \($0)" }, "\(text)")
        #expect(summary(scalars) == summary(schema.annotatedScalars(in: document)), "\(text)")
        // The store's filter: annotated places and plain scalars only.
        let some: (YAMLScalar, Bool) -> Bool = { scalar, annotated in annotated || scalar.style == .plain }
        let filtered = schema.validate(document, gathering: some).scalars
        #expect(summary(filtered) == summary(schema.annotatedScalars(in: document, including: some)), "\(text)")
    }

    @Test func sameAsApartOnGeneratedRecords() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        var generator = RecordGenerator(seed: 20_261_203)
        for _ in 0..<300 {
            let yaml = GeneratedValue.document(generator.record())
            let document = try #require(try YAMLParser().parse(yaml, file: "record.yaml"))
            Self.expectSame(schema, document, yaml)
        }
    }

    @Test(.enabled(if: StoreFolders.root != nil), arguments: StoreSchemaDifferentialTests.kinds)
    func sameAsApartOnSamplesAndMutations(kind: String) throws {
        let root = try #require(StoreFolders.root)
        let schemaBytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("schemas/\(kind).schema.json")))
        let schema = try JSONSchema(json: schemaBytes, file: "\(kind).schema.json")
        let folder = root.appendingPathComponent("samples/\(kind)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(!files.isEmpty)
        var random = SeededRandom(seed: 11)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for variant in [text] + (0..<20).map({ _ in StoreSchemaDifferentialTests.mutate(text, &random) }) {
                guard let document = try? YAMLParser().parse(variant) else { continue }
                Self.expectSame(schema, document, variant)
                checked += 1
            }
        }
        #expect(checked > files.count * 10)
    }

    @Test func placesWithSeveralSchemasAreGatheredOnce() throws {
        let schema = try Support.schema(
            """
            {"type": "object", "allOf": [
              {"properties": {"a": {"type": "string", "x-ref": "members"}}},
              {"properties": {"a": {"minLength": 1}, "b": {"type": "string"}}}
            ], "anyOf": [{"properties": {"c": {"type": "integer"}}}, {"properties": {"c": {"type": "string"}}}]}
            """
        )
        let document = try Support.document("c: 12\nb: x\na: okip\n")
        let (_, scalars) = schema.validate(document, gathering: { _, _ in true })
        #expect(scalars.map(\.path.jsonPointer) == ["/c", "/b", "/a"])
        #expect(scalars.last?.xRef != nil)
        Self.expectSame(schema, document, "allOf and anyOf")
    }
}
