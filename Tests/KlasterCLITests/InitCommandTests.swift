import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func makesAStoreThatOtherCommandsFind() throws {
        let dir = try TempDir()
        let result = try CLIRunner.run(["init", "store", "--name", "Klaster: test \"ą\""], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try dir.read("store/klaster.yaml") == "format: 1\nname: 'Klaster: test \"ą\"'\nlanguages: [pl, en]\n"
            || dir.read("store/klaster.yaml") == "format: 1\nname: \"Klaster: test \\\"ą\\\"\"\nlanguages: [pl, en]\n")
        #expect(try dir.read("store/.gitignore") == ".klaster/\n")
        let attributes = try dir.read("store/.gitattributes")
        for kind in ["clusters", "members", "agreements", "news"] {
            #expect(attributes.contains("\(kind)/*.yaml merge=klaster\n"))
            let schema = try dir.read("store/schemas/\(kind).schema.json")
            let original = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schemas/\(kind).schema.json"), encoding: .utf8)
            #expect(schema == original, "the store's schema copy equals the package's")
            var isDir: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: dir.path + "/store/" + kind, isDirectory: &isDir) && isDir.boolValue)
        }
    }

    @Test func keepsExistingIgnoreLinesAndRefusesASecondInit() throws {
        let dir = try TempDir()
        try dir.write(".gitignore", "*.tmp")
        let first = try CLIRunner.run(["init"], in: dir.path)
        #expect(first.status == 0)
        #expect(try dir.read(".gitignore") == "*.tmp\n.klaster/\n")
        let second = try CLIRunner.run(["init"], in: dir.path)
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("klaster: error: "))
        #expect(second.stderr.contains("already a Klaster store"))
        #expect(second.stdout.isEmpty)
    }

    @Test func badArgumentsExitTwoWithOneLine() throws {
        let dir = try TempDir()
        let result = try CLIRunner.run(["init", "--languages", "pl,xx"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stderr == "klaster: error: --languages: 'xx' is not an ISO 639-1 language code\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/klaster.yaml"))
        let unknown = try CLIRunner.run(["frobnicate"], in: dir.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("klaster: error: "))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: klaster"))
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }
}
