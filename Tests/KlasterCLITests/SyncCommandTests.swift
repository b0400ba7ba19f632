import Foundation
import Testing

/// `klaster sync` and the per-copy section of `klaster status`, run as a user would.
@Suite struct SyncCommandTests {
    func stores() throws -> TempDir {
        let dir = try TempDir()
        for root in ["a", "b"] {
            try dir.write(root + "/klaster.yaml", "format: 1\nname: Sync test\n")
            for kind in ["clusters", "members", "agreements", "news"] {
                try FileManager.default.createDirectory(atPath: dir.path + "/" + root + "/" + kind, withIntermediateDirectories: true)
            }
        }
        return dir
    }

    func cluster(_ id: String, city: String) -> String {
        "id: \(id)\nname:\n  pl: Klaster \(id)\ncountry: PL\ncity: \(city)\nsources:\n  - url: https://example.org/\(id)\n"
    }

    @Test func syncPrintsASummaryPerCopy() throws {
        let dir = try stores()
        try dir.write("a/clusters/one.yaml", cluster("one", city: "Gliwice"))
        try dir.write("b/clusters/two.yaml", cluster("two", city: "Bytom"))
        let dry = try CLIRunner.run(["sync", "../b", "--dry-run"], in: dir.path + "/a")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("clusters/two.yaml: here: added"))
        #expect(dry.stdout.contains("1 would be added"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/b/clusters/one.yaml"))

        let run = try CLIRunner.run(["sync", dir.path + "/b", "--store", dir.path + "/a"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("this copy (\(dir.path)/a): 1 added, 0 changed, 0 deleted, 0 conflicted"))
        #expect(run.stdout.contains("other copy (\(dir.path)/b): 1 added, 0 changed, 0 deleted, 0 conflicted"))
        #expect(try dir.read("b/clusters/one.yaml") == cluster("one", city: "Gliwice"))

        let again = try CLIRunner.run(["sync", dir.path + "/b", "--store", dir.path + "/a", "--format", "json"])
        #expect(again.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((json["changes"] as? [Any])?.isEmpty == true)
        #expect(((json["here"] as? [String: Any])?["summary"] as? [String: Int])?["added"] == 0)
    }

    @Test func conflictsExitWithOneAndShowInStatus() throws {
        let dir = try stores()
        try dir.write("a/clusters/one.yaml", cluster("one", city: "Gliwice"))
        #expect(try CLIRunner.run(["sync", dir.path + "/b", "--store", dir.path + "/a"]).status == 0)
        try dir.write("a/clusters/one.yaml", cluster("one", city: "Zabrze"))
        try dir.write("b/clusters/one.yaml", cluster("one", city: "Bytom"))
        try dir.write("a/clusters/new.yaml", cluster("new", city: "Rybnik"))

        let status = try CLIRunner.run(["status", "--store", dir.path + "/a"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Since the last sync with \(dir.path)/b"))
        #expect(status.stdout.contains("changed: clusters/one.yaml"))
        #expect(status.stdout.contains("added: clusters/new.yaml"))

        let run = try CLIRunner.run(["sync", dir.path + "/b", "--store", dir.path + "/a", "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["path"] as? String == "clusters/one.yaml" && $0["here"] as? String == "conflicted" })
        #expect(try dir.read("b/clusters/one.yaml") == cluster("one", city: "Bytom"))

        let after = try CLIRunner.run(["status", "--store", dir.path + "/a"])
        #expect(after.status == 1)
        #expect(after.stdout.contains("clusters/one"))
        let validate = try CLIRunner.run(["validate", "--store", dir.path + "/a"])
        #expect(validate.status == 1)

        let resolve = try CLIRunner.run(["resolve", "clusters/one", "--theirs", "--store", dir.path + "/a"])
        #expect(resolve.status == 0, "\(resolve.stdout)\(resolve.stderr)")
        let finish = try CLIRunner.run(["sync", dir.path + "/b", "--store", dir.path + "/a"])
        #expect(finish.status == 0, "\(finish.stdout)\(finish.stderr)")
        #expect(try dir.read("a/clusters/one.yaml") == dir.read("b/clusters/one.yaml"))
        #expect(try dir.read("a/clusters/one.yaml").contains("city: Bytom"))
    }

    /// A record deleted in one copy and changed in the other comes back in both; `status` in
    /// either copy lists it until the record changes again, so the one who deleted it learns.
    @Test func aDeleteAgainstAnEditShowsInStatusInBothCopies() throws {
        let dir = try stores()
        let (a, b) = (dir.path + "/a", dir.path + "/b")
        try dir.write("a/clusters/one.yaml", cluster("one", city: "Gliwice"))
        #expect(try CLIRunner.run(["sync", b, "--store", a]).status == 0)
        try FileManager.default.removeItem(atPath: b + "/clusters/one.yaml")
        try dir.write("a/clusters/one.yaml", cluster("one", city: "Zabrze"))
        let run = try CLIRunner.run(["sync", b, "--store", a])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(try dir.read("b/clusters/one.yaml") == cluster("one", city: "Zabrze"))
        for root in [a, b] {
            let status = try CLIRunner.run(["status", "--store", root])
            #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
            #expect(status.stdout.contains("kept after a delete-vs-edit conflict"), "\(status.stdout)")
            #expect(status.stdout.contains("clusters/one.yaml"), "\(status.stdout)")
        }
        #expect(try CLIRunner.run(["sync", b, "--store", a]).status == 0)
        #expect(try CLIRunner.run(["status", "--store", b]).stdout.contains("kept after a delete-vs-edit conflict"))

        try FileManager.default.removeItem(atPath: b + "/clusters/one.yaml")
        #expect(try CLIRunner.run(["sync", b, "--store", a]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: a + "/clusters/one.yaml"))
        for root in [a, b] {
            let status = try CLIRunner.run(["status", "--store", root])
            #expect(!status.stdout.contains("kept after"), "\(status.stdout)")
        }
    }

    @Test func refusalsExitWithTwo() throws {
        let dir = try stores()
        let same = try CLIRunner.run(["sync", ".", "--store", dir.path + "/a"], in: dir.path + "/a")
        #expect(same.status == 2)
        #expect(same.stderr.contains("klaster: error:") && same.stderr.contains("same copy"))
        let notStore = try CLIRunner.run(["sync", dir.path, "--store", dir.path + "/a"])
        #expect(notStore.status == 2)
        #expect(notStore.stderr.contains("not a Klaster store"))
    }
}
