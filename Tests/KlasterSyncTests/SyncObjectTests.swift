import Foundation
import KlasterStore
import KlasterSync
import Testing

/// The object store under the bases: versions no base refers to any more are pruned, and every
/// version some base refers to stays.
@Suite struct SyncObjectTests {
    /// The hashes of the object files of the store at `root`.
    static func objects(_ root: String) -> Set<String> {
        let folder = root + "/.klaster/objects"
        var out: Set<String> = []
        for sub in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub)) ?? [] where !name.hasPrefix(".") {
                out.insert(name)
            }
        }
        return out
    }

    /// Every hash a base of the store at `root` refers to.
    static func referenced(_ root: String) throws -> Set<String> {
        let peers = root + "/.klaster/peers"
        var out: Set<String> = []
        for peer in (try? FileManager.default.contentsOfDirectory(atPath: peers)) ?? [] {
            guard let base = try SyncBase.load(peers + "/" + peer + "/base") else { continue }
            for entry in base.records.values { out.insert(entry.hash) }
            for note in base.pending.values { if let other = note.other { out.insert(other) } }
        }
        return out
    }

    @Test func replacedVersionsArePrunedAndReferencedOnesKept() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        for id in ["one", "two", "three"] { f.write(a, "clusters/\(id).yaml", SyncFixture.cluster(id, name: id)) }
        try f.sync(a, b)
        for round in 0..<6 {
            f.write(round % 2 == 0 ? a : b, "clusters/one.yaml", SyncFixture.cluster("one", name: "one", city: "c\(round)"))
            if round == 3 { f.remove(a, "clusters/two.yaml") }
            try f.sync(a, b)
            for root in [a, b] {
                let referenced = try Self.referenced(root)
                #expect(referenced.count == (round >= 3 ? 2 : 3))
                #expect(Self.objects(root) == referenced, "round \(round): objects not referenced, or missing")
            }
        }
    }

    /// An object a killed sync left short (objects are written in place) is written again by
    /// the next sync that stores that version, never kept as it is.
    @Test func aShortObjectIsWrittenAgain() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        let text = SyncFixture.cluster("one", name: "One")
        f.write(a, "clusters/one.yaml", text)
        let hash = SHA256.hex(Array(text.utf8))
        let sub = a + "/.klaster/objects/" + hash.prefix(2)
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        f.write(a, ".klaster/objects/\(hash.prefix(2))/\(hash)", String(text.prefix(10)))
        try f.sync(a, b)
        #expect(f.read(a, ".klaster/objects/\(hash.prefix(2))/\(hash)") == text)
        #expect(f.read(b, ".klaster/objects/\(hash.prefix(2))/\(hash)") == text)
    }

    @Test func versionsAnotherPeersBaseRefersToAreKept() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        let c = f.store("c")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "one"))
        try f.sync(a, b)
        try f.sync(a, c)
        let original = try Self.referenced(a)
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "one", city: "Gliwice"))
        try f.sync(a, b)
        // The base with c still has the first version: a keeps it, for its next sync with c.
        #expect(Self.objects(a).isSuperset(of: original))
        #expect(try Self.objects(a) == Self.referenced(a))
        #expect(try Self.objects(b) == Self.referenced(b))
        try f.sync(c, a)
        #expect(f.records(c) == f.records(a))
        for root in [a, b, c] { #expect(try Self.objects(root) == Self.referenced(root)) }
    }

    @Test func strayObjectsAreSweptEveryFewSyncs() throws {
        let f = SyncFixture()
        let a = f.store("a")
        let b = f.store("b")
        f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "one"))
        try f.sync(a, b)
        // What a sync killed before its base would leave: an object no base refers to.
        let stray = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: a + "/.klaster/objects/ab", withIntermediateDirectories: true)
        f.write(a, ".klaster/objects/ab/" + stray, "stray")
        var swept = false
        for round in 0..<StoreSync.objectSweepInterval {
            f.write(a, "clusters/one.yaml", SyncFixture.cluster("one", name: "one", city: "c\(round)"))
            try f.sync(a, b)
            if !Self.objects(a).contains(stray) {
                swept = true
                break
            }
        }
        #expect(swept)
        #expect(try Self.objects(a) == Self.referenced(a))
    }
}
