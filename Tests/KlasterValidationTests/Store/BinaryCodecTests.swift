@testable import KlasterValidation
import Testing

/// The validation cache's binary form: what is written reads back the same, and damaged bytes
/// read as `nil`, never as something else.
@Suite struct BinaryCodecTests {
    static let magic = Array("TEST\n".utf8)

    func file(_ writer: BinaryWriter) -> [UInt8] {
        writer.finish(magic: Self.magic).flatMap { $0 }
    }

    @Test func stringsAndNumbersReadBackInOrder() throws {
        var writer = BinaryWriter()
        // Enough distinct strings to grow the look-up table several times, each written twice.
        let strings = (0..<3_000).map { "/memberships/\($0)/cluster" } + ["", "Łódź", "żółw", String(repeating: "x", count: 70_000)]
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, Int(Int32.max), Int.max, -1, Int.min]
        // Every third string is written in place instead of through the table.
        for (i, s) in strings.enumerated() {
            writer.string(s)
            writer.varint(numbers[i % numbers.count])
            if i % 3 == 0 { writer.inlineString(s) } else { writer.string(s) }
            writer.int(i)
        }
        var reader = try #require(BinaryReader(file(writer), magic: Self.magic))
        for (i, s) in strings.enumerated() {
            #expect(reader.string() == s)
            #expect(reader.varint() == numbers[i % numbers.count])
            #expect(reader.string(equals: s) == true)
            #expect(reader.int() == i)
        }
        #expect(reader.atEnd)
    }

    @Test func repeatedStringsAreStoredOnce() {
        var writer = BinaryWriter()
        for _ in 0..<1_000 { writer.string("/people/0/identifiers/nip") }
        // The magic, the table's count, one string with its length, the body's length, and a
        // one-byte position per use.
        #expect(file(writer).count == Self.magic.count + 4 + 4 + 25 + 8 + 1_000)
    }

    @Test func damagedBytesReadAsNothing() throws {
        var writer = BinaryWriter()
        writer.string("a")
        writer.varint(5)
        let good = file(writer)
        let body = good.count - 2
        // A position past the table (an even code), and a string in place longer than what is
        // left (an odd one).
        for code: UInt8 in [8, 9] {
            var bad = good
            bad[body] = code
            var reader = try #require(BinaryReader(bad, magic: Self.magic))
            #expect(reader.string() == nil)
        }
        // A varint that never ends, and one longer than 64 bits.
        for tail: [UInt8] in [[0x80], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]] {
            var writer = BinaryWriter()
            writer.u8(0)
            var bytes = file(writer)
            bytes.removeLast()
            // Patch the body's length for the new tail.
            let lengthAt = bytes.count - 8
            for i in 0..<8 { bytes[lengthAt + i] = i == 0 ? UInt8(tail.count) : 0 }
            bytes += tail
            var reader = try #require(BinaryReader(bytes, magic: Self.magic))
            #expect(reader.varint() == nil)
        }
        // A truncated file, and another magic.
        #expect(BinaryReader(Array(good.dropLast()), magic: Self.magic) == nil)
        #expect(BinaryReader(good, magic: Array("TESX\n".utf8)) == nil)
    }
}
