@testable import KlasterModel
import Testing

@Suite struct JSONTextTests {
    static func needsEscapingByteByByte(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
    }

    /// The word-at-a-time test agrees with the byte-by-byte one for every byte value, at every
    /// place in the first and second word and in the tail, among neighbours that need nothing
    /// (ASCII letters, and the bytes of non-ASCII text, which are all 0x80 or above).
    @Test func theWordTestFindsEveryByteThatNeedsEscaping() {
        for filler in [UInt8(ascii: "a"), 0x80, 0xC5, 0xFF, 0x21, 0x23, 0x5B, 0x5D, 0x7E] {
            for length in [1, 7, 8, 9, 16, 19] {
                for place in 0..<length {
                    for value in 0...255 {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[place] = UInt8(value)
                        let found = bytes.withUnsafeBufferPointer { JSONText.needsEscaping($0) }
                        #expect(found == Self.needsEscapingByteByByte(bytes), "byte \(value) at \(place) of \(length) among \(filler)")
                    }
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { JSONText.needsEscaping($0) } == false)
    }

    @Test func escapesAsRFC8259Asks() {
        let text = "a\"b\\c\u{1}\t\n\r\u{8}\u{c}\u{7f} Łódź 😀"
        #expect(JSONText.quote(text) == #""a\"b\\c\u0001\t\n\r\b\f\u007f Łódź 😀""#)
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { JSONText.appendQuoted(bytes: $0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == JSONText.quote(text))
        #expect(JSONText.quote("plain ąę text, long enough for two words") == "\"plain ąę text, long enough for two words\"")
    }
}
