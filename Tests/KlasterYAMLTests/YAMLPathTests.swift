import KlasterYAML
import Testing

@Suite struct YAMLPathTests {
    @Test func parsesDottedNotation() throws {
        let path = try #require(YAMLPath(parsing: "memberships[cluster=okip].roles[0]"))
        #expect(path.components == [.key("memberships"), .match(field: "cluster", value: "okip"), .key("roles"), .index(0)])
        #expect(path.description == "memberships[cluster=okip].roles[0]")
        #expect(path.jsonPointer == "/memberships/[cluster=okip]/roles/0")
    }

    @Test func escapesPointer() {
        #expect(YAMLPath([.key("a/b"), .key("c~d")]).jsonPointer == "/a~1b/c~0d")
        #expect(YAMLPath([.key("people"), .index(3), .key("x~")]).jsonPointer == "/people/3/x~0")
    }

    @Test func pointerOfKeysAndIndexes() {
        #expect(YAMLPath([]).jsonPointer == "")
        #expect(YAMLPath([.key("")]).jsonPointer == "/")
        #expect(YAMLPath([.index(0)]).jsonPointer == "/0")
        #expect(
            YAMLPath([.key("memberships"), .index(10), .key("zażółć gęślą"), .index(9), .index(123_456), .key("since")]).jsonPointer
                == "/memberships/10/zażółć gęślą/9/123456/since"
        )
        let long = YAMLPath((0..<40).map { $0.isMultiple(of: 2) ? .key("field\($0)") : .index($0 * 37) })
        #expect(long.jsonPointer == (0..<40).map { $0.isMultiple(of: 2) ? "/field\($0)" : "/\($0 * 37)" }.joined())
    }

    @Test(arguments: ["", "a", "a.b", "a[0]", "a[0][1].b", "name.pl"])
    func roundTrips(_ text: String) throws {
        let path = try #require(YAMLPath(parsing: text))
        #expect(path.description == text)
    }

    @Test(arguments: ["a.", ".a", "a..b", "a[", "a[x]", "a[-1]", "[=x]", "a[0]b"])
    func rejectsMalformed(_ text: String) {
        #expect(YAMLPath(parsing: text) == nil)
    }
}
