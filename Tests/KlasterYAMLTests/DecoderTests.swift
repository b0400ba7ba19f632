import Foundation
import KlasterYAML
import Testing

@Suite struct DecoderTests {
    struct Membership: Codable, Equatable {
        var cluster: String
        var since: Date
        var roles: [String]
        var fee: Double?
    }

    struct Member: Codable, Equatable {
        var name: String
        var krs: String
        var country: String
        var phone: String
        var employees: Int
        var active: Bool
        var memberships: [Membership]
    }

    static let member = """
        name: Śląski Klaster
        krs: 0000012345
        country: NO
        phone: +48 32 123 45 67
        employees: 12
        active: true
        memberships:
          - cluster: okip
            since: 2013-01-15
            roles: [member]
          - cluster: silesia
            since: 2015-06-01T10:20:30+02:00
            roles: []
            fee: 1.5e3
          - cluster: med
            since: 2020-02-29
            roles: [board, "0012"]
        """

    let decoder = YAMLDecoder()

    @Test func stringsKeepTheirText() throws {
        let member = try decoder.decode(Member.self, from: Self.member, file: "m.yaml")
        #expect(member.krs == "0000012345")
        #expect(member.country == "NO")
        #expect(member.phone == "+48 32 123 45 67")
        #expect(member.employees == 12)
        #expect(member.active)
        #expect(member.memberships.count == 3)
        #expect(member.memberships[0].since == Date(timeIntervalSince1970: 1_358_208_000))
        #expect(member.memberships[1].since == Date(timeIntervalSince1970: 1_433_146_830))
        #expect(member.memberships[1].fee == 1500)
        #expect(member.memberships[2].roles == ["board", "0012"])
    }

    @Test(arguments: ["yes", "no", "on", "off", "y", "Yes", "NO", "1", "\"true\""])
    func boolRejectsOtherForms(_ text: String) {
        #expect(throws: YAMLError.self) { try decoder.decode(Bool.self, from: text) }
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false)])
    func boolCoreForms(_ text: String, _ value: Bool) throws {
        let decoded = try decoder.decode(Bool.self, from: text)
        #expect(decoded == value)
    }

    @Test(arguments: [("12", 12), ("-7", -7), ("+3", 3), ("0o17", 15), ("0x1F", 31), ("0012", 12)])
    func intCoreForms(_ text: String, _ value: Int) throws {
        let decoded = try decoder.decode(Int.self, from: text)
        #expect(decoded == value)
    }

    @Test(arguments: ["0x1G", "\"12\"", "'12'", "1_000", "1.0", "12abc", "0b101", "1:20", "~", ""])
    func intRejects(_ text: String) {
        #expect(throws: YAMLError.self) { try decoder.decode(Int.self, from: text) }
    }

    @Test func integersOutOfRangeAreErrors() throws {
        let error = try #require(throws: YAMLError.self) { try decoder.decode([UInt8].self, from: "[1, 256]") }
        #expect(error.code == .typeMismatch)
        #expect(error.path == "[1]")
        #expect(error.mark?.column == 5)
        #expect(throws: YAMLError.self) { try decoder.decode(Int.self, from: "99999999999999999999") }
        #expect(throws: YAMLError.self) { try decoder.decode(Int8.self, from: "-129") }
        #expect(try decoder.decode(Int8.self, from: "-128") == -128)
        #expect(try decoder.decode(Int64.self, from: "-9223372036854775808") == .min)
    }

    @Test(arguments: [("1.5", 1.5), ("1e3", 1000), ("-2.5E-1", -0.25), (".5", 0.5), ("12", 12), ("0x10", 16), (".inf", Double.infinity), ("-.Inf", -Double.infinity)])
    func doubleCoreForms(_ text: String, _ value: Double) throws {
        let decoded = try decoder.decode(Double.self, from: text)
        #expect(decoded == value)
    }

    @Test func doubleNaNAndRejections() throws {
        let nan = try decoder.decode(Double.self, from: ".nan")
        #expect(nan.isNaN)
        for text in ["\"1.5\"", "1,5", "inf", "1_000.5", "abc"] {
            #expect(throws: YAMLError.self) { try decoder.decode(Double.self, from: text) }
        }
    }

    @Test func nullForms() throws {
        let none: String? = nil
        for text in ["~", "null", "NULL", ""] {
            let value = try decoder.decode([String: String?].self, from: "k: \(text)")
            #expect(value == ["k": none])
        }
        let quoted = try decoder.decode([String: String?].self, from: "k: 'null'")
        #expect(quoted == ["k": "null"])
        let plainNullString = try decoder.decode(String.self, from: "null")
        #expect(plainNullString == "null")
    }

    struct Texts: Codable, Equatable {
        var required: String
        var optional: String?
    }

    /// Struct fields read their text in place; null, empty and tagged forms read as before.
    @Test(arguments: [
        ("~", nil), ("null", nil), ("", nil), ("!!null null", nil),
        ("!!str", ""), ("''", ""), ("'null'", "null"), ("!!str null", "null"), ("NO", "NO"), ("0012", "0012"),
    ] as [(String, String?)])
    func optionalStringFieldForms(text: String, expected: String?) throws {
        let value = try decoder.decode(Texts.self, from: "required: x\noptional: \(text)\n")
        #expect(value == Texts(required: "x", optional: expected))
    }

    @Test func requiredStringFieldRejectsNullAndLists() throws {
        let null = #expect(throws: YAMLError.self) { try decoder.decode(Texts.self, from: "required:\n") }
        #expect(null?.code == .missingValue)
        #expect(null?.path == "required")
        let list = #expect(throws: YAMLError.self) { try decoder.decode(Texts.self, from: "required: [a]\n") }
        #expect(list?.code == .typeMismatch)
        let quotedEmpty = try decoder.decode(Texts.self, from: "required: ''\noptional: 'b'\n")
        #expect(quotedEmpty == Texts(required: "", optional: "b"))
    }

    @Test(arguments: ["2013-01-15T00:00:00Z", "2013-01-15t00:00:00z", "2013-01-15 01:00:00+01:00", "2013-01-15", "'2013-01-15'"])
    func datesAreUTC(_ text: String) throws {
        let date = try decoder.decode(Date.self, from: text)
        #expect(date == Date(timeIntervalSince1970: 1_358_208_000))
    }

    @Test(arguments: ["2013-02-30", "2013-1-5", "15.01.2013", "2013-01-15T25:00:00Z", "2013-01-15T10:00:00", "2013-01-15T10:00Z"])
    func datesRejectOtherForms(_ text: String) {
        #expect(throws: YAMLError.self) { try decoder.decode(Date.self, from: text) }
    }

    @Test func fractionalSecondsAndOffsets() throws {
        let date = try decoder.decode(Date.self, from: "1999-12-31T23:59:59.25-01:30")
        #expect(date.timeIntervalSince1970 == 946_684_799.25 + 5400)
    }

    @Test func errorCarriesPathLineAndColumn() throws {
        let text = Self.member.replacingOccurrences(of: "since: 2020-02-29", with: "since: 2020-02-30")
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: text, file: "m.yaml") }
        #expect(error.code == .typeMismatch)
        #expect(error.path == "memberships[2].since")
        #expect(error.file == "m.yaml")
        #expect(error.mark?.line == 16 && error.mark?.column == 12)
        #expect(error.description.hasPrefix("m.yaml:16:12: error: expected a date"))
    }

    @Test func missingKeyPointsAtTheMapping() throws {
        let text = Self.member.replacingOccurrences(of: "    roles: []\n", with: "")
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: text, file: "m.yaml") }
        #expect(error.code == .missingValue)
        #expect(error.path == "memberships[1].roles")
        #expect(error.mark?.line == 11 && error.mark?.column == 5)
    }

    @Test func boolErrorExplainsYAML12() throws {
        let text = Self.member.replacingOccurrences(of: "active: true", with: "active: yes")
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: text) }
        #expect(error.path == "active")
        #expect(error.message.contains("YAML 1.2 booleans are true and false"))
        #expect(error.mark?.line == 6 && error.mark?.column == 9)
    }

    @Test func quotedIntIsAString() throws {
        let text = Self.member.replacingOccurrences(of: "employees: 12", with: "employees: \"12\"")
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: text) }
        #expect(error.path == "employees")
        #expect(error.message.contains("quoted string"))
    }

    @Test func wrongShapes() throws {
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: "- a\n- b\n") }
        #expect(error.code == .typeMismatch)
        #expect(error.mark?.line == 1)
        let empty = try #require(throws: YAMLError.self) { try decoder.decode(Member.self, from: "") }
        #expect(empty.code == .missingValue)
        let optional = try decoder.decode(Member?.self, from: "# nothing\n")
        #expect(optional == nil)
    }

    @Test func customErrorsAreLocatedByPath() throws {
        struct Positive: Decodable {
            var value: Int
            init(from decoder: any Decoder) throws {
                value = try decoder.singleValueContainer().decode(Int.self)
                guard value > 0 else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be positive"))
                }
            }
        }
        struct Holder: Decodable { var items: [String: [Positive]] }
        let error = try #require(throws: YAMLError.self) { try decoder.decode(Holder.self, from: "items:\n  a: [1, 2]\n  b: [3, -4]\n") }
        #expect(error.path == "items.b[1]")
        #expect(error.message == "must be positive")
        #expect(error.mark?.line == 3 && error.mark?.column == 10)
    }

    @Test func mergeKeysAndAliases() throws {
        struct Pair: Decodable, Equatable { var a: Int; var b: String }
        let text = "base: &b {a: 1, b: x}\nitem:\n  <<: *b\n  b: y\n"
        let decoded = try decoder.decode([String: Pair].self, from: text)
        #expect(decoded == ["base": Pair(a: 1, b: "x"), "item": Pair(a: 1, b: "y")])
    }

    @Test func largeMappingsUseAnIndex() throws {
        let keys = (0..<60).map { "k\($0)" }
        let text = keys.reversed().map { "\($0): \($0.dropFirst())" }.joined(separator: "\n")
        let decoded = try decoder.decode([String: Int].self, from: text)
        #expect(decoded.count == 60 && decoded["k42"] == 42)
        struct Wide: Decodable { var k0: Int; var k59: Int; var k30: Int }
        let wide = try decoder.decode(Wide.self, from: text)
        #expect(wide.k0 == 0 && wide.k59 == 59 && wide.k30 == 30)
    }
}
