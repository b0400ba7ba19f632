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
        let python = try #require(Self.python(), "python3 is not on PATH")
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

        let schemaJSON = try JSONReader().read([UInt8](schemaBytes))
        let request = JSONValue.object(JSONObject([("schema", schemaJSON), ("instances", .array(instances))]))
        let script = try Support.fixtures.appendingPathComponent("differential.py")
        let output = try Self.run(python, [script.path], input: request.jsonText())
        let response = try #require(try JSONReader().read(output).objectValue)
        let results = try #require(response["results"]?.arrayValue)
        try #require(results.count == Self.recordCount)
        // Without `rfc3987` (or `rfc3986-validator`) Python does not check `format: uri`.
        let uriChecked = response["uri_checked"] == .bool(true)

        var validCount = 0
        var disagreements = 0
        for (i, result) in results.enumerated() {
            let object = try #require(result.objectValue)
            let pythonPointers = Set((object["pointers"]?.arrayValue ?? []).compactMap(\.stringValue))
            var ours = swiftResults[i]
            if !uriChecked {
                ours.violations.removeAll { $0.keyword == "format" && $0.pointer == "/website" }
                ours.pointers = Set(ours.violations.map(\.pointer))
                ours.valid = ours.violations.isEmpty
            }
            if ours.valid { validCount += 1 }
            let agree = ours.valid == (object["valid"] == .bool(true)) && ours.pointers == pythonPointers
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

    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func run(_ executable: URL, _ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonFailure(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }
}
