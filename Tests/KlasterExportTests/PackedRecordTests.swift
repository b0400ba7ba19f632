import Foundation
@testable import KlasterExport
import KlasterModel
import KlasterStore
import KlasterValidation
import Testing

/// A record packed between the passes of an export unpacks to exactly the value it was: the
/// same types (an integer stays an integer, a double a double), texts, key order and nesting.
@Suite struct PackedRecordTests {
    /// Equal in every way the exporters can see, not only as JSON Schema compares values.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(.int(let x)), .number(.int(let y))): return x == y
        case (.number(.double(let x)), .number(.double(let y))): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return Array(x.utf8) == Array(y.utf8)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && zip(x.entries, y.entries).allSatisfy { Array($0.key.utf8) == Array($1.key.utf8) && same($0.value, $1.value) }
        default: return false
        }
    }

    static func roundTrip(_ value: JSONValue) -> JSONValue {
        PackedRecord(ExportRecord(kind: .news, id: "x", file: "news/x.yaml", value: value)).value
    }

    @Test func everyKindOfValueComesBackAsItWas() {
        let long = String(repeating: "Zażółć gęślą jaźń 🇵🇱 ", count: 40)  // > 127 and > 16,383 bits of length
        var many: [(key: String, value: JSONValue)] = []
        for i in 0..<300 { many.append(("k\(299 - i)", .number(.int(Int64(i) * 1_000_003)))) }
        let values: [JSONValue] = [
            .null, .bool(true), .bool(false),
            .number(.int(0)), .number(.int(-1)), .number(.int(Int64.max)), .number(.int(Int64.min)),
            .number(.double(0.5)), .number(.double(-0.0)), .number(.double(1e300)), .number(.double(3.0)),
            .number(.double(.infinity)),
            .string(""), .string("a"), .string("ąę"), .string(long), .string("a\u{0}b"), .string("\r\n\t\"<&>"),
            .array([]), .object(JSONObject()),
            .array([.null, .array([.array([.string("deep")])]), .object(JSONObject([("z", .bool(true)), ("a", .null)]))]),
            .object(JSONObject(many)),
            .array((0..<200).map { .number(.int(Int64($0))) }),
            .object(JSONObject([("id", .string("x")), ("zzz", .string("last first")), ("aaa", .array([.string("ż")]))])),
        ]
        for value in values {
            let back = Self.roundTrip(value)
            #expect(Self.same(back, value), "\(value.jsonText()) came back as \(back.jsonText())")
        }
        // An integer and the equal double stay apart.
        #expect(!Self.same(Self.roundTrip(.number(.int(3))), .number(.double(3.0))))
        let record = PackedRecord(ExportRecord(kind: .members, id: "m", file: "members/m.yaml", value: .object(JSONObject(many))))
        #expect(record.record.kind == .members && record.record.id == "m" && record.record.file == "members/m.yaml")
        #expect(record.bytes.count < 300 * 16)  // key, tag and 8 bytes each: no boxes, no padding
    }

    /// Read in place, item by item, a packed value gives what unpacking it gives; skipping a
    /// value lands on the next one, whatever it holds.
    @Test func aReaderWalksAndSkipsEveryKindOfValue() {
        let long = String(repeating: "ąę", count: 100)
        let values: [JSONValue] = [
            .null, .bool(true), .bool(false), .number(.int(-7)), .number(.double(2.5)), .string(""), .string(long),
            .array([]), .array([.string("a"), .array([.null, .number(.int(1))])]),
            .object(JSONObject([("k", .object(JSONObject([("deep", .array([.bool(true)]))]))), (long, .string(long))])),
        ]
        for value in values {
            let after = JSONValue.string("after")
            let packed = PackedRecord(ExportRecord(kind: .news, id: "x", file: "news/x.yaml", value: .array([value, after])))
            packed.withReader { reader in
                guard case .array(count: 2) = reader.next() else {
                    Issue.record("not an array of two")
                    return
                }
                var copy = reader
                #expect(Self.same(copy.value(), value))
                switch (reader.nextKind, value) {
                case (.string, .string), (.array, .array), (.object, .object): break
                case (.scalar, .null), (.scalar, .bool), (.scalar, .number): break
                default: Issue.record("\(reader.nextKind) for \(value.jsonText())")
                }
                if case .array(let items) = value {
                    var opened = reader
                    #expect(opened.open() == items.count)
                } else if case .object(let members) = value {
                    var opened = reader
                    #expect(opened.open() == members.count)
                }
                reader.skip()
                #expect(Self.same(reader.value(), after), "after \(value.jsonText())")
                #expect(reader.at == packed.bytes.count)
            }
        }
    }

    @Test func theSamplesComeBackAsTheyWereRead() throws {
        let dir = try TempFolder()
        let store = try Store.open(at: try dir.copySamples())
        let dataset = try ExportDataset.load(from: store).dataset
        var count = 0
        for kind in dataset.kinds {
            let records = dataset.records(of: kind)
            let packed = records.map(PackedRecord.init)
            // Moved into one shared buffer, each record still unpacks to itself.
            let shared = PackedRecord.sharingOneBuffer(packed)
            #expect(shared.count == records.count)
            for (record, (alone, sharing)) in zip(records, zip(packed, shared)) {
                #expect(Array(alone.bytes) == Array(sharing.bytes))
                for back in [alone.record, sharing.record] {
                    #expect(back.id == record.id && back.file == record.file && back.kind == record.kind)
                    #expect(Self.same(back.value, record.value), "\(record.file)")
                }
                count += 1
            }
        }
        #expect(count > 10)
    }
}

/// The HTML export packs an ordinary record straight from its flat document: the bytes must be
/// those of its built value packed.
@Suite struct PackedFromFlatTests {
    @Test(arguments: RecordKind.allCases)
    func packingTheFlatDocumentGivesTheBuiltValuesBytes(kind: RecordKind) throws {
        try CSVRowsTests.forEachVariant(of: kind) { file, id, schema, variant, flat, built in
            let parsed = ParsedRecord(kind: kind, id: id, file: file, flat: flat.reader.document, schema: schema)
            let record = ExportRecord(kind: kind, id: id, file: file, value: built.root)
            let fromFlat = PackedRecord(parsed)
            #expect(Array(fromFlat.bytes) == Array(PackedRecord(record).bytes), "\(file):\n\(variant)")
            #expect(fromFlat.member("id") == built.root.objectValue?["id"])
            #expect(fromFlat.member("name") == built.root.objectValue?["name"])
        }
    }
}
