import Foundation
import KlasterStore
import KlasterSync
import Testing

/// Sync of two copies, case by case: propagation both ways, merges, conflicts, a second sync.
@Suite struct SyncBasicTests {
    @Test func addedChangedAndDeletedRecordsGoBothWays() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        f.write(a, "clusters/two.yaml", SyncFixture.cluster("two", name: "Two"))
        try f.sync(a, b)
        #expect(f.records(a) == f.records(b))
        #expect(f.records(b).count == 2)

        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", city: "Gliwice"))
        f.remove(b, "clusters/two.yaml")
        f.write(b, "clusters/three.yaml", SyncFixture.cluster("three", name: "Three"))
        let report = try f.sync(a, b)
        #expect(f.records(a) == f.records(b))
        #expect(f.records(a).keys.sorted() == ["clusters/one.yaml", "clusters/three.yaml"])
        #expect(f.read(b, "clusters/one.yaml")?.contains("city: Gliwice") == true)
        #expect(report.hereCounts == SyncReport.Counts(added: 1, changed: 0, deleted: 1, conflicted: 0))
        #expect(report.thereCounts == SyncReport.Counts(added: 0, changed: 1, deleted: 0, conflicted: 0))
        #expect(!report.hasConflicts)

        let again = try f.sync(a, b)
        #expect(again.entries.isEmpty)
    }

    /// A killed writer's temporary files in the kind folders are removed by the sync's scan
    /// (it holds both locks), never taken for records; a dry run leaves them.
    @Test func leftoverTemporaryFilesAreRemovedNotSynced() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        let temp = "clusters/.two.yaml.klaster-tmp-99999-1"
        f.write(a, temp, SyncFixture.cluster("two", name: "Half"))
        f.write(b, "members/.x.yaml.klaster-tmp-99999-2", "id: x\n")
        let dry = try f.sync(a, b, dryRun: true)
        #expect(dry.entries.map(\.path) == ["clusters/one.yaml"])
        #expect(f.read(a, temp) != nil)
        try f.sync(a, b)
        #expect(f.read(a, temp) == nil)
        #expect(f.read(b, "members/.x.yaml.klaster-tmp-99999-2") == nil)
        #expect(f.records(a).keys.sorted() == ["clusters/one.yaml"])
        #expect(f.records(a) == f.records(b))
    }

    @Test func editsOfDifferentFieldsMerge() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", tags: ["ict"]))
        try f.sync(a, b)
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", city: "Gliwice", tags: ["ict", "media"]))
        f.write(b, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", shortName: "ONE", tags: ["ict", "energy"]))
        let report = try f.sync(b, a)
        #expect(!report.hasConflicts)
        let merged = try #require(f.read(a, "clusters/one.yaml"))
        #expect(f.read(b, "clusters/one.yaml") == merged)
        for part in ["city: Gliwice", "short_name: ONE", "media", "energy", "ict"] {
            #expect(merged.contains(part), "missing \(part) in \(merged)")
        }
    }

    @Test func sameFieldChangedDifferentlyConflictsHereOnly() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        try f.sync(a, b)
        let theirs = SyncFixture.cluster("one", name: "One", city: "Bytom")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", city: "Gliwice"))
        f.write(b, "clusters/one.yaml", theirs)
        let report = try f.sync(a, b)
        #expect(report.hasConflicts)
        #expect(report.hereCounts.conflicted == 1)
        let marked = try #require(f.read(a, "clusters/one.yaml"))
        #expect(marked.contains("<<<<<<<") && marked.contains("Gliwice") && marked.contains("Bytom"))
        #expect(f.read(b, "clusters/one.yaml") == theirs)

        // Still unresolved: nothing moves, and the other copy never gets the markers.
        let still = try f.sync(a, b)
        #expect(still.unresolved == ["clusters/one.yaml"])
        #expect(f.read(b, "clusters/one.yaml") == theirs)
        let fromThere = try f.sync(b, a)
        #expect(fromThere.unresolved == ["clusters/one.yaml"])
        #expect(f.read(b, "clusters/one.yaml") == theirs)

        // Resolved here (ours' city): the resolution goes to the other copy, with no new conflict.
        let resolved = SyncFixture.cluster("one", name: "One", city: "Gliwice")
        f.write(a, "clusters/one.yaml", resolved)
        let after = try f.sync(a, b)
        #expect(!after.hasConflicts)
        #expect(f.read(b, "clusters/one.yaml") == resolved)
        #expect(f.records(a) == f.records(b))
    }

    @Test func deleteAgainstEditKeepsTheEditInBothCopies() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        try f.sync(a, b)
        let edited = SyncFixture.cluster("one", name: "One", city: "Zabrze")
        f.remove(a, "clusters/one.yaml")
        f.write(b, "clusters/one.yaml", edited)
        let report = try f.sync(a, b)
        #expect(report.entries.first?.conflict?.contains("deleted here") == true)
        #expect(f.read(a, "clusters/one.yaml") == edited)
        #expect(f.read(b, "clusters/one.yaml") == edited)
        #expect(try f.sync(a, b).entries.isEmpty)
    }

    @Test func sameRecordAddedOnBothSidesMergesAgainstAnEmptyBase() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        try f.sync(a, b)
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", city: "Gliwice"))
        f.write(b, "clusters/one.yaml", SyncFixture.cluster("one", name: "One", shortName: "ONE"))
        let report = try f.sync(a, b)
        #expect(!report.hasConflicts)
        let merged = try #require(f.read(a, "clusters/one.yaml"))
        #expect(merged.contains("Gliwice") && merged.contains("short_name: ONE"))
        #expect(f.records(a) == f.records(b))
    }

    @Test func dryRunWritesNothing() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        let report = try f.sync(a, b, dryRun: true)
        #expect(report.thereCounts.added == 1)
        #expect(f.records(b).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: b + "/.klaster"))
        #expect(!FileManager.default.fileExists(atPath: a + "/.klaster"))
    }

    @Test func aCopiedFolderGetsItsOwnID() throws {
        let f = SyncFixture()
        let a = f.store("a")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        let b = f.store("b")
        try f.sync(a, b)
        let c = f.folder + "/c"
        try FileManager.default.copyItem(atPath: a, toPath: c)
        f.write(c, "clusters/two.yaml", SyncFixture.cluster("two", name: "Two"))
        let report = try f.sync(a, c)
        #expect(report.notes.contains { $0.contains("new id") })
        #expect(CopyIdentity.load(root: a) != CopyIdentity.load(root: c))
        #expect(f.records(a) == f.records(c))
    }
}
