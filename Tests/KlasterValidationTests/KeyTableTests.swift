import PropertyBased
import Testing

@testable import KlasterValidation

@Suite struct KeyTableTests {
    @Test func findsEveryKeyAndNothingElse() async {
        let pieces: [String] = ["a", "b", "_", "ż", "name", "valid_until", "12345678", "-"]
        await propertyCheck(count: 300, input: Gen<String?>.element(of: pieces).array(of: 0...6).array(of: 0...40)) { lists in
            let words = lists.map { $0.compactMap { $0 }.joined() }
            let keys = Array(Set(words.prefix(words.count / 2)))
            let table = KeyTable(keys)
            for (i, key) in keys.enumerated() { #expect(table.index(of: key) == i) }
            for word in words.suffix(words.count - words.count / 2) where !keys.contains(word) {
                #expect(table.index(of: word) == nil, "\(word)")
            }
        }
    }

    @Test func hashLooksAtEveryByte() {
        let base = String(repeating: "x", count: 23)
        var seen = Set<Int>()
        for i in 0..<23 {
            var bytes = Array(base.utf8)
            bytes[i] = UInt8(ascii: "y")
            seen.insert(TextHash.hash(String(decoding: bytes, as: UTF8.self)))
        }
        #expect(seen.count == 23)
        #expect(TextHash.hash("") != TextHash.hash("\u{0}"))
    }
}
