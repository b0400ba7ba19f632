import Foundation
import KlasterYAML
import Testing

@Suite struct EncoderTests {
    let encoder = YAMLEncoder()
    let decoder = YAMLDecoder()

    struct Contact: Codable, Equatable {
        var email: String?
        var phone: String?
    }

    struct Record: Codable, Equatable {
        var id: String
        var name: [String: String]
        var krs: String
        var founded: Date
        var employees: Int
        var revenue: Double
        var active: Bool
        var website: URL?
        var contact: Contact
        var tags: [String]
        var description: String
    }

    static let record = Record(
        id: "slaski-klaster",
        name: ["pl": "Śląski Klaster Innowacji", "en": "Silesian Innovation Cluster"],
        krs: "0000012345",
        founded: Date(timeIntervalSince1970: 1_358_208_000),
        employees: 12,
        revenue: 1.5e7,
        active: true,
        website: URL(string: "https://example.pl/o-nas"),
        contact: Contact(email: "biuro@example.pl", phone: nil),
        tags: ["no", "on", "ICT", "2013-01-15"],
        description: "Pierwsza linia.\nDruga linia: z dwukropkiem.\n"
    )

    @Test func writesARecord() throws {
        let text = try encoder.encode(Self.record)
        #expect(
            text == """
                id: slaski-klaster
                name:
                  en: Silesian Innovation Cluster
                  pl: Śląski Klaster Innowacji
                krs: "0000012345"
                founded: 2013-01-15T00:00:00Z
                employees: 12
                revenue: 15000000.0
                active: true
                website: https://example.pl/o-nas
                contact:
                  email: biuro@example.pl
                tags:
                - "no"
                - "on"
                - ICT
                - "2013-01-15"
                description: |
                  Pierwsza linia.
                  Druga linia: z dwukropkiem.

                """
        )
        let back = try decoder.decode(Record.self, from: text)
        #expect(back == Self.record)
    }

    @Test func numbersReadAsNumbersEverywhere() throws {
        let values: [Double] = [1e20, 1e-5, -0.0, 0.1, 5e-324, .greatestFiniteMagnitude, 3]
        let text = try encoder.encode(values)
        #expect(text == "- 1.0e+20\n- 1.0e-05\n- -0.0\n- 0.1\n- 5.0e-324\n- 1.7976931348623157e+308\n- 3.0\n")
        let readings = try PyYAML.load(text.split(separator: "\n").map { "v: " + $0.dropFirst(2) })
        #expect(readings.map(\.type) == Array(repeating: "float", count: values.count))
        let back = try decoder.decode([Double].self, from: text)
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
        let special = try encoder.encode([Double.infinity, -.infinity])
        #expect(special == "- .inf\n- -.inf\n")
    }

    @Test func nilIsLeftOutOfMappingsAndNullInLists() throws {
        let text = try encoder.encode(["a": [nil, "x"] as [String?]])
        #expect(text == "a:\n- null\n- x\n")
        #expect(try encoder.encode(Contact(email: nil, phone: nil)) == "{}\n")
    }

    @Test func datesKeepSubSecondPrecision() throws {
        let dates = [Date(timeIntervalSinceReferenceDate: 0.1), Date(timeIntervalSince1970: -1.25), Date(timeIntervalSinceReferenceDate: 123_456_789.000_001)]
        let text = try encoder.encode(dates)
        #expect(text.hasPrefix("- 2001-01-01T00:00:00.1Z\n- 1969-12-31T23:59:58.75Z\n"))
        let back = try decoder.decode([Date].self, from: text)
        #expect(back == dates)
    }

    @Test func datesOutsideFourDigitYearsAreErrors() throws {
        let error = try #require(throws: YAMLError.self) { try encoder.encode(["when": Date(timeIntervalSince1970: 1e12)]) }
        #expect(error.code == .emit)
        #expect(error.path == "when")
    }

    @Test func encodeNodeGivesTheTree() throws {
        let node = try encoder.encodeNode(Contact(email: "a@b.pl", phone: "+48123"))
        let mapping = try #require(node.mapping)
        #expect(mapping.entries.map(\.keyText) == ["email", "phone"])
        #expect(mapping["phone"]?.scalar?.value == "+48123")
    }
}
