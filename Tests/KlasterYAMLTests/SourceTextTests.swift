@testable import KlasterYAML
import PropertyBased
import Testing

/// The character-to-byte conversion behind every span: the table that non-ASCII files use and
/// the cursor walk that files too large for the table use must agree, in any order of lookups.
@Suite struct SourceTextTests {
    /// Byte offsets of every character index, by table and by walk, in a shuffled order.
    private static func offsets(_ text: String, bom: Bool, order: [Int]) -> (table: [Int], walked: [Int]) {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var table = SourceText(buffer)
            var walker = SourceText(buffer)
            _ = table.check()
            _ = walker.check()
            let count = text.unicodeScalars.count
            let indexes = order.map { $0 % (count + 1) }
            return (indexes.map { table.byteOffset(ofCharacter: $0) }, indexes.map { walker.walkedOffset(ofCharacter: $0) })
        }
    }

    @Test func tableAndWalkAgreeOnMixedText() async {
        await propertyCheck(count: 300, input: NastyStrings.string, Gen.bool, Gen.int(in: 0...10_000).array(of: 1...40)) { text, bom, order in
            let result = Self.offsets("é" + text + "ż\n", bom: bom, order: order)
            #expect(result.table == result.walked)
        }
    }

    @Test func tableGivesEachCharactersFirstByte() {
        let text = "aż€😀b\n"
        let result = Self.offsets(text, bom: true, order: Array(0...6))
        #expect(result.table == [3, 4, 6, 9, 13, 14, 15])
        #expect(result.walked == result.table)
    }
}
