import Foundation
import Testing

/// Every way an editing command refuses: its message, its exit status, and an untouched store.
@Suite struct EditRefusalTests {
    /// Runs a command that must refuse, and checks that no record file changed.
    private func refused(_ store: EditFixture, _ arguments: [String]) throws -> CLIRunner.Output {
        let before = try store.snapshot()
        let result = try store.klaster(arguments)
        #expect(try store.snapshot() == before, "\(arguments) changed the store")
        return result
    }

    @Test func setRefusesAnInvalidResultWithItsDiagnostics() throws {
        let store = try EditFixture()
        let result = try refused(store, ["set", "news/golden", "published=24.06.2015", "lang=polish"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("news/golden.yaml:6:12: error: 'published' ") })
        #expect(lines.contains { $0.hasPrefix("news/golden.yaml:5:7: error: ") && $0.contains("lang") })
        #expect(lines.last == "klaster: error: the change to news/golden.yaml would leave the store invalid (\(lines.count - 1) errors above); nothing was written")
        #expect(result.stdout.isEmpty)
    }

    @Test func setRefusesAReferenceToNothing() throws {
        let store = try EditFixture()
        let result = try refused(store, ["set", "news/golden", "about[0]=cluster:nope"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("news/golden.yaml:10:5: error: "))
        #expect(result.stderr.contains("[ref]"))
    }

    @Test func setRefusesAnUnknownField() throws {
        let store = try EditFixture()
        let result = try refused(store, ["set", "news/golden", "colour=red"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: unknown field 'colour' [additionalProperties]"))
    }

    @Test func setRefusesWhatItCannotDoWithStatusTwo() throws {
        let store = try EditFixture()
        let cases: [([String], String)] = [
            (["set", "news/nope", "title=x"], "klaster: error: no record news/nope (no news/nope.yaml in \(store.store))\n"),
            (["set", "news/golden", "title"], "klaster: error: 'title': write a field change as FIELD=VALUE (or FIELD+=VALUE, FIELD-=VALUE for a list)\n"),
            (["set", "news/golden", "people[3].name=x"], "klaster: error: news/golden.yaml: there is no element 'people[3]'; a new element goes at the end, [1]\n"),
            (["set", "news/golden", "tags-=nope"], "klaster: error: news/golden.yaml: 'tags' has no element 'nope' to remove\n"),
            (["set", "news/golden", "--unset", "colour"], "klaster: error: news/golden.yaml: there is no field 'colour' in this kind of record\n"),
            (["set", "news/golden"], "klaster: error: name at least one change (FIELD=VALUE) or --unset FIELD (see 'klaster --help')\n"),
        ]
        for (arguments, message) in cases {
            let result = try refused(store, arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
    }

    @Test func newRefusesTakenAndMalformedIdsAndMissingFields() throws {
        let store = try EditFixture()
        let taken = try refused(store, ["new", "news", "golden", "title=x", "lang=pl"])
        #expect(taken.status == 2)
        #expect(taken.stderr == "klaster: error: news/golden already exists (news/golden.yaml); change it with 'klaster set'\n")
        let malformed = try refused(store, ["new", "news", "Złe_ID", "title=x", "lang=pl"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "klaster: error: 'Złe_ID' is not a valid id: lower-case letters, digits and single hyphens, at most 100 characters\n")
        let kind = try refused(store, ["new", "people", "x"])
        #expect(kind.status == 2)
        #expect(kind.stderr == "klaster: error: 'people' is not a kind of record (clusters, members, agreements, news)\n")
        let missing = try refused(store, ["new", "clusters", "nowy", "name.pl=Nowy"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("clusters/nowy.yaml:2:1: error: missing required field 'country' [required]\n"))
        #expect(missing.stderr.contains("clusters/nowy.yaml:2:1: error: missing required field 'sources' [required]\n"))
        #expect(missing.stderr.hasSuffix("klaster: error: clusters/nowy would leave the store invalid (2 errors above); nothing was written\n"))
        #expect(!store.exists("clusters/nowy.yaml"))
    }

    @Test func rmRefusesWhileReferredToListingEachReferrer() throws {
        let store = try EditFixture()
        let result = try refused(store, ["rm", "members/rudzki-inkubator-przedsiebiorczosci"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("news/golden.yaml:11:5: note: 'about[1]' refers to members/rudzki-inkubator-przedsiebiorczosci"))
        let notes = lines.filter { $0.contains(": note: ") }
        #expect(notes.count == lines.count - 1)
        #expect(notes.allSatisfy { $0.range(of: #"^[a-z]+/[a-z0-9-]+\.yaml:\d+:\d+: note: '"#, options: .regularExpression) != nil })
        #expect(lines.last == "klaster: error: members/rudzki-inkubator-przedsiebiorczosci is still referred to (\(notes.count) references above); remove those references first, or use --force")
        let missing = try refused(store, ["rm", "news/nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "klaster: error: no record news/nope (no news/nope.yaml in \(store.store))\n")
    }

    @Test func mvRefusesATakenOrMalformedId() throws {
        let store = try EditFixture()
        let taken = try refused(store, ["mv", "clusters/okip", "pikmed"])
        #expect(taken.status == 2)
        #expect(taken.stderr == "klaster: error: clusters/pikmed already exists (clusters/pikmed.yaml)\n")
        let malformed = try refused(store, ["mv", "clusters/okip", "OKIP"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "klaster: error: 'OKIP' is not a valid id: lower-case letters, digits and single hyphens, at most 100 characters\n")
        let missing = try refused(store, ["mv", "clusters/nope", "x"])
        #expect(missing.status == 2)
    }

    @Test func fmtReportsFilesItCannotReadAndLeavesThem() throws {
        let store = try EditFixture()
        try store.write("news/broken.yaml", "id: broken\ntitle: [unclosed\n")
        try store.write("news/aliased.yaml", "id: aliased\ntitle: &t Tytuł\nlang: pl\nsummary: {pl: *t}\n")
        let result = try refused(store, ["fmt", store.store + "/news/broken.yaml", store.store + "/news/aliased.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("news/broken.yaml:3:1: error: "))
        #expect(result.stderr.contains("news/aliased.yaml:2:8: error: the file uses anchors, aliases or '<<' merges, which 'klaster fmt' would expand; it is left as it is [yaml-edit]"))
    }
}
