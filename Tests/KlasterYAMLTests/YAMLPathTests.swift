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
