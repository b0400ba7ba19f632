import PropertyBased
import Testing

@testable import KlasterStore

/// The listing sorts ids with memcmp; the order must be ``RecordFile/<``'s (UTF-8 bytes).
@Suite struct ListingOrderTests {
    @Test func bytesPrecedeIsUTF8Order() async {
        let pieces = ["a", "b", "-", "a-", "0", "9", "ż", "z", ""]
        await propertyCheck(input: Gen<String?>.element(of: pieces).array(of: 0...6).array(of: 2...2)) { pair in
            let a = pair[0].compactMap { $0 }.joined()
            let b = pair[1].compactMap { $0 }.joined()
            #expect(Store.bytesPrecede(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
        }
    }
}
