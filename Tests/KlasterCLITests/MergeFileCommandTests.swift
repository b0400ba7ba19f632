import Foundation
import Testing

/// `klaster merge-file` run directly, as git's driver is.
@Suite struct MergeFileCommandTests {
    /// Writes the three versions, runs merge-file (with `--path` when given) in `dir`, and
    /// returns its status and the resulting OURS.
    func run(_ dir: TempDir, base: String, ours: String, theirs: String, path: String?, extra: [String] = []) throws -> (Int32, String, String) {
        try dir.write("b", base)
        try dir.write("o", ours)
        try dir.write("t", theirs)
        var arguments = ["merge-file", dir.path + "/b", dir.path + "/o", dir.path + "/t"] + extra
        if let path { arguments += ["--path", path] }
        let out = try CLIRunner.run(arguments, in: dir.path)
        return (out.status, try dir.read("o"), out.stderr)
    }

    func gitMergeFile(_ dir: TempDir, base: String, ours: String, theirs: String) throws -> (Int32, String) {
        try dir.write("gb", base)
        try dir.write("go", ours)
        try dir.write("gt", theirs)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", dir.path + "/go", dir.path + "/gb", dir.path + "/gt"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aFileThatIsNotARecordIsMergedLineByLineAsGitDoes() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        let base = "one\ntwo\nthree\nfour\nfive\nsix\n"
        let cases = [
            ("ONE\ntwo\nthree\nfour\nfive\nsix\n", "one\ntwo\nthree\nfour\nfive\nSIX\n"),
            ("one\nTWO\nthree\nfour\nfive\nsix\n", "one\n2\nthree\nfour\nfive\nsix\n"),
        ]
        for (ours, theirs) in cases {
            let (status, merged, _) = try run(dir, base: base, ours: ours, theirs: theirs, path: "store/README.md")
            let git = try gitMergeFile(dir, base: base, ours: ours, theirs: theirs)
            #expect(status == git.0)
            #expect(merged == git.1)
        }
    }

    @Test func aRecordThatDoesNotParseFallsBackToLinesAndKeepsBothSides() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        let base = "id: okip\nname:\n  pl: A\n"
        let ours = "id: okip\nname:\n  pl: [unclosed\n"
        let theirs = "id: okip\nname:\n  pl: B\n"
        let (status, merged, _) = try run(dir, base: base, ours: ours, theirs: theirs, path: "store/clusters/okip.yaml")
        #expect(status == 1)
        #expect(merged.contains("  pl: [unclosed\n") && merged.contains("  pl: B\n"))
    }

    @Test func aRecordConflictHonoursTheMarkerSizeAndSavesTheVersions() throws {
        let dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "store")
        let base = try dir.read("store/clusters/okip.yaml")
        let ours = base.replacingOccurrences(of: "short_name: OKIP", with: "short_name: O")
        let theirs = base.replacingOccurrences(of: "short_name: OKIP", with: "short_name: T")
        let (status, merged, stderr) = try run(dir, base: base, ours: ours, theirs: theirs, path: "store/clusters/okip.yaml", extra: ["--marker-size", "9"])
        #expect(status == 1)
        #expect(merged.contains("<<<<<<<<< ours\nshort_name: O\n=========\nshort_name: T\n>>>>>>>>> theirs\n"))
        #expect(stderr.contains("/short_name"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/store/.klaster/conflicts/clusters/okip.yaml.theirs"))
        // Outside git, resolve uses the saved versions.
        try dir.write("store/clusters/okip.yaml", merged)
        let resolved = try CLIRunner.run(["resolve", "clusters/okip", "--theirs"], in: dir.path + "/store")
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try dir.read("store/clusters/okip.yaml") == theirs)
    }

    @Test func bytesThatAreNotUTF8AreMergedWithoutLoss() throws {
        let dir = try TempDir()
        let base: [UInt8] = Array("a\n\u{FF}b\nc\n".utf8).map { $0 == 0xC3 ? 0xFF : $0 }
        var ours = base
        ours.insert(contentsOf: [0xFE, 0x0A], at: 0)
        var theirs = base
        theirs.append(contentsOf: [0xFD, 0x0A])
        try Data(base).write(to: URL(fileURLWithPath: dir.path + "/b"))
        try Data(ours).write(to: URL(fileURLWithPath: dir.path + "/o"))
        try Data(theirs).write(to: URL(fileURLWithPath: dir.path + "/t"))
        let out = try CLIRunner.run(["merge-file", dir.path + "/b", dir.path + "/o", dir.path + "/t"], in: dir.path)
        #expect(out.status == 0)
        let merged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.path + "/o")))
        #expect(merged == [0xFE, 0x0A] + base + [0xFD, 0x0A])
    }

    @Test func anUnreadableVersionIsAnError() throws {
        let dir = try TempDir()
        try dir.write("o", "x\n")
        try dir.write("t", "y\n")
        let out = try CLIRunner.run(["merge-file", dir.path + "/missing", dir.path + "/o", dir.path + "/t"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("klaster: error: cannot read"))
        #expect(try dir.read("o") == "x\n")
    }
}
