import Foundation
import KlasterModel
import KlasterStore
@testable import KlasterValidation
import KlasterYAML
import Testing

/// `validate` reads ordinary records flat and the rest through the tree: both readings of a
/// record must give the same diagnostics (rule, place, message, severity) and the same facts.
@Suite struct FlatRecordCheckTests {
    /// Edits aimed at the store's own checks (id, dates in order, coordinating roles, domain
    /// rules, ambiguous scalars), applied where the text has what they replace.
    static let storeEdits: [(String, String)] = [
        ("id: ", "id: not-the-file-name\nold_id: "),
        ("id: ", "id: !!null\nold_id: "),
        ("id: ", "id: ~\nold_id: "),
        ("since: ", "until: 1999-01-01\n    since: "),
        ("published: ", "modified: 1999-01-01T00:00:00Z\npublished: "),
        ("roles:", "roles: [coordinator]\n    old_roles:"),
        ("- member", "- coordinator"),
        ("nip: ", "nip: 1234567890\nold_nip: "),
        ("regon: ", "regon: '123'\nold_regon: "),
        ("country: ", "country: NO\nold_country: "),
        ("email: ", "email: on\nold_email: "),
        ("cluster: ", "cluster: no-such-cluster\n    old_cluster: "),
        ("\n", "\nanchor: &a [x, y]\nalias: *a\n"),
    ]

    static func edited(_ text: String, _ edit: (String, String)) -> String? {
        guard let range = text.range(of: edit.0) else { return nil }
        return text.replacingCharacters(in: range, with: edit.1)
    }

    @Test func flatAndTreeReadingsGiveTheSameFindings() throws {
        let samples = try SampleStore()
        let store = try samples.open()
        let validator = try StoreValidator(store: store)
        var random = SeededRandom(seed: 20_261_203)
        var compared = 0
        var flat = 0
        for kind in RecordKind.allCases {
            let folder = samples.root + "/" + kind.rawValue
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files {
                let id = String(file.dropLast(5))
                let text = try samples.read(kind.rawValue + "/" + file)
                var variants = [text] + Self.storeEdits.compactMap { Self.edited(text, $0) }
                var mutated = text
                for _ in 0..<25 {
                    mutated = StoreSchemaDifferentialTests.mutate(mutated, &random)
                    variants.append(mutated)
                    variants.append(StoreSchemaDifferentialTests.mutate(text, &random))
                }
                for variant in variants {
                    let bytes = Array(variant.utf8)
                    let path = kind.rawValue + "/" + file
                    let read = validator.check(kind: kind, id: id, relativePath: path, bytes: bytes, schemas: validator.schemas[kind], readingFlat: true)
                    let tree = validator.check(kind: kind, id: id, relativePath: path, bytes: bytes, schemas: validator.schemas[kind], readingFlat: false)
                    #expect(read.diagnostics == tree.diagnostics, "\(path):\n\(variant)")
                    #expect(read.facts == tree.facts, "\(path):\n\(variant)")
                    compared += 1
                    if bytes.withUnsafeBufferPointer({ YAMLParser().parseFlat($0) }) != nil { flat += 1 }
                }
            }
        }
        // Most variants are ordinary records, so the flat reading is what was compared.
        #expect(compared > 1_000)
        #expect(flat > compared * 3 / 4, "\(flat) of \(compared) read flat")
    }

    @Test func aRecordTheFastReaderLeavesIsStillChecked() throws {
        let samples = try SampleStore()
        let validator = try StoreValidator(store: samples.open())
        // A merge key: the tree reads it, and the merged field is checked where it is written.
        let text = "base: &b {country: XX}\nid: a\nname: {pl: A}\naddress:\n  <<: *b\n"
        #expect(Array(text.utf8).withUnsafeBufferPointer { YAMLParser().parseFlat($0) } == nil)
        let check = validator.check(kind: .members, id: "a", relativePath: "members/a.yaml", bytes: Array(text.utf8))
        #expect(!check.diagnostics.isEmpty)
        #expect(check.diagnostics == validator.check(
            kind: .members, id: "a", relativePath: "members/a.yaml", bytes: Array(text.utf8), schemas: validator.schemas[.members], readingFlat: false
        ).diagnostics)
    }
}
