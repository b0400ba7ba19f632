import Foundation
import KlasterModel
import KlasterStore
import KlasterValidation
import Testing

@Suite struct StoreValidatorTests {
    let member = "members/rudzki-inkubator-przedsiebiorczosci.yaml"
    let university = "members/uniwersytet-slaski-w-katowicach.yaml"

    func validate(_ samples: SampleStore) throws -> [Diagnostic] {
        try StoreValidator(store: samples.open()).validate().diagnostics
    }

    @Test func samplesAreCleanWithoutWarnings() throws {
        let samples = try SampleStore()
        let report = try StoreValidator(store: samples.open()).validate()
        #expect(report.diagnostics == [])
        #expect(report.recordCount >= 20)
        #expect(report.passes(strict: true))
    }

    @Test func danglingReferenceAtItsLine() throws {
        let samples = try SampleStore()
        try samples.replace(member, "cluster: slaski-klaster-multimedialny", with: "cluster: no-such-cluster")
        let line = try samples.line(of: "cluster: no-such-cluster", in: member)
        let found = try validate(samples)
        // The membership was the coordinator's, so the cluster now warns about its coordinator too.
        #expect(found.map(\.rule).sorted() == ["coordinator-membership", "ref"])
        #expect(found.first { $0.rule == "coordinator-membership" }?.file == "clusters/slaski-klaster-multimedialny.yaml")
        let d = try #require(found.first { $0.rule == "ref" })
        #expect(d.file == member && d.line == line && d.column == 14)
        #expect(d.rule == "ref" && d.severity == .error)
        #expect(d.path == "/memberships/0/cluster")
        #expect(d.message.contains("'no-such-cluster'"))
    }

    @Test func checksumsAmbiguousScalarsAndUniqueValues() throws {
        let samples = try SampleStore()
        try samples.write(university, try samples.read(university) + "identifiers:\n  nip: \"6340197135\"\n  krs: 0000012345\n")
        try samples.write(member, try samples.read(member) + "identifiers:\n  krs: \"0000012345\"\n")
        let found = try validate(samples)
        let nip = try #require(found.first { $0.rule == "nip" })
        #expect(nip.file == university && nip.path == "/identifiers/nip" && nip.severity == .error)
        #expect(nip.message.contains("check digit"))
        let ambiguous = try #require(found.first { $0.rule == "yaml-ambiguous-scalar" })
        #expect(ambiguous.file == university && ambiguous.severity == .warning && ambiguous.path == "/identifiers/krs")
        let krsLine = try samples.line(of: "krs: 0000012345", in: university)
        #expect(ambiguous.line == krsLine)
        let unique = try #require(found.first { $0.rule == "unique" })
        #expect(unique.file == university, "the second file in order repeats the first's KRS")
        #expect(unique.message.contains(member))
        #expect(found.count == 3)
    }

    @Test func schemaIdAndDateOrderFindings() throws {
        let samples = try SampleStore()
        try samples.replace("clusters/okip.yaml", "id: okip", with: "id: okip-2")
        try samples.replace(member, "roles: [initiator, administrator]", with: "roles: [initiator, administrator]\n    since: \"2014-01-01\"\n    until: \"2013-01-01\"")
        try samples.replace(member, "org_type: incubator", with: "org_type: bakery")
        let found = try validate(samples)
        #expect(found.contains { $0.rule == "id" && $0.file == "clusters/okip.yaml" && $0.line == 2 && $0.path == "/id" })
        #expect(found.contains { $0.rule == "date-order" && $0.file == member && $0.path == "/memberships/0/until" })
        let enumFinding = try #require(found.first { $0.rule == "enum" })
        let orgLine = try samples.line(of: "org_type: bakery", in: member)
        #expect(enumFinding.path == "/org_type" && enumFinding.line == orgLine)
        #expect(found.count == 3)
    }

    @Test func yamlErrorsConflictsAndStrays() throws {
        let samples = try SampleStore()
        try samples.write("news/broken.yaml", "id: broken\ntitle: [unclosed\n")
        try samples.write("news/dup.yaml", "id: dup\nid: dup\n")
        try samples.write("clusters/c.yaml", "id: c\n<<<<<<< ours\nname: {pl: A}\n=======\nname: {pl: B}\n>>>>>>> theirs\n")
        try samples.write("members/Bad_Name.yaml", "id: x\n")
        try samples.write("members/notes.txt", "hello\n")
        let found = try validate(samples)
        #expect(found.first { $0.file == "news/broken.yaml" }?.rule == "yaml-syntax")
        let dup = try #require(found.first { $0.file == "news/dup.yaml" })
        #expect(dup.rule == "yaml-duplicate-key" && dup.line == 2 && dup.column == 1)
        #expect(found.filter { $0.file == "clusters/c.yaml" }.map(\.line) == [2, 4, 6])
        #expect(found.filter { $0.file == "clusters/c.yaml" }.allSatisfy { $0.rule == "conflict" })
        #expect(found.first { $0.file == "members/Bad_Name.yaml" }?.rule == "id")
        #expect(found.first { $0.file == "members/notes.txt" }?.severity == .warning)
    }

    @Test func aStoreSchemaTightensTheRules() throws {
        let samples = try SampleStore()
        var schema = try samples.read("schemas/members.schema.json")
        // The store requires a city for every member.
        schema = schema.replacingOccurrences(of: "\"required\": [\n    \"id\",", with: "\"required\": [\n    \"city\",\n    \"id\",")
        try samples.write("schemas/members.schema.json", schema)
        let found = try validate(samples)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.rule == "required" && $0.file.hasPrefix("members/") && $0.message.contains("city") })
    }

    @Test func onlyReportsTheNamedFiles() throws {
        let samples = try SampleStore()
        try samples.replace(member, "org_type: incubator", with: "org_type: bakery")
        try samples.replace("clusters/okip.yaml", "id: okip", with: "id: okip-2")
        let report = try StoreValidator(store: samples.open()).validate(only: [member])
        #expect(report.diagnostics.map(\.file) == [member])
    }

    @Test func aSymbolicLinkIsNotFollowed() throws {
        let samples = try SampleStore()
        try FileManager.default.createSymbolicLink(atPath: samples.root + "/clusters/link.yaml", withDestinationPath: "/etc/hostname")
        let found = try validate(samples)
        #expect(found.count == 1)
        #expect(found.first?.file == "clusters/link.yaml" && found.first?.rule == "io")
        #expect(found.first?.message.contains("is a symbolic link") == true)
    }
}
