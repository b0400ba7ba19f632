import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func samplesValidateWithExitZeroAndNoOutput() throws {
        let result = try CLIRunner.run(["validate", "--store", CLIRunner.packageRoot.appendingPathComponent("samples").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty, "nothing decorative when stdout is not a terminal")
    }

    @Test func findsTheStoreFromASubfolderAndFromTheEnvironment() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        #expect(try CLIRunner.run(["validate"], in: dir.path + "/store/members").status == 0)
        #expect(try CLIRunner.run(["validate"], in: dir.path, environment: ["KLASTER_STORE": dir.path + "/store"]).status == 0)
        let none = try CLIRunner.run(["validate"], in: dir.path)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("klaster: error: no Klaster store here"))
    }

    @Test func brokenStoreExitsOneWithCompilerStyleLines() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "s")
        let file = "s/members/rudzki-inkubator-przedsiebiorczosci.yaml"
        try dir.write(file, try dir.read(file).replacingOccurrences(of: "org_type: incubator", with: "org_type: 12"))
        let result = try CLIRunner.run(["validate", "--store", dir.path + "/s"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("members/rudzki-inkubator-przedsiebiorczosci.yaml:6:11: error: ") == true)
        #expect(lines.first?.hasSuffix("[enum]") == true)
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "s")
        let file = "s/members/rudzki-inkubator-przedsiebiorczosci.yaml"
        try dir.write(file, try dir.read(file).replacingOccurrences(of: "country: PL", with: "country: NO"))
        let relaxed = try CLIRunner.run(["validate", "--store", dir.path + "/s"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning: 'country' is written NO without quotes"))
        #expect(relaxed.stdout.contains("[yaml-ambiguous-scalar]"))
        #expect(try CLIRunner.run(["validate", "--strict", "--store", dir.path + "/s"]).status == 1)
    }

    @Test func jsonAndSarifAreWellFormed() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "s")
        try dir.write("s/news/bad.yaml", "id: bad\ntitle: {pl: x}\nlang: pl\nlang: en\n")
        let json = try CLIRunner.run(["validate", "--format", "json", "--store", dir.path + "/s"])
        #expect(json.status == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "yaml-duplicate-key")
        #expect(findings.first?["line"] as? Int == 4)
        #expect(findings.first?["file"] as? String == "news/bad.yaml")
        let sarif = try CLIRunner.run(["validate", "--format", "sarif", "--store", dir.path + "/s"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
        #expect(results?.count == 1)
    }

    @Test func namedPathsNarrowTheReportAndBadPathsExitTwo() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "s")
        try dir.write("s/news/bad.yaml", "id: bad\n")
        try dir.write("s/news/worse.yaml", "id: worse\n")
        let one = try CLIRunner.run(["validate", "news/bad.yaml"], in: dir.path + "/s")
        #expect(one.status == 1)
        #expect(one.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("news/bad.yaml:") })
        let clean = try CLIRunner.run(["validate", "clusters/okip.yaml"], in: dir.path + "/s")
        #expect(clean.status == 0)
        let missing = try CLIRunner.run(["validate", "news/nope.yaml"], in: dir.path + "/s")
        #expect(missing.status == 2)
        #expect(missing.stderr == "klaster: error: news/nope.yaml: no such file\n")
        let outside = try CLIRunner.run(["validate", "/etc/hostname"], in: dir.path + "/s")
        #expect(outside.status == 2)
    }
}
