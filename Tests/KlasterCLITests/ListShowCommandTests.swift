import Foundation
import Testing

@Suite struct ListShowCommandTests {
    let samples = CLIRunner.packageRoot.appendingPathComponent("samples").path

    @Test func listsWithFiltersAsCSVThatPythonReads() throws {
        let result = try CLIRunner.run([
            "list", "members", "--store", samples, "--where", "memberships.cluster=slaski-klaster-multimedialny",
            "--where", "country=PL", "--fields", "id,name.pl", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let check = """
            import csv, sys
            rows = list(csv.reader(sys.stdin))
            assert rows[0] == ['id', 'name.pl'], rows[0]
            names = {r[0]: r[1] for r in rows[1:]}
            assert names['rudzki-inkubator-przedsiebiorczosci'] == 'Rudzki Inkubator Przedsiębiorczości', names
            assert 'zwiazek-pracodawcow-klastry-polskie' not in names, names
            print(len(rows) - 1)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", check]
        let input = Pipe()
        let output = Pipe()
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        input.fileHandleForWriting.write(Data(result.stdout.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(printed == "3\n")
    }

    @Test func listsAsJSONWithTypedValuesAndAsATable() throws {
        let json = try CLIRunner.run(["list", "clusters", "--store", samples, "--fields", "id,founded", "--where", "id=slaski-klaster-multimedialny", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["founded"] as? String == "2013-01-15")
        let table = try CLIRunner.run(["list", "news", "--store", samples])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id") == true && lines.first?.contains("title") == true)
        #expect(lines.count == 2 + 5)
        let bad = try CLIRunner.run(["list", "people", "--store", samples])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not a kind of record"))
    }

    @Test func showsTheFileAsIsOrAsJSON() throws {
        let yaml = try CLIRunner.run(["show", "clusters/okip", "--store", samples])
        #expect(yaml.status == 0)
        #expect(yaml.stdout == (try String(contentsOfFile: samples + "/clusters/okip.yaml", encoding: .utf8)))
        let json = try CLIRunner.run(["show", "cluster/okip", "--format", "json", "--store", samples])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "okip")
        #expect(json.stdout.contains("Ogólnopolski"), "non-ASCII unescaped")
        let missing = try CLIRunner.run(["show", "clusters/nope", "--store", samples])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("klaster: error: no record clusters/nope"))
    }
}
