import KlasterModel
import KlasterValidation
import KlasterYAML
import Testing

/// One test per keyword: the verdict, the message, the JSON Pointer and the mark.
@Suite struct KeywordTests {
    func only(_ schema: String, _ yaml: String) throws -> SchemaViolation {
        let found = try Support.violations(schema, yaml)
        #expect(found.count == 1, "\(found)")
        return try #require(found.first)
    }

    @Test func type() throws {
        let v = try only(Support.field(#"{"type": "integer"}"#), "f: many\n")
        #expect(v.keyword == "type")
        #expect(v.message == "'f' must be a whole number, got \"many\"")
        #expect(v.pointer == "/f")
        #expect(v.mark == Mark(offset: 3, line: 1, column: 4))
        #expect(v.schemaLocation == "/properties/f/type")
        #expect(try Support.violations(Support.field(#"{"type": "integer"}"#), "f: 3.0\n").isEmpty)
        let list = try only(Support.field(#"{"type": ["string", "null"]}"#), "f: [1]\n")
        #expect(list.message == "'f' must be text or empty, got a list")
    }

    @Test func required() throws {
        let schema = #"{"properties": {"a": {"required": ["x", "y"]}}, "required": ["a"]}"#
        let missing = try only(schema, "b: 1\n")
        #expect(missing.keyword == "required")
        #expect(missing.message == "missing required field 'a'")
        #expect(missing.pointer == "")
        let nested = try Support.violations(schema, "a:\n  x: 1\n")
        #expect(nested.map(\.message) == ["missing required field 'y' in 'a'"])
        #expect(nested.first?.pointer == "/a")
        #expect(nested.first?.mark == Mark(offset: 5, line: 2, column: 3))
    }

    @Test func additionalProperties() throws {
        let schema = #"{"properties": {"a": {}}, "additionalProperties": false}"#
        let found = try Support.violations(schema, "a: 1\nfoo: 2\nbar: 3\n")
        #expect(found.map(\.message) == ["unknown field 'foo'", "unknown field 'bar'"])
        #expect(found.map(\.pointer) == ["", ""])
        #expect(found.map(\.mark.line) == [2, 3])
        #expect(found.first?.keyword == "additionalProperties")
        let typed = try only(#"{"additionalProperties": {"type": "string"}}"#, "x: [1]\n")
        #expect(typed.pointer == "/x")
        #expect(typed.keyword == "type")
    }

    @Test func enumAndConst() throws {
        let e = try only(Support.field(#"{"enum": ["active", "inactive"]}"#), "f: dormant\n")
        #expect(e.keyword == "enum")
        #expect(e.message == "'f' must be one of: active, inactive; got \"dormant\"")
        let c = try only(Support.field(#"{"const": "cluster"}"#), "f: member\n")
        #expect(c.keyword == "const")
        #expect(c.message == "'f' must be \"cluster\", got \"member\"")
        #expect(try Support.violations(Support.field(#"{"enum": [1, "NO"]}"#), "f: 1.0\n").isEmpty)
        #expect(try Support.violations(Support.field(#"{"const": {"a": [1]}}"#), "f: {a: [1]}\n").isEmpty)
        #expect(try Support.violations(Support.field(#"{"const": true}"#), "f: 1\n").count == 1)
    }

    @Test func patternAndLengths() throws {
        let p = try only(Support.field(#"{"type": "string", "pattern": "^[0-9]{10}$"}"#), "f: 12345\n")
        #expect(p.keyword == "pattern")
        #expect(p.message == "'f' must match the pattern ^[0-9]{10}$, got \"12345\"")
        #expect(try Support.violations(Support.field(#"{"pattern": "b"}"#), "f: abc\n").isEmpty)
        let short = try only(Support.field(#"{"minLength": 3}"#), "f: żó\n")
        #expect(short.message == "'f' must be at least 3 characters long, got 2")
        let long = try only(Support.field(#"{"maxLength": 1}"#), "f: ab\n")
        #expect(long.keyword == "maxLength")
        #expect(long.message == "'f' must be at most 1 character long, got 2")
    }

    @Test func patternDollarMatchesBeforeAFinalLineFeedAsInPython() throws {
        let schema = Support.field(#"{"pattern": "^ab$"}"#)
        #expect(try Support.violations(schema, "f: \"ab\\n\"\n").isEmpty)
        #expect(try Support.violations(schema, "f: \"ab\\n\\n\"\n").count == 1)
        #expect(try Support.violations(Support.field(#"{"pattern": "^ab\\Z"}"#), "f: \"ab\\n\"\n").count == 1)
    }

    @Test func minimumAndMaximum() throws {
        let schema = Support.field(#"{"minimum": 0, "maximum": 10.5, "exclusiveMaximum": 10}"#)
        let low = try only(schema, "f: -1\n")
        #expect(low.keyword == "minimum")
        #expect(low.message == "'f' must be at least 0, got -1")
        let high = try Support.violations(schema, "f: 11\n")
        #expect(high.map(\.keyword) == ["maximum", "exclusiveMaximum"])
        #expect(try Support.violations(schema, "f: 9.99\n").isEmpty)
        #expect(try Support.violations(schema, "f: text\n").isEmpty)
    }

    @Test func itemsAndCounts() throws {
        let schema = Support.field(#"{"items": {"type": "integer"}, "minItems": 2, "maxItems": 3}"#)
        let found = try Support.violations(schema, "f:\n  - 1\n  - x\n  - 3\n  - 4\n")
        #expect(found.map(\.keyword) == ["maxItems", "type"])
        #expect(found.map(\.pointer) == ["/f", "/f/1"])
        #expect(found.last?.message == "'f[1]' must be a whole number, got \"x\"")
        #expect(found.first?.message == "'f' must have at most 3 items, got 4")
        #expect(try only(schema, "f: [1]\n").message == "'f' must have at least 2 items, got 1")
    }

    @Test func uniqueItems() throws {
        let schema = Support.field(#"{"uniqueItems": true}"#)
        let v = try only(schema, "f: [a, 1, b, 1.0]\n")
        #expect(v.keyword == "uniqueItems")
        #expect(v.pointer == "/f")
        #expect(v.mark.column == 14)
        #expect(v.message == "'f' must not repeat items: item 4 is the same as item 2 (1.0)")
        #expect(try Support.violations(schema, "f: [1, true, \"1\", {a: 1}, {a: 2}]\n").isEmpty)
    }

    @Test func format() throws {
        let v = try only(Support.field(#"{"type": "string", "format": "date"}"#), "f: 15.01.2013\n")
        #expect(v.keyword == "format")
        #expect(v.message == "'f' must be a date (YYYY-MM-DD), got \"15.01.2013\"")
        #expect(try Support.violations(Support.field(#"{"format": "date"}"#), "f: 2013\n").isEmpty)
        #expect(try Support.violations(Support.field(#"{"format": "hostname"}"#), "f: \"!!\"\n").isEmpty)
    }

    @Test func refAndDefsWithCycles() throws {
        let schema = """
            {"$ref": "#/$defs/node", "$defs": {"node": {"properties": {"name": {"type": "string"},
             "child": {"$ref": "#/$defs/node"}}, "additionalProperties": false}}}
            """
        let found = try Support.violations(schema, "name: a\nchild:\n  child:\n    child:\n      bad: 1\n")
        #expect(found.map(\.pointer) == ["/child/child/child"])
        #expect(found.first?.message == "unknown field 'bad' in 'child.child.child'")
        #expect(throws: SchemaError.self) { try Support.schema(##"{"$ref": "#/$defs/none"}"##) }
        #expect(throws: SchemaError.self) { try Support.schema(##"{"$ref": "other.json#/x"}"##) }
        #expect(throws: SchemaError.self) { try Support.schema(#"{"pattern": "("}"#) }
    }

    @Test func selfReferenceWithoutProgressStops() throws {
        #expect(try Support.violations(##"{"$ref": "#"}"##, "a: 1\n").isEmpty)
        let found = try Support.violations(##"{"allOf": [{"$ref": "#"}], "type": "string"}"##, "a: 1\n")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.keyword == "type" })
    }

    @Test func allOf() throws {
        let schema = Support.field(#"{"allOf": [{"type": "string"}, {"minLength": 3}, {"pattern": "^[A-Z]"}]}"#)
        let found = try Support.violations(schema, "f: ab\n")
        #expect(found.map(\.keyword) == ["minLength", "pattern"])
        #expect(found.map(\.pointer) == ["/f", "/f"])
    }

    @Test func anyOfReportsOneViolationWithTheClosestBranch() throws {
        let schema = Support.field(#"{"anyOf": [{"type": "integer", "minimum": 1}, {"enum": ["small", "large"]}]}"#)
        #expect(try Support.violations(schema, "f: 3\n").isEmpty)
        #expect(try Support.violations(schema, "f: small\n").isEmpty)
        let v = try only(schema, "f: 0\n")
        #expect(v.keyword == "anyOf")
        #expect(v.pointer == "/f")
        #expect(v.message == "'f' does not fit any of the allowed forms; closest: 'f' must be at least 1, got 0")
        #expect(v.causes.map(\.keyword) == ["minimum"])
    }

    @Test func oneOfPicksTheBranchWhoseDiscriminatorMatches() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let doc = try Support.document("id: a\nname: ab\nkind: cluster\nevent:\n  type: count\n  value: many\n")
        let found = schema.validate(doc)
        #expect(found.map(\.keyword) == ["oneOf"])
        #expect(found.first?.pointer == "/event")
        #expect(found.first?.causes.map(\.pointer) == ["/event/value"])
        #expect(found.first?.message.hasSuffix("closest: 'event.value' must be a whole number, got \"many\"") == true)
    }

    @Test func oneOfRejectsTwoMatches() throws {
        let schema = Support.field(#"{"oneOf": [{"type": "number"}, {"type": "integer"}]}"#)
        let v = try only(schema, "f: 12\n")
        #expect(v.message == "'f' fits more than one of the allowed forms (1 and 2); it must fit exactly one")
        #expect(try Support.violations(schema, "f: 1.5\n").isEmpty)
    }

    @Test func scalarsTypeOncePerPlaceAcrossOneOfBranches() throws {
        let schema = Support.field(#"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"#)
        #expect(try Support.violations(schema, "f: 12\n").isEmpty)
        #expect(try Support.violations(schema, "f: '12'\n").isEmpty)
        #expect(try Support.violations(schema, "f: abc\n").isEmpty)
    }

    @Test func notAndBooleanSchemas() throws {
        let not = try only(Support.field(#"{"not": {"const": "x"}}"#), "f: x\n")
        #expect(not.keyword == "not")
        let never = try only(#"{"properties": {"f": false}}"#, "f: 1\n")
        #expect(never.keyword == "false")
        #expect(never.message == "'f' is not allowed here")
        #expect(try Support.violations("true", "anything: [1]\n").isEmpty)
    }

    @Test func unsupportedKeywordsAreListed() throws {
        let schema = try Support.schema(#"{"properties": {"a": {"contains": {}, "multipleOf": 2}}}"#)
        #expect(schema.unsupportedKeywords == ["/properties/a/contains", "/properties/a/multipleOf"])
    }

    @Test func violationsBecomeDiagnostics() throws {
        let v = try only(Support.field(#"{"format": "date"}"#), "f: 15.01.2013\n")
        let d = v.diagnostic(file: "clusters/okip.yaml")
        #expect(d.description == "clusters/okip.yaml:1:4: error: 'f' must be a date (YYYY-MM-DD), got \"15.01.2013\" [format]")
        #expect(d.path == "/f")
    }

    @Test func isValidAgreesWithValidate() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let good = try Support.document("id: a\nname: ab\nkind: cluster\n")
        let bad = try Support.document("id: A\nname: ab\nkind: cluster\n")
        #expect(schema.isValid(good))
        #expect(!schema.isValid(bad))
    }
}
