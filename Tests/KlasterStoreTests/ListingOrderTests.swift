import KlasterModel
import PropertyBased
import Testing

@testable import KlasterStore

/// The listing sorts ids with String's own order; for valid ids (ASCII: `[a-z0-9-]`) that must
/// be ``RecordFile/<``'s order, the UTF-8 bytes'.
@Suite struct ListingOrderTests {
    @Test func stringOrderIsUTF8OrderForIDs() async {
        let pieces = ["a", "b", "-", "a-", "0", "9", "z", "aa", "0-9"]
        await propertyCheck(input: Gen<String?>.element(of: pieces).array(of: 0...8).array(of: 2...2)) { pair in
            let a = pair[0].compactMap { $0 }.joined()
            let b = pair[1].compactMap { $0 }.joined()
            #expect((a < b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
        }
    }

    @Test func aListingIsInByteOrder() throws {
        let dir = try TempDir()
        try dir.write("klaster.yaml", "format: 1\nname: x\n")
        let ids = ["b", "a-b", "a0", "a", "ab", "a-", "z9", "0", "9-a", "a-b-c", "fundacja-1000", "fundacja-999"]
        for id in ids { try dir.write("members/\(id).yaml", "id: \(id)\n") }
        let store = try Store.open(at: dir.path)
        let listed = try store.list(.members).records.map(\.id)
        let valid = ids.filter { !$0.hasSuffix("-") }
        #expect(listed == valid.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(try store.list(.members).strays == ["members/a-.yaml"])
    }
}
