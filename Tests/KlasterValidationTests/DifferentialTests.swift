import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// Klaster's verdict against Python's `jsonschema` (Draft202012Validator with its format checker)
/// on generated records: the same valid/invalid verdict and the same set of instance locations
/// with errors. Python validates the JSON each YAML record means; that this JSON is what the
/// generator meant is checked too, so YAML typing is tested independently of both validators.
@Suite struct DifferentialTests {
    static let recordCount = 400

    @Test func agreesWithPythonJsonschema() throws {
        let schemaURL = try Support.fixtures.appendingPathComponent("organisation.schema.json")
        let schemaBytes = try Data(contentsOf: schemaURL)
        let schema = try JSONSchema(json: [UInt8](schemaBytes), file: "organisation.schema.json")
        #expect(schema.unsupportedKeywords.isEmpty)

        var generator = RecordGenerator(seed: 20_260_101)
        var instances: [JSONValue] = []
        var swiftResults: [(yaml: String, valid: Bool, pointers: Set<String>, violations: [SchemaViolation])] = []
        for _ in 0..<Self.recordCount {
            let fields = generator.record()
            let yaml = GeneratedValue.document(fields)
            let document = try #require(try YAMLParser().parse(yaml, file: "record.yaml"), "\(yaml)")
            let meant = GeneratedValue.map(fields, flow: false).meaning
            let typed = schema.jsonValue(of: document)
            #expect(typed == meant, "YAML typing differs from the generator's meaning:\n\(yaml)\n\(typed)\n\(meant)")
            instances.append(typed)
            let violations = schema.validate(document)
            #expect(schema.isValid(document) == violations.isEmpty)
            swiftResults.append((yaml, violations.isEmpty, Set(violations.map(\.pointer)), violations))
        }

        let oracle = try PythonOracle.validate(schema: try JSONReader().read([UInt8](schemaBytes)), instances: instances)
        try #require(oracle.results.count == Self.recordCount)
        // Without `rfc3987` (or `rfc3986-validator`) Python does not check `format: uri`.
        let uriChecked = oracle.uriChecked

        var validCount = 0
        var disagreements = 0
        for (i, result) in oracle.results.enumerated() {
            let pythonPointers = result.pointers
            var ours = swiftResults[i]
            if !uriChecked {
                ours.violations.removeAll { $0.keyword == "format" && $0.pointer == "/website" }
                ours.pointers = Set(ours.violations.map(\.pointer))
                ours.valid = ours.violations.isEmpty
            }
            if ours.valid { validCount += 1 }
            let agree = ours.valid == result.valid && ours.pointers == pythonPointers
            if !agree {
                disagreements += 1
                Issue.record(
                    """
                    record \(i) disagrees: Klaster \(ours.pointers.sorted()), jsonschema \(pythonPointers.sorted())
                    \(ours.yaml)\(ours.violations.map(\.description).joined(separator: "\n"))
                    """
                )
            }
        }
        print("differential: \(Self.recordCount) records, \(validCount) valid, uri checked by Python: \(uriChecked)")
        #expect(disagreements == 0)
        // The generator must produce both kinds in fair numbers, or the comparison says little.
        #expect(validCount >= Self.recordCount / 5)
        #expect(Self.recordCount - validCount >= Self.recordCount / 5)
    }

    @Test func yamlTypingHoldsForStringsAndBooleans() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let krs = try Support.document("id: a\nname: ab\nkind: cluster\nkrs: 0000012345\ncountry: NO\n")
        #expect(schema.validate(krs).isEmpty)
        let yes = try Support.document("id: a\nname: ab\nkind: cluster\nactive: yes\n")
        let found = schema.validate(yes)
        #expect(found.map(\.keyword) == ["type"])
        #expect(found.map(\.pointer) == ["/active"])
    }
}
