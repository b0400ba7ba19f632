import Foundation
import KlasterModel
import KlasterYAML
import Testing

/// Every sample file decodes into its Swift type with ``YAMLDecoder``, to the same value PyYAML's
/// reading gives, and decoding errors in records point at the offending line.
@Suite struct SampleYAMLDecodingTests {
    static func decode<R: Record>(_ type: R.Type, _ url: URL, kind: RecordKind) throws -> R {
        let file = "\(kind.folder)/\(url.lastPathComponent)"
        let text = try String(contentsOf: url, encoding: .utf8)
        return try YAMLDecoder().decode(R.self, from: text, file: file)
    }

    static func same<R: Record>(_ type: R.Type, _ url: URL, kind: RecordKind, json: Any?) throws {
        let record = try decode(type, url, kind: kind)
        #expect(record.relativePath == "\(kind.folder)/\(url.lastPathComponent)")
        let json = try #require(json, "\(url.lastPathComponent) missing from PyYAML's reading")
        let viaPython = try JSONDecoder().decode(R.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(record == viaPython, "\(url.lastPathComponent)")
    }

    @Test func everySampleDecodesWithYAMLDecoder() throws {
        let samples = try SampleRecordTests.samplesAsJSON()
        var decoded = 0
        for kind in RecordKind.allCases {
            for url in try PackageFiles.sampleFiles(kind) {
                let json = samples["\(kind.folder)/\(url.lastPathComponent)"]
                switch kind {
                case .clusters: try Self.same(Cluster.self, url, kind: kind, json: json)
                case .members: try Self.same(Member.self, url, kind: kind, json: json)
                case .agreements: try Self.same(Agreement.self, url, kind: kind, json: json)
                case .news: try Self.same(News.self, url, kind: kind, json: json)
                }
                decoded += 1
            }
        }
        #expect(decoded == 21)
    }

    @Test func aBadDateIsReportedAtItsLine() throws {
        let text = """
            id: okip
            name:
              pl: Ogólnopolski Klaster Innowacyjnych Przedsiębiorstw
            country: PL
            founded: 15.01.2013
            sources:
              - url: http://www.klasterip.pl
            """
        do {
            _ = try YAMLDecoder().decode(Cluster.self, from: text, file: "clusters/okip.yaml")
            Issue.record("a date in the form DD.MM.YYYY should not decode")
        } catch {
            #expect(error.file == "clusters/okip.yaml")
            #expect(error.line == 5)
            #expect(error.path == "founded")
        }
    }

    @Test func aBadReferenceIsReportedAtItsPath() throws {
        let text = """
            id: 2015-06-17-porozumienie
            title:
              pl: Porozumienie
            agreement_type: inter-cluster-cooperation
            parties:
              - ref: cluster:okip
                role: umbrella
              - ref: okip
                role: party
            sources:
              - news: x
            """
        do {
            _ = try YAMLDecoder().decode(Agreement.self, from: text, file: "agreements/a.yaml")
            Issue.record("a reference without its kind should not decode")
        } catch {
            #expect(error.line == 8)
            #expect(error.path == "parties[1].ref")
        }
    }

    @Test func plainScalarsStayStrings() throws {
        let text = """
            id: zwiazek
            name:
              pl: Związek
            org_type: association
            country: NO
            identifiers:
              krs: 0000012345
              regon: 000001347
            sources:
              - url: http://example.org
            """
        let member = try YAMLDecoder().decode(Member.self, from: text, file: "members/zwiazek.yaml")
        #expect(member.country == "NO")
        #expect(member.identifiers?.krs == "0000012345")
        #expect(member.identifiers?.regon == "000001347")
    }
}
