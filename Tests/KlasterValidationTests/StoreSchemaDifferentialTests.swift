import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// The differential test over Klaster's own schemas (`schemas/*.schema.json`) and the records in
/// `samples/`, each sample also in seeded, schema-agnostic mutations (a value replaced by a
/// tricky spelling, a field removed, renamed or added). Runs when the package has both folders,
/// or on the folder named by `KLASTER_DIFFERENTIAL_ROOT`.
@Suite(.enabled(if: StoreFolders.root != nil))
struct StoreSchemaDifferentialTests {
    static let kinds = ["clusters", "members", "agreements", "news"]
    static let replacements = [
        "yes", "15.01.2013", "-5", "[1, 2]", "{}", "\"\"", "x", "0000012345", "https://example.org/a", "~", "12.5",
        "NOT-AN-ENUM", "2020-02-30", "true", "a@b", "not a uri", "okip", "2013-01-15",
    ]

    @Test(arguments: kinds)
    func agreesWithPythonJsonschema(kind: String) throws {
        let root = try #require(StoreFolders.root)
        let schemaBytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("schemas/\(kind).schema.json")))
        let schema = try JSONSchema(json: schemaBytes, file: "\(kind).schema.json")
        #expect(schema.unsupportedKeywords.isEmpty, "\(schema.unsupportedKeywords)")
        let folder = root.appendingPathComponent("samples/\(kind)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(!files.isEmpty)

        var random = SeededRandom(seed: 7)
        var texts: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            texts.append(text)
            for _ in 0..<40 { texts.append(Self.mutate(text, &random)) }
        }
        var documents: [(text: String, violations: [SchemaViolation])] = []
        var instances: [JSONValue] = []
        for text in Set(texts).sorted() {
            guard let document = try? YAMLParser().parse(text) else { continue }
            documents.append((text, schema.validate(document)))
            instances.append(schema.jsonValue(of: document))
        }
        let oracle = try PythonOracle.validate(schema: try JSONReader().read(schemaBytes), instances: instances)
        try #require(oracle.results.count == documents.count)
        var valid = 0
        for (i, result) in oracle.results.enumerated() {
            var ours = documents[i].violations
            if !oracle.uriChecked { ours.removeAll { $0.keyword == "format" && $0.message.contains("URI") } }
            if ours.isEmpty { valid += 1 }
            let pointers = Set(ours.map(\.pointer))
            if ours.isEmpty != result.valid || pointers != result.pointers {
                Issue.record(
                    """
                    \(kind): Klaster \(pointers.sorted()), jsonschema \(result.pointers.sorted())
                    \(documents[i].text)\(ours.map(\.description).joined(separator: "\n"))
                    """
                )
            }
        }
        print("store differential, \(kind): \(documents.count) records, \(valid) valid")
        #expect(documents.count > files.count * 10)
    }

    /// One schema-agnostic change to a record's text.
    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keyed = lines.indices.filter { i in
            let line = lines[i].drop { $0 == " " || $0 == "-" }
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
            return !line.hasPrefix("#") && line[line.index(after: colon)...].hasPrefix(" ")
        }
        guard let i = keyed.randomElement(using: &random) else { return text + "zzz_unknown: 1\n" }
        let line = lines[i]
        let colon = line.firstIndex(of: ":")!
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            lines.remove(at: i)
        case 1:
            lines.append("zzz_unknown: 1")
        case 2:
            let indent = line.prefix { $0 == " " || $0 == "-" }
            lines[i] = indent + "zzz_renamed" + line[colon...]
        default:
            lines[i] = line[...colon] + " " + replacements.randomElement(using: &random)!
        }
        return lines.joined(separator: "\n")
    }
}

/// Where Klaster's `schemas/` and `samples/` are: the package root, or `KLASTER_DIFFERENTIAL_ROOT`.
enum StoreFolders {
    static var root: URL? {
        let environment = ProcessInfo.processInfo.environment["KLASTER_DIFFERENTIAL_ROOT"]
        let candidate = environment.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schemas = candidate.appendingPathComponent("schemas/clusters.schema.json").path
        let samples = candidate.appendingPathComponent("samples").path
        let exists = FileManager.default.fileExists(atPath: schemas) && FileManager.default.fileExists(atPath: samples)
        return exists ? candidate : nil
    }
}
