import KlasterYAML
import Testing

/// Anchors, aliases and `<<` merge keys.
@Suite struct ParserAliasMergeTests {
    let parser = YAMLParser()

    static let document = """
        base: &base
          name: Base
          city: Łódź
        extra: &extra
          city: Kraków
          phone: "1"
        single:
          <<: *base
          name: Own
        list:
          <<: [*base, *extra]
          zip: "00-001"
        tagged:
          !!merge <<: *extra
        quoted:
          "<<": not a merge
        chained: &chained
          <<: *base
          k: 1
        outer:
          <<: *chained
        inline:
          <<: {a: 1, b: 2}
          b: 3

        """

    func mapping(_ key: String) throws -> YAMLMapping {
        let root = try #require(try parser.parse(Self.document))
        return try #require(root.mapping?[key]?.mapping)
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let text = "a: &a {x: [1, 2]}\nb: *a\nc: &s 'str'\nd: [*s, *a]\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        #expect(map["b"] == map["a"])
        #expect(map["d"]?.sequence?.items[0].scalar?.value == "str")
        #expect(map["d"]?.sequence?.items[1].mapping?["x"]?.sequence?.items.count == 2)
    }

    @Test func anchorRedefinedTakesTheLatest() throws {
        let root = try #require(try parser.parse("- &a 1\n- *a\n- &a 2\n- *a\n"))
        #expect(root.sequence?.items.map { $0.scalar?.value } == ["1", "1", "2", "2"])
    }

    @Test func singleMergeExplicitKeysWin() throws {
        let map = try mapping("single")
        #expect(map.entries.map(\.keyText) == ["city", "name"])
        #expect(map.entries.map(\.isMerged) == [true, false])
        #expect(map["name"]?.scalar?.value == "Own")
        #expect(map["city"]?.scalar?.value == "Łódź")
    }

    @Test func listMergeEarlierSourcesWin() throws {
        let map = try mapping("list")
        #expect(map.entries.map(\.keyText) == ["name", "city", "phone", "zip"])
        #expect(map.entries.map(\.isMerged) == [true, true, true, false])
        #expect(map["city"]?.scalar?.value == "Łódź")
    }

    @Test func taggedMergeKey() throws {
        let map = try mapping("tagged")
        #expect(map.entries.map(\.keyText) == ["city", "phone"])
        #expect(map.entries.map(\.isMerged) == Array(repeating: true, count: map.entries.count))
    }

    @Test func quotedKeyIsNotAMerge() throws {
        let map = try mapping("quoted")
        #expect(map.entries.map(\.keyText) == ["<<"])
        #expect(map.entries[0].isMerged == false)
    }

    @Test func mergesChain() throws {
        let map = try mapping("outer")
        #expect(map.entries.map(\.keyText) == ["name", "city", "k"])
        #expect(map.entries.map(\.isMerged) == Array(repeating: true, count: map.entries.count))
        let chained = try mapping("chained")
        #expect(chained.entries.map(\.isMerged) == [true, true, false])
    }

    @Test func inlineMergeSource() throws {
        let map = try mapping("inline")
        #expect(map.entries.map(\.keyText) == ["a", "b"])
        #expect(map["b"]?.scalar?.value == "3")
        #expect(map.entries.map(\.isMerged) == [true, false])
    }

    @Test func mergedEntriesKeepTheirSourceSpans() throws {
        let map = try mapping("single")
        let city = try #require(map["city"]?.scalar)
        #expect(city.span.start.line == 3)
    }

    @Test func mergeListWithANonMapping() throws {
        let error = try #require(rejection("a: &a {x: 1}\nb:\n  <<: [*a, 5]\n"))
        #expect(error.code == .badAlias)
        #expect(error.mark == Mark(offset: 27, line: 3, column: 12))
    }

    @Test func explicitDuplicateBesideMergeStillRejected() throws {
        let error = try #require(rejection("a: &a {x: 1}\nb:\n  <<: *a\n  y: 1\n  y: 2\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 5)
        #expect(error.message.contains("line 4"))
    }
}
