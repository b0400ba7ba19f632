import Foundation
@testable import KlasterExport
import KlasterModel
import KlasterValidation
import KlasterYAML
import Testing

/// The CSV export walks an ordinary record straight from its flat document, and any other from
/// its built value: both walks of one record must give the same rows and the same arrays.
@Suite struct CSVRowsTests {
    /// The record `text` of `kind` both ways: flat (nil when the fast reader does not take it)
    /// and built, as ``ExportDataset`` builds it (`id` first).
    static func readings(_ text: String, kind: RecordKind, id: String, schema: JSONSchema) throws -> (FlatCSVTree, ValueCSVTree)? {
        guard let flat = Array(text.utf8).withUnsafeBufferPointer({ YAMLParser().parseFlat($0) }) else { return nil }
        let tree = try #require(try YAMLParser().parse(text))
        let value = ExportDataset.withID(schema.canonicalJSON(of: tree), id)
        return (FlatCSVTree(reader: CanonicalReader(schema: schema, document: flat), id: id), ValueCSVTree(root: value))
    }

    /// Variants of a record: its own text, its top-level blocks in reverse order, without its
    /// `id`, with unknown fields, empty lists, and a list of objects where the schema has none.
    static func variants(_ text: String) -> [String] {
        var blocks: [[Substring]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " ", first != "-", first != "#" { blocks.append([line]) } else if !blocks.isEmpty { blocks[blocks.count - 1].append(line) }
        }
        let reversed = blocks.reversed().map { $0.joined(separator: "\n") }.joined(separator: "\n") + "\n"
        let withoutID = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("id:") }.joined(separator: "\n")
        return [
            text, reversed, withoutID,
            text + "zzz_extra: [1, two, {a: b}]\nempty_list: []\nnested: {inner: {deep: \"x, \\\"y\\\"\"}, list: []}\n",
            text + "objects:\n  - {name: one, n: 1}\n  - {name: two, tags: [a, b]}\n",
        ]
    }

    /// Calls `body` with every variant of every sample of `kind` that reads flat: the sample's
    /// file name, the record's id and schema, the variant's text and both readings of it.
    /// Returns how many there were.
    @discardableResult
    static func forEachVariant(
        of kind: RecordKind,
        _ body: (_ file: String, _ id: String, _ schema: JSONSchema, _ text: String, FlatCSVTree, ValueCSVTree) throws -> Void
    ) throws -> Int {
        let bundled = try #require(BundledSchemas.all.first { $0.kind == kind.folder })
        let schema = try JSONSchema(json: bundled.text, file: bundled.file)
        let folder = ExportTestSupport.samples + "/" + kind.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        var count = 0
        for file in files {
            let id = String(file.dropLast(5))
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for variant in variants(text) {
                guard let (flat, built) = try readings(variant, kind: kind, id: id, schema: schema) else { continue }
                try body(file, id, schema, variant, flat, built)
                count += 1
            }
        }
        #expect(count >= files.count * 4)
        return count
    }

    @Test(arguments: RecordKind.allCases)
    func flatAndBuiltWalksGiveTheSameRows(kind: RecordKind) throws {
        try Self.forEachVariant(of: kind) { file, id, schema, variant, flat, built in
            let arrays = CSVRows.arraysOfObjects(in: flat)
            #expect(arrays.map(\.name) == CSVRows.arraysOfObjects(in: built).map(\.name), "\(file):\n\(variant)")
            #expect(arrays.map(\.path) == CSVRows.arraysOfObjects(in: built).map(\.path), "\(file):\n\(variant)")
            // The walk in document order finds the same arrays, each at the same place.
            let raw = try #require(CSVRows.arraysOfObjects(inFlat: flat.reader.document))
            #expect(Dictionary(uniqueKeysWithValues: raw.map { ($0.name, $0.path) }) == Dictionary(uniqueKeysWithValues: arrays.map { ($0.name, $0.path) }))
            // The keyed lists the schema declares among them, as the exporter learns them.
            var keyed: [String: String] = [:]
            for array in arrays {
                if let info = schema.fieldInfo(at: array.path), info.xMerge == .keyed, let key = info.xMergeKey { keyed[array.name] = key }
            }
            for lists in [keyed, [:]] {
                let rows = CSVRows(kind: kind, keyedLists: lists)
                #expect(Self.rows(rows, flat, id) == Self.rows(rows, built, id), "\(file):\n\(variant)")
            }
        }
    }

    /// The rows of one record as a batch holds them, and the names its numbers stand for.
    static func rows(_ rows: CSVRows, _ tree: some CSVTree, _ id: String) -> [String] {
        var batch = CSVBatch()
        rows.addRows(of: tree, id: id, to: &batch)
        return [batch.bytes.map(String.init).joined(separator: ","), "\(batch.tables.names)", "\(batch.columns.names)", "\(batch.paths.names)"]
    }

    /// A dotted path that names two places (a key with a dot in it) leaves the order the
    /// arrays are met in to the walk in schema order.
    @Test func aDottedPathWithTwoPlacesIsLeftToTheSchemaOrderWalk() throws {
        let text = "id: x\n\"a.b\": [{x: 1}]\na:\n  b: [{y: 2}]\n"
        let flat = try #require(Array(text.utf8).withUnsafeBufferPointer { YAMLParser().parseFlat($0) })
        #expect(CSVRows.arraysOfObjects(inFlat: flat) == nil)
        let plain = try #require(Array("id: x\na:\n  b: [{y: 2}, 3]\nc: [[{z: 1}]]\n".utf8).withUnsafeBufferPointer { YAMLParser().parseFlat($0) })
        let found = try #require(CSVRows.arraysOfObjects(inFlat: plain))
        #expect(found.map(\.name) == ["a.b"])
        #expect(found.map(\.path) == [YAMLPath().appending(key: "a").appending(key: "b")])
    }
}
