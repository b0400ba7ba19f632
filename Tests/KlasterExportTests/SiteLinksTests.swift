@testable import KlasterExport
import KlasterModel
import KlasterValidation
import Testing

/// The site numbers records in the dataset's order and orders related records by number only
/// when that is the order of their keys (kind, then id as `String` orders it).
@Suite struct SiteLinksTests {
    static func links(ids: [String]) throws -> SiteLinks {
        let records = ids.map { ExportRecord(kind: .members, id: $0, file: "members/\($0).yaml", value: .object(JSONObject([("id", .string($0))]))) }
        let dataset = ExportDataset(name: "t", kinds: [.clusters, .members], schemas: [:], records: [.members: records, .clusters: [
            ExportRecord(kind: .clusters, id: "z", file: "clusters/z.yaml", value: .object(JSONObject([("id", .string("z"))]))),
        ]])
        var dates: [(key: RecordKey, date: String)] = []
        var kept: [RecordKind: [PackedRecord]]? = nil
        return try SiteLinks(dataset, dates: &dates, kept: &kept) { _ in }
    }

    @Test func recordsAreOrderedByNumberOnlyWhenNumbersFollowTheKeys() throws {
        let plain = try Self.links(ids: ["b", "a", "c"])
        #expect(plain.numbersInKeyOrder)
        #expect(plain.keys.map(\.id) == ["z", "a", "b", "c"])
        #expect(plain.numbers[RecordKey(kind: .members, id: "b")] == 2)

        // Bytes put the decomposed "e\u{301}x" before the composed "é"; String puts it after.
        let mixed = try Self.links(ids: ["\u{E9}", "e\u{301}x", "a"])
        #expect(!mixed.numbersInKeyOrder)
        for a in mixed.keys.indices {
            for b in mixed.keys.indices {
                #expect(mixed.precedes(a, b) == (mixed.keys[a] < mixed.keys[b]), "\(mixed.keys[a].id) before \(mixed.keys[b].id)")
            }
        }
    }

    /// A record's members are found by name as Strings compare them: the decomposed "e\u{301}"
    /// is the composed "é"'s place, though their bytes differ.
    @Test func membersAreFoundByCanonicallyEquivalentNames() {
        let root = ShapeNode(label: "")
        var path: [String?] = []
        var keys: Set<String> = []
        for key in ["\u{E9}", "b", "e\u{301}"] {
            let record = PackedRecord(ExportRecord(kind: .members, id: "x", file: "members/x.yaml", value: .object(JSONObject([(key, .string("v"))]))))
            record.withReader { root.add(&$0, path: &path, schema: nil, keys: &keys) }
        }
        #expect(root.names.count == 2)
        var cursor = 1
        Array("e\u{301}".utf8).withUnsafeBufferPointer { #expect(root.member($0, after: &cursor) == 0) }
        #expect(cursor == 1)
        Array("b".utf8).withUnsafeBufferPointer { #expect(root.member($0, after: &cursor) == 1) }
    }
}
