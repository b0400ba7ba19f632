import KlasterModel
import KlasterValidation
import KlasterYAML
import Testing

@Suite struct ExtensionTests {
    @Test func fieldInfoFollowsRefsAndItems() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let memberships = try #require(schema.fieldInfo(at: "memberships"))
        #expect(memberships.xMerge == .keyed)
        #expect(memberships.xMergeKey == "member")
        #expect(schema.fieldInfo(at: "tags")?.xMerge == .set)
        #expect(schema.fieldInfo(at: "description")?.xMerge == .text)
        #expect(schema.fieldInfo(at: "memberships[0].member")?.xRef == .kind("members"))
        #expect(schema.fieldInfo(at: "memberships[member=okip].member")?.xRef == .kind("members"))
        #expect(schema.fieldInfo(at: "name")?.xMerge == nil)
        #expect(schema.fieldInfo(at: "address.city")?.types == .string)
        #expect(schema.fieldInfo(at: "nonexistent") == nil)
    }

    @Test func referencesInARecord() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let doc = try Support.document(
            "id: a\nmemberships:\n  - member: okip\n    since: 2020-01-01\n  - member: 0012\n    since: x\n"
        )
        let refs = schema.references(in: doc)
        #expect(refs.map(\.value) == ["okip", "0012"])
        #expect(refs.map(\.path.description) == ["memberships[0].member", "memberships[1].member"])
        #expect(refs.map(\.target) == [.kind("members"), .kind("members")])
        #expect(refs.first?.resolved?.kind == .members)
        #expect(refs.first?.resolved?.id == "okip")
        #expect(refs.first?.mark == Mark(offset: 31, line: 3, column: 13))
    }

    @Test func refTargetsOfEveryShape() throws {
        let schema = try Support.schema(
            #"{"properties": {"a": {"x-ref": "clusters"}, "b": {"x-ref": ["clusters", "members"]}, "c": {"x-ref": "any"}, "n": {"x-unique": true}}}"#
        )
        #expect(schema.fieldInfo(at: "b")?.xRef == .mixed(["clusters", "members"]))
        #expect(schema.fieldInfo(at: "n")?.xUnique == true)
        #expect(schema.fieldInfo(at: "a")?.xUnique == false)
        let refs = schema.references(in: try Support.document("a: okip\nb: member:uni\nc: news:n-1\n"))
        #expect(refs.map(\.target) == [.kind("clusters"), .mixed(["clusters", "members"]), .any])
        #expect(refs.compactMap(\.resolved).map(\.kind) == [.clusters, .members, .news])
        #expect(SchemaRefTarget.mixed(["clusters"]).resolve("member:uni") == nil)
        #expect(SchemaRefTarget.any.resolve("okip") == nil)
        #expect(SchemaRefTarget.kind("members").resolve("uni")?.id == "uni")
        #expect(SchemaRefTarget.any.resolve("cluster:okip")?.id == "okip")
        #expect(SchemaRefTarget.any.resolve("news:a:b")?.id == "a:b")
        #expect(SchemaRefTarget.any.resolve("cluster:")?.id == "")
        // A `:` joined by a combining mark is another character: no kind:id form.
        #expect(SchemaRefTarget.any.resolve("cluster:\u{301}okip") == nil)
        #expect(SchemaRefTarget.any.resolve("klaster-żółw:x") == nil)
    }

    @Test func badExtensionValuesAreSchemaErrors() {
        #expect(throws: SchemaError.self) { try Support.schema(#"{"x-merge": "union"}"#) }
        #expect(throws: SchemaError.self) { try Support.schema(#"{"x-merge": "keyed"}"#) }
        #expect(throws: SchemaError.self) { try Support.schema(#"{"x-ref": 3}"#) }
        #expect(throws: SchemaError.self) { try Support.schema(#"{"x-unique": "yes"}"#) }
    }

    @Test func schemaSetMergesAndDeduplicates() throws {
        let bundled = try Support.schema(
            #"{"properties": {"status": {"enum": ["active", "inactive"]}, "name": {"type": "string"}}, "required": ["name"]}"#
        )
        let store = try Support.schema(
            #"{"properties": {"status": {"enum": ["active"]}, "name": {"type": "string", "minLength": 3}}, "required": ["name", "krs"]}"#
        )
        let set = SchemaSet([bundled, store])
        let doc = try Support.document("status: dormant\n")
        let found = set.validate(doc)
        #expect(
            found.map(\.message) == [
                "missing required field 'name'",
                "missing required field 'krs'",
                "'status' must be one of: active, inactive; got \"dormant\"",
                "'status' must be one of: active; got \"dormant\"",
            ]
        )
        #expect(!set.isValid(try Support.document("name: ab\nkrs: x\n")))
        #expect(set.isValid(try Support.document("name: abc\nkrs: x\n")))
        #expect(set.fieldInfo(at: "name")?.types == .string)
    }
}
