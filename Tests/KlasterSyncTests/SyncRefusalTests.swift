import Foundation
import KlasterStore
import KlasterSync
import Testing

/// What sync refuses, with a clear error and nothing written to either copy.
@Suite struct SyncRefusalTests {
    func expectRefusal(_ f: SyncFixture, _ a: String, _ b: String, code: StoreError.Code, saying words: String) {
        let before = (f.records(a), f.records(b))
        do {
            try f.sync(a, b)
            Issue.record("the sync was not refused")
        } catch let error as StoreError {
            #expect(error.code == code)
            #expect(error.message.contains(words), "message: \(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(f.records(a) == before.0)
        #expect(f.records(b) == before.1)
    }

    @Test func aLockedStoreIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        do {
            let lock = try StoreLock(storeRoot: b)
            expectRefusal(f, a, b, code: .locked, saying: "locked")
            withExtendedLifetime(lock) {}
        }
        try f.sync(a, b)
        #expect(f.records(b).count == 1)
    }

    @Test func theSameCopyIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        expectRefusal(f, a, a, code: .badArgument, saying: "same copy")
        try FileManager.default.createSymbolicLink(atPath: f.folder + "/alias", withDestinationPath: a)
        expectRefusal(f, a, f.folder + "/alias", code: .badArgument, saying: "same copy")
        expectRefusal(f, a, a + "/clusters/..", code: .badArgument, saying: "same copy")
    }

    @Test func aFolderThatIsNotAStoreIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let plain = f.folder + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        expectRefusal(f, a, plain, code: .badArgument, saying: "not a Klaster store")
        expectRefusal(f, a, f.folder + "/missing", code: .badArgument, saying: "no such folder")
        #expect(!FileManager.default.fileExists(atPath: plain + "/.klaster"))
    }

    @Test func aRecordLinkPointingOutOfTheStoreIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        let outside = f.folder + "/secret.yaml"
        f.write(f.folder, "secret.yaml", SyncFixture.cluster("secret", name: "Secret"))
        try FileManager.default.createSymbolicLink(atPath: b + "/clusters/secret.yaml", withDestinationPath: outside)
        expectRefusal(f, a, b, code: .badArgument, saying: "symbolic link")
        #expect(f.read(f.folder, "secret.yaml") == SyncFixture.cluster("secret", name: "Secret"))
    }

    @Test func aKindFolderLinkPointingOutOfTheStoreIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "members/x.yaml", "id: x\n")
        let outside = f.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: b + "/members")
        try FileManager.default.createSymbolicLink(atPath: b + "/members", withDestinationPath: outside)
        expectRefusal(f, a, b, code: .badArgument, saying: "symbolic link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func aStateFolderLinkIsRefused() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        let outside = f.folder + "/state"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: b + "/.klaster", withDestinationPath: outside)
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "One"))
        expectRefusal(f, a, b, code: .badArgument, saying: "symbolic link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
