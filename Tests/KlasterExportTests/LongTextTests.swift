@testable import KlasterExport
import Testing

/// Whether a field's text is shown as a long one: the count from bytes (for text of scalars
/// below U+0300) agrees with Swift's count of characters, on either side of 120.
@Suite struct LongTextTests {
    /// What `isLong` means, said with `String`: a `\n` of its own, or more than 120 characters.
    static func reference(_ text: String) -> Bool {
        text.contains("\n") || text.count > 120
    }

    static let pieces = [
        "a", "Zażółć gęślą jaźń", "\r\n", "\r", "\u{AD}", "e\u{301}", "🇵🇱", "👩‍👩‍👧", "ą", "Ł", "\t", "ʼ", "\u{2FF}", "\u{300}",
    ]

    @Test func theCountFromBytesAgreesWithSwiftsCharacters() {
        var checked = 0
        for piece in Self.pieces {
            for filler in ["x", "ż", "\r\n"] {
                for length in [100, 118, 119, 120, 121, 122, 140] {
                    for at in [0, 60, 119, 120] {
                        var text = String(repeating: filler, count: length)
                        let index = text.index(text.startIndex, offsetBy: min(at, text.count))
                        text.insert(contentsOf: piece, at: index)
                        #expect(SitePages.isLong(text) == Self.reference(text), "\(text.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        #expect(SitePages.isLong(String(repeating: "ż", count: 120)) == false)
        #expect(SitePages.isLong(String(repeating: "ż", count: 121)) == true)
        #expect(SitePages.isLong(String(repeating: "\r\n", count: 121)) == true)
        #expect(SitePages.isLong("line\nbreak") == true)
        #expect(checked == Self.pieces.count * 3 * 7 * 4)
    }
}
