import Foundation
import Testing

/// Each editing command on a commented record: the expected file text, byte for byte.
@Suite struct EditGoldenTests {
    @Test func setChangesOnlyTheLinesOfTheChangedFields() throws {
        let store = try EditFixture()
        let result = try store.klaster([
            "set", "news/golden", "title=Nowy tytuł", "tags+=okip", "people[id=bogdan-wegrzynek].name=B. Węgrzynek",
            "people[id=anna-figiel].name=Anna Figiel", "publisher=klasterip.pl", "--unset", "published",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let expected = """
            # yaml-language-server: $schema=../schemas/news.schema.json
            # A record for the editing tests: comments everywhere.
            id: golden
            title: Nowy tytuł   # the title as printed
            lang: pl
            publisher: klasterip.pl

            # Who the news is about.
            about:
              - cluster:okip   # the umbrella
              - member:rudzki-inkubator-przedsiebiorczosci
            tags: [ict, multimedia, okip]
            people:
              - id: bogdan-wegrzynek
                name: B. Węgrzynek # spelled as on the site
                positions:
                  - role: president
                    organisation: cluster:okip
              - id: anna-figiel
                name: Anna Figiel
            # Trailing note about the record.

            """
        #expect(try store.read("news/golden.yaml") == expected)
    }

    @Test func setTypesValuesByTheSchema() throws {
        let store = try EditFixture()
        let result = try store.klaster(["set", "news/golden", "lang=no", "title=0012", "tags-=ict", "published=2015-06-25"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try store.read("news/golden.yaml")
        #expect(text.contains("\nlang: \"no\"\n"))
        #expect(text.contains("\ntitle: \"0012\"   # the title as printed\n"))
        #expect(text.contains("\ntags: [multimedia]\n"))
        #expect(text.contains("\npublished: \"2015-06-25\"\n"))
    }

    @Test func newWritesTheModelineAndTheFieldsInSchemaOrder() throws {
        let store = try EditFixture()
        let result = try store.klaster([
            "new", "news", "2015-07-01-nowy-klaster", "lang=pl", "title=Nowy klaster: start", "tags=[ict, yes]",
            "about[0]=cluster:okip", "published=2015-07-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "news/2015-07-01-nowy-klaster.yaml\n")
        let expected = """
            # yaml-language-server: $schema=../schemas/news.schema.json
            id: 2015-07-01-nowy-klaster
            title: "Nowy klaster: start"
            lang: pl
            published: "2015-07-01"
            about:
              - cluster:okip
            tags:
              - ict
              - "yes"

            """
        #expect(try store.read("news/2015-07-01-nowy-klaster.yaml") == expected)
        #expect(try store.klaster(["validate"]).status == 0)
    }

    @Test func rmDeletesARecordNobodyRefersTo() throws {
        let store = try EditFixture()
        let result = try store.klaster(["rm", "news/golden"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!store.exists("news/golden.yaml"))
        #expect(try store.klaster(["validate"]).status == 0)
    }

    @Test func rmForceDeletesAndWarnsAboutEachDanglingReference() throws {
        let store = try EditFixture()
        let result = try store.klaster(["rm", "members/rudzki-inkubator-przedsiebiorczosci", "--force"])
        #expect(result.status == 0)
        #expect(!store.exists("members/rudzki-inkubator-przedsiebiorczosci.yaml"))
        #expect(result.stderr.contains("news/golden.yaml:11:5: warning: 'about[1]' refers to members/rudzki-inkubator-przedsiebiorczosci\n"))
        #expect(try store.klaster(["validate"]).status == 1)
    }

    @Test func mvRenamesAndRewritesEveryReferenceKeepingBytes() throws {
        let store = try EditFixture()
        let before = try store.snapshot()
        let result = try store.klaster(["mv", "clusters/okip", "okip-pl"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = EditFixture.golden
            .replacingOccurrences(of: "  - cluster:okip   # the umbrella", with: "  - cluster:okip-pl   # the umbrella")
            .replacingOccurrences(of: "        organisation: cluster:okip\n", with: "        organisation: cluster:okip-pl\n")
        #expect(try store.read("news/golden.yaml") == expected)
        #expect(!store.exists("clusters/okip.yaml"))
        let moved = try store.read("clusters/okip-pl.yaml")
        let original = String(decoding: try #require(before["clusters/okip.yaml"]), as: UTF8.self)
        #expect(moved == original.replacingOccurrences(of: "id: okip\n", with: "id: okip-pl\n").replacingOccurrences(of: "cluster:okip\n", with: "cluster:okip-pl\n"))
        #expect(try store.klaster(["validate"]).status == 0)
        // Back again: every byte as it was.
        #expect(try store.klaster(["mv", "clusters/okip-pl", "okip"]).status == 0)
        #expect(try store.snapshot() == before)
    }

    @Test func fmtLaysOutCanonicallyKeepingComments() throws {
        let store = try EditFixture()
        let messy = """
            # yaml-language-server: $schema=../schemas/news.schema.json
            lang: pl    # language of the article
            # The title, as printed.
            title:   Klastry na Śląsku
            id: messy
            tags: [ict, no]
            summary:
                pl: >-
                    Pierwsza linia tekstu,
                    druga linia.
            people:
            -   name: Anna Figiel   # author
                id: anna-figiel
            # End.
            """
        try store.write("news/messy.yaml", messy)
        let path = store.store + "/news/messy.yaml"
        let check = try store.klaster(["fmt", "--check", path])
        #expect(check.status == 1)
        #expect(check.stdout == "news/messy.yaml\n")
        let result = try store.klaster(["fmt", store.store + "/news"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
            # yaml-language-server: $schema=../schemas/news.schema.json
            id: messy
            # The title, as printed.
            title: Klastry na Śląsku
            lang: pl # language of the article
            summary:
              pl: >-
                Pierwsza linia tekstu,
                druga linia.
            people:
              - id: anna-figiel
                name: Anna Figiel # author
            tags:
              - ict
              - "no"
            # End.

            """
        #expect(try store.read("news/messy.yaml") == expected)
        #expect(try store.klaster(["fmt", "--check", path]).status == 0)
        #expect(try store.klaster(["fmt", path]).status == 0)
        #expect(try store.read("news/messy.yaml") == expected)
    }
}
