import Foundation
import Testing

@Suite struct ExportCommandTests {
    @Test func jsonGoesToStdoutAndEqualsTheFile() throws {
        let dir = try TempDir()
        let samples = CLIRunner.packageRoot.appendingPathComponent("samples").path
        let out = try CLIRunner.run(["export", "json", "--store", samples])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.isEmpty)
        let file = try CLIRunner.run(["export", "json", "--store", samples, "--out", dir.path + "/all.json"])
        #expect(file.status == 0)
        #expect(try dir.read("all.json") == out.stdout)
        let some = try CLIRunner.run(["export", "json", "--store", samples, "--kind", "news", "--kind", "cluster", "--out", "-"])
        #expect(some.stdout.hasPrefix("{\n  \"format\": 1,\n  \"clusters\": [\n"))
        #expect(!some.stdout.contains("\"members\":"))
        #expect(some.stdout.contains("\n  \"news\": [\n"))
    }

    @Test func anInvalidStoreIsRefusedUnlessAllowed() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        try dir.write("store/clusters/broken.yaml", "id: broken\nname:\n  pl: Zepsuty\ncountry: Polska\nsources: []\n")
        try dir.write("store/members/bad-yaml.yaml", "id: [unclosed\n")
        let refused = try CLIRunner.run(["export", "json", "--store", dir.path + "/store"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("clusters/broken.yaml:4:10: error:"))
        #expect(refused.stderr.contains("members/bad-yaml.yaml:"))
        #expect(refused.stderr.contains("--allow-invalid"))
        let allowed = try CLIRunner.run(["export", "json", "--store", dir.path + "/store", "--allow-invalid"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("\"country\": \"Polska\""))
        #expect(allowed.stderr.contains("warning"))
    }

    @Test func folderFormatsNeedOutAndUnknownFormatsAreErrors() throws {
        let samples = CLIRunner.packageRoot.appendingPathComponent("samples").path
        let noOut = try CLIRunner.run(["export", "html", "--store", samples])
        #expect(noOut.status == 2)
        #expect(noOut.stderr.hasPrefix("klaster: error: html writes a folder"))
        let unknown = try CLIRunner.run(["export", "nope", "--store", samples], environment: ["PATH": "/usr/bin:/bin"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no exporter 'nope'"))
    }

    @Test func aTemplateThatDoesNotParseIsOneLineNamingItsFileLineAndColumn() throws {
        let dir = try TempDir()
        let samples = CLIRunner.packageRoot.appendingPathComponent("samples").path
        try dir.write("templates/entry.mustache", "<li>\n  {{#title}}{{title}}\n</li>\n")
        let out = try CLIRunner.run(["export", "html", "--store", samples, "--out", dir.path + "/site", "--template", dir.path + "/templates"])
        #expect(out.status == 2)
        #expect(out.stderr == "klaster: error: \(dir.path)/templates/entry.mustache:2:3: section {{#title}} is not closed\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/site"))
    }

    @Test func thePluginGetsTheJSONAndOutAndItsStatusIsPassedOn() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        // A plugin that records its argument and input, and one that fails.
        try dir.write("store/exporters/klaster-export-probe", "#!/bin/sh\necho \"$1\" > \"$KLASTER_STORE/../arg.txt\"\ncat > \"$KLASTER_STORE/../input.json\"\n")
        try dir.write("bin/klaster-export-fail", "#!/bin/sh\ncat > /dev/null\necho 'fail: no luck' >&2\nexit 7\n")
        for file in ["store/exporters/klaster-export-probe", "bin/klaster-export-fail"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path + "/" + file)
        }
        let path = dir.path + "/bin:/usr/bin:/bin"
        let list = try CLIRunner.run(["exporters", "--store", dir.path + "/store"], environment: ["PATH": path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("probe  plugin"))
        #expect(list.stdout.contains("fail   plugin"))
        #expect(list.stdout.contains("ical   plugin"))
        let probe = try CLIRunner.run(["export", "probe", "--store", dir.path + "/store", "--out", "x.txt"], environment: ["PATH": path])
        #expect(probe.status == 0, "\(probe.stderr)")
        #expect(try dir.read("arg.txt") == "x.txt\n")
        let json = try CLIRunner.run(["export", "json", "--store", dir.path + "/store"])
        #expect(try dir.read("input.json") == json.stdout)
        let fail = try CLIRunner.run(["export", "fail", "--store", dir.path + "/store"], environment: ["PATH": path])
        #expect(fail.status == 7)
        #expect(fail.stderr.contains("fail: no luck"))
        #expect(fail.stderr.contains("exited with status 7"))
    }

    @Test func theExamplePluginWritesACalendarOfAgreementsAndNews() throws {
        let dir = try TempDir()
        let samples = CLIRunner.packageRoot.appendingPathComponent("samples").path
        let run = try CLIRunner.run(["export", "ical", "--store", samples, "--out", dir.path + "/klaster.ics"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try dir.read("klaster.ics")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
        #expect(text.contains("DTSTART;VALUE=DATE:20150617\r\nSUMMARY:[agreement] Porozumienie o współpracy międzyklastrowej\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }
}
