import KlasterValidation
import KlasterYAML
import Testing

@Suite struct ScalarTypingTests {
    func plain(_ text: String, _ types: SchemaTypes) -> JSONValue {
        YAMLScalar(text).jsonValue(expecting: types)
    }

    @Test func stringFieldTakesTheTextAsWritten() {
        #expect(plain("0000012345", .string) == .string("0000012345"))
        #expect(plain("NO", .string) == .string("NO"))
        #expect(plain("true", .string) == .string("true"))
        #expect(plain("2013-01-15", .string) == .string("2013-01-15"))
        #expect(plain("1.50", .string) == .string("1.50"))
    }

    @Test func nullStaysNullEvenWhereAStringIsWanted() {
        #expect(plain("~", .string) == .null)
        #expect(plain("", .string) == .null)
        #expect(YAMLScalar("null", style: .doubleQuoted).jsonValue(expecting: .string) == .string("null"))
    }

    @Test func numbersAndBooleansOnlyInYAML12CoreForms() {
        let number = SchemaTypes(name: "number")!
        #expect(plain("12", .integer) == .number(.int(12)))
        #expect(plain("0000012345", .integer) == .number(.int(12345)))
        #expect(plain("-0x1F", .integer) == .string("-0x1F"))
        #expect(plain("0x1F", .integer) == .number(.int(31)))
        #expect(plain("0o17", .integer) == .number(.int(15)))
        #expect(plain("1_000", .integer) == .string("1_000"))
        #expect(plain("1.5e3", number) == .number(.double(1500)))
        #expect(plain(".5", number) == .number(.double(0.5)))
        #expect(plain("1.", number) == .number(.double(1)))
        #expect(plain("+.inf", number) == .number(.double(.infinity)))
        #expect(plain("true", .boolean) == .bool(true))
        #expect(plain("False", .boolean) == .bool(false))
        #expect(plain("yes", .boolean) == .string("yes"))
        #expect(plain("on", .boolean) == .string("on"))
        #expect(plain("012", .boolean) == .number(.int(12)))
    }

    @Test func severalTypesFallBackToTheCoreSchema() {
        let stringOrInteger: SchemaTypes = [.string, .integer]
        #expect(plain("12", stringOrInteger) == .number(.int(12)))
        #expect(plain("abc", stringOrInteger) == .string("abc"))
        #expect(plain("1.5", stringOrInteger) == .string("1.5"))
        #expect(plain("12", .all) == .number(.int(12)))
        #expect(plain("yes", .all) == .string("yes"))
    }

    @Test func quotedAndTaggedScalarsDecideForThemselves() {
        #expect(YAMLScalar("12", style: .singleQuoted).jsonValue(expecting: .integer) == .string("12"))
        #expect(YAMLScalar("12", tag: "tag:yaml.org,2002:str").jsonValue(expecting: .integer) == .string("12"))
        #expect(YAMLScalar("12", tag: "tag:yaml.org,2002:int").jsonValue(expecting: .string) == .number(.int(12)))
        #expect(YAMLScalar("12", tag: "tag:yaml.org,2002:float").jsonValue(expecting: .string) == .number(.double(12)))
    }

    @Test func recordTypingFollowsTheSchema() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let doc = try Support.document(
            """
            id: okip
            name: 12
            kind: cluster
            krs: 0000012345
            country: NO
            status: NO
            employees: 0012
            active: yes
            code: 12
            note: ~
            tags: [1, x]
            memberships:
              - {member: 007, since: 2020-01-01}
            event: {type: count, value: 5}
            """
        )
        let value = schema.jsonValue(of: doc)
        let expected = try JSONReader().read(
            #"""
            {"id": "okip", "name": "12", "kind": "cluster", "krs": "0000012345", "country": "NO", "status": "NO",
             "employees": 12, "active": "yes", "code": 12, "note": null, "tags": ["1", "x"],
             "memberships": [{"member": "007", "since": "2020-01-01"}], "event": {"type": "count", "value": 5}}
            """#
        )
        #expect(value == expected)
        let violations = schema.validate(doc)
        #expect(violations.map(\.pointer) == ["/active"])
        #expect(violations.first?.message == "'active' must be true or false, got \"yes\"")
    }
}
