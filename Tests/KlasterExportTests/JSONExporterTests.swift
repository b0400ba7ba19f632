import Foundation
import KlasterExport
import KlasterModel
import KlasterStore
import KlasterValidation
import Testing

@Suite struct JSONExporterTests {
    @Test func samplesExportAsTheYAMLSays() throws {
        let dir = try TempFolder()
        let dataset = try ExportTestSupport.loadSamples()
        try JSONExporter().export(dataset, options: ExportOptions(out: dir.path + "/all.json"))
        let check = try ExportTestSupport.python(script: "check-json-export.py", [ExportTestSupport.samples, dir.path + "/all.json"])
        #expect(check.status == 0, "\(check.stderr)")
        let text = try dir.read("all.json")
        #expect(text.contains("Ogólnopolski Klaster Innowacyjnych Przedsiębiorstw"))
        #expect(!text.contains("\\u0"))
    }

    @Test func theSameStoreGivesTheSameBytes() throws {
        let dir = try TempFolder()
        let first = try ExportTestSupport.loadSamples()
        let second = try ExportTestSupport.loadSamples()
        try JSONExporter().export(first, options: ExportOptions(out: dir.path + "/a.json"))
        try JSONExporter().export(second, options: ExportOptions(out: dir.path + "/b.json"))
        #expect(try dir.bytes("a.json") == dir.bytes("b.json"))
    }

    @Test func keysFollowTheSchemaNotTheFile() throws {
        let dir = try TempFolder()
        let root = try dir.copySamples()
        // The same record with its fields in reverse order exports to the same text.
        let path = root + "/members/uniwersytet-slaski-w-katowicach.yaml"
        let original = try ExportTestSupport.loadSamples(kinds: [.members])
        try """
        sources:
          - news: 2013-01-16-umowa-partnerstwa-slaskiego-klastra-multimedialnego-podpisana
        memberships:
          - note:
              pl: >-
                Śląski Klaster Multimedialny powstał dzięki zaangażowaniu w jego budowę przedsiębiorców,
                Uniwersytetu Śląskiego w Katowicach, Regionalnej Izby Gospodarczej w Katowicach oraz
                wsparciu władz miasta i regionu.
            agreement: 2013-01-15-umowa-partnerstwa-slaskiego-klastra-multimedialnego
            roles: [founding-member]
            cluster: slaski-klaster-multimedialny
        city: Katowice
        region: PL-24
        country: PL
        org_type: university
        name:
          en: University of Silesia in Katowice
          pl: Uniwersytet Śląski w Katowicach
        id: uniwersytet-slaski-w-katowicach

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let reordered = try ExportDataset.load(from: Store.open(at: root), kinds: [.members]).dataset
        try JSONExporter().export(original, options: ExportOptions(out: dir.path + "/a.json"))
        try JSONExporter().export(reordered, options: ExportOptions(out: dir.path + "/b.json"))
        #expect(try dir.read("a.json") == dir.read("b.json"))
    }

    @Test func aRecordWithoutAnIDFieldGetsItsFileStem() throws {
        let dir = try TempFolder()
        let root = try dir.copySamples()
        let path = root + "/news/rudzki-klaster-wsrod-swiatowej-elity.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "id: rudzki-klaster-wsrod-swiatowej-elity\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let dataset = try ExportDataset.load(from: Store.open(at: root), kinds: [.news]).dataset
        let record = try #require(dataset.record(.news, "rudzki-klaster-wsrod-swiatowej-elity"))
        #expect(record.fields.keys.first == "id")
        #expect(record.fields["id"]?.stringValue == "rudzki-klaster-wsrod-swiatowej-elity")
    }
}
