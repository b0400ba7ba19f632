import Foundation
import KlasterModel
import PropertyBased
import Testing

@Suite struct LocalDateTests {
    @Test func parsesAndFormats() throws {
        let date = try #require(LocalDate("2013-01-15"))
        #expect(date.year == 2013)
        #expect(date.month == 1)
        #expect(date.day == 15)
        #expect(date.description == "2013-01-15")
        #expect(LocalDate(year: 42, month: 3, day: 7)?.description == "0042-03-07")
    }

    @Test(arguments: [
        "15.01.2013", "2013-1-15", "2013-01-5", "2013", "2013-01", "2013/01/15", " 2013-01-15",
        "2013-01-15 ", "2013-01-15T00:00:00Z", "2013-13-01", "2013-00-10", "2013-01-00", "2013-01-32",
        "2013-02-29", "1900-02-29", "2013-04-31", "+013-01-15", "2013-0a-15", "", "２０１３-01-15",
    ])
    func rejectsOtherForms(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(LocalDate("2012-02-29") != nil)
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("2100-02-29") == nil)
        #expect(LocalDate.daysIn(month: 2, year: 2024) == 29)
        #expect(LocalDate.daysIn(month: 11, year: 2024) == 30)
    }

    /// Which day numbers exist agrees with Foundation's Gregorian calendar (from 1600, where it is
    /// Gregorian rather than Julian).
    @Test func validityMatchesFoundationCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let gregorian = calendar
        await propertyCheck(input: Gen.int(in: 1600...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)) {
            year, month, day in
            let first = gregorian.date(from: DateComponents(year: year, month: month, day: 1))!
            let days = gregorian.range(of: .day, in: .month, for: first)!.count
            let date = LocalDate(year: year, month: month, day: day)
            #expect((date != nil) == (day <= days))
        }
    }

    @Test func textRoundTripsAndOrdersLikeText() async {
        await propertyCheck(input: Gen.int(in: 0...9999), Gen.int(in: 1...12), Gen.int(in: 1...28), Gen.int(in: 0...9999)) {
            year, month, day, otherYear in
            let date = LocalDate(year: year, month: month, day: day)!
            let parsed = LocalDate(date.description)
            #expect(parsed == date)
            let other = LocalDate(year: otherYear, month: 13 - month, day: 29 - day)!
            #expect((date < other) == (date.description < other.description))
        }
    }

    @Test func codesAsAString() throws {
        let encoded = try JSONEncoder().encode([LocalDate("2015-06-17")!])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2015-06-17"]"#)
        let decoded = try JSONDecoder().decode([LocalDate].self, from: Data(#"["2013-01-15"]"#.utf8))
        #expect(decoded == [LocalDate(year: 2013, month: 1, day: 15)!])
    }

    @Test func decodingOtherFormsThrowsDecodingError() {
        for text in [#"["15.01.2013"]"#, #"["2013"]"#, #"[20130115]"#] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([LocalDate].self, from: Data(text.utf8))
            }
        }
    }
}
