import Foundation
import KlasterModel
import Testing

@Suite struct DateTimeTests {
    @Test func parsesOffsetsAndFractions() throws {
        let summer = try #require(DateTime("2013-07-04T14:32:00+02:00"))
        #expect(summer.date == LocalDate("2013-07-04"))
        #expect(summer.hour == 14)
        #expect(summer.minute == 32)
        #expect(summer.second == 0)
        #expect(summer.offsetMinutes == 120)
        #expect(summer.text == "2013-07-04T14:32:00+02:00")
        #expect(DateTime("2015-06-24T08:00:00.125Z")?.offsetMinutes == 0)
        #expect(DateTime("2015-06-24T08:00:00-05:30")?.offsetMinutes == -330)
        #expect(DateTime("2016-12-31T23:59:60Z")?.second == 60)
    }

    @Test(arguments: [
        "2013-07-04T14:32+02:00", "2013-07-04 14:32:00+02:00", "2013-07-04T14:32:00",
        "2013-07-04T24:00:00Z", "2013-07-04T14:60:00Z", "2013-07-04T14:32:00.Z", "2013-07-04t14:32:00z",
        "2013-02-30T00:00:00Z", "2013-07-04T14:32:00+2:00", "2013-07-04T14:32:00+02:00 ",
        "2013-07-04T14:32:00+0200", "2013-07-04T14:32:00ZZ", "2013-07-04", "",
    ])
    func rejectsOtherForms(text: String) {
        #expect(DateTime(text) == nil)
    }

    @Test func dateOrDateTimeKeepsItsForm() throws {
        let json = #"["2015-06-24","2013-07-04T14:32:00+02:00"]"#
        let values = try JSONDecoder().decode([DateOrDateTime].self, from: Data(json.utf8))
        #expect(values[0] == .date(LocalDate("2015-06-24")!))
        #expect(values[1].date == LocalDate("2013-07-04"))
        let encoded = try JSONEncoder().encode(values)
        #expect(String(decoding: encoded, as: UTF8.self) == json)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DateOrDateTime].self, from: Data(#"["04.07.2013 14:32"]"#.utf8))
        }
    }
}
