import Foundation
import KlasterModel
import Testing

/// Every record of the sample store fits its Swift type. The YAML is read by PyYAML here (the
/// samples quote every scalar YAML 1.1 would misread, so PyYAML and YAML 1.2 agree on them) and
/// handed over as JSON; decoding straight from YAML belongs to the YAML decoder's tests.
@Suite struct SampleRecordTests {
    /// `{"clusters/okip.yaml": {...}, ...}` for the whole sample store, as JSON from PyYAML.
    static func samplesAsJSON() throws -> [String: Any] {
        let python = try #require(PackageFiles.python(), "python3 is not on PATH")
        let script = """
            import json, pathlib, sys, yaml
            root = pathlib.Path(sys.argv[1])
            out = {}
            for kind in ["clusters", "members", "agreements", "news"]:
                for f in sorted((root / kind).glob("*.yaml")):
                    out[f"{kind}/{f.name}"] = yaml.safe_load(f.read_text(encoding="utf-8"))
            sys.stdout.write(json.dumps(out, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, PackageFiles.url("samples").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Canonical JSON text of a JSON value, for comparing content.
    static func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func roundTrip<R: Record>(_ type: R.Type, _ json: Any, file: String) throws {
        let data = try JSONSerialization.data(withJSONObject: json)
        let record = try JSONDecoder().decode(R.self, from: data)
        let stem = String(file.split(separator: "/").last!.dropLast(".yaml".count))
        #expect(record.id.rawValue == stem, "\(file)")
        #expect(record.relativePath == file)
        let encoded = try JSONEncoder().encode(record)
        let reread = try JSONSerialization.jsonObject(with: encoded)
        #expect(try canonical(reread) == canonical(json), "\(file) changed in a decode/encode round trip")
        #expect(try JSONDecoder().decode(R.self, from: encoded) == record)
    }

    @Test func everySampleDecodesAndRoundTrips() throws {
        let samples = try Self.samplesAsJSON()
        var counts: [RecordKind: Int] = [:]
        for kind in RecordKind.allCases {
            #expect(try PackageFiles.sampleFiles(kind).count == samples.keys.filter { $0.hasPrefix(kind.folder + "/") }.count)
        }
        for (file, json) in samples.sorted(by: { $0.key < $1.key }) {
            let kind = try #require(RecordKind(rawValue: String(file.prefix { $0 != "/" })))
            counts[kind, default: 0] += 1
            switch kind {
            case .clusters: try Self.roundTrip(Cluster.self, json, file: file)
            case .members: try Self.roundTrip(Member.self, json, file: file)
            case .agreements: try Self.roundTrip(Agreement.self, json, file: file)
            case .news: try Self.roundTrip(News.self, json, file: file)
            }
        }
        #expect(counts == [.clusters: 9, .members: 4, .agreements: 3, .news: 5])
    }

    @Test func samplesCarryTypedReferences() throws {
        let samples = try Self.samplesAsJSON()
        let json = try #require(samples["clusters/slaski-klaster-multimedialny.yaml"])
        let cluster = try JSONDecoder().decode(Cluster.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(cluster.coordinator == MemberID("rudzki-inkubator-przedsiebiorczosci"))
        #expect(cluster.founded == LocalDate("2013-01-15"))
        #expect(cluster.name.pl == "Śląski Klaster Multimedialny")
        #expect(cluster.objectives?.en?.count == 8)
        #expect(cluster.affiliations?.first?.ref == RecordRef(kind: .clusters, id: "cluster-55"))

        let newsJSON = try #require(samples["news/2013-07-04-rozmawiali-o-przyszlosci-dolnoslaskich-klastrow.yaml"])
        let news = try JSONDecoder().decode(News.self, from: try JSONSerialization.data(withJSONObject: newsJSON))
        guard case .dateTime(let published) = news.published else {
            Issue.record("published should be a date-time")
            return
        }
        #expect(published.offsetMinutes == 120)
        #expect(news.modified?.date == LocalDate("2013-08-27"))
    }

    @Test func theCheckerPassesOnTheSamples() throws {
        let python = try #require(PackageFiles.python(), "python3 is not on PATH")
        let process = Process()
        process.executableURL = python
        process.arguments = [PackageFiles.url("scripts/check-samples.py").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix("0 problem(s)\n"), "\(text)")
    }
}
