import Foundation
import KlasterMerge
import KlasterModel
import KlasterStore
import KlasterSync
import PropertyBased
import Testing

/// Convergence on generated edit scripts, on two copies and on three.
@Suite struct SyncPropertyTests {
    static let seeds = Gen.int(in: 0...Int(Int32.max))

    static func hasMarkers(_ text: String?) -> Bool {
        guard let text else { return false }
        return !ConflictMarkers.markerLines(in: text).isEmpty
    }

    @Test func twoCopiesConvergeAndASecondSyncChangesNothing() async {
        await propertyCheck(count: 80, input: Self.seeds) { seed in
            let f = SyncFixture()
            let a = f.store("a")
            let b = f.store("b")
            var setup = EditScript(seed: UInt64(seed), side: "s")
            setup.run(5, on: a, f)
            try f.sync(a, b)
            let base = f.records(a)
            #expect(f.records(b) == base)

            var editA = EditScript(seed: UInt64(seed) &+ 1, side: "a")
            var editB = EditScript(seed: UInt64(seed) &+ 2, side: "b")
            editA.run(1 + seed % 5, on: a, f)
            editB.run(1 + (seed / 7) % 5, on: b, f)
            let beforeA = f.records(a)
            let beforeB = f.records(b)

            let report = try f.sync(a, b)
            let ra = f.records(a)
            let rb = f.records(b)
            let conflicted = Set(report.entries.filter { $0.here == .conflicted }.map(\.path))
            #expect(report.hereCounts.conflicted == conflicted.count)
            #expect(report.hasConflicts == report.entries.contains { $0.conflict != nil })
            for path in Set(ra.keys).union(rb.keys) where !conflicted.contains(path) {
                #expect(ra[path] == rb[path], "\(path) differs after the sync")
            }
            for path in conflicted {
                #expect(Self.hasMarkers(ra[path]))
                #expect(rb[path] == beforeB[path], "the other copy must keep its version of \(path)")
            }
            if conflicted.isEmpty { #expect(ra == rb) }

            // No edit lost: every value either side put in is in this copy, and in the other
            // unless the record is in conflict.
            for (path, value) in introducedValues(before: base, after: beforeA) + introducedValues(before: base, after: beforeB) {
                #expect(ra[path]?.contains(value) == true, "\(value) of \(path) lost here")
                if !conflicted.contains(path) { #expect(rb[path]?.contains(value) == true, "\(value) of \(path) lost there") }
            }
            // A deletion on one side of a record the other left alone goes through.
            for path in base.keys where (beforeA[path] == nil && beforeB[path] == base[path]) || (beforeB[path] == nil && beforeA[path] == base[path]) {
                #expect(ra[path] == nil && rb[path] == nil, "\(path) should be deleted")
            }

            let second = try f.sync(a, b)
            #expect(second.entries.isEmpty)
            #expect(Set(second.unresolved) == conflicted)
            #expect(f.records(a) == ra)
            #expect(f.records(b) == rb)
            let third = try f.sync(b, a)
            #expect(third.entries.isEmpty)
            #expect(f.records(a) == ra)
            #expect(f.records(b) == rb)
        }
    }

    /// Three copies synced in random pairs, with edits (adds, tag additions, field edits)
    /// between; conflicts are resolved with `resolve --ours` as a user would. Two copies may
    /// resolve one conflict differently, each with the third (a criss-cross): the version vectors
    /// tell the resolutions apart, so the copies still converge.
    @Test func threeCopiesEndUpWithEveryEditAndConverge() async {
        await propertyCheck(count: 100, input: Self.seeds) { seed in
            let f = SyncFixture()
            let copies = [f.store("a"), f.store("b"), f.store("c")]
            var random = SeededRandom(seed: UInt64(seed))
            var scripts = (0..<3).map { EditScript(seed: UInt64(seed) &+ UInt64($0) &+ 10, side: ["a", "b", "c"][$0]) }
            var tags: [(path: String, tag: String)] = []
            var reported = ""
            for _ in 0..<8 {
                let editor = Int(random.next() % 3)
                let before = f.records(copies[editor])
                scripts[editor].runWithoutDeletions(1 + Int(random.next() % 3), on: copies[editor], f)
                let after = f.records(copies[editor])
                for (path, text) in after {
                    guard let new = ClusterFields(text: text) else { continue }
                    let old = before[path].flatMap(ClusterFields.init(text:))
                    for tag in new.tags where !(old?.tags.contains(tag) ?? false) { tags.append((path, tag)) }
                }
                let i = Int(random.next() % 3)
                let j = (i + 1 + Int(random.next() % 2)) % 3
                try syncAndResolve(f, copies[i], copies[j], reported: &reported)
            }
            // Rounds of syncs with no edits until a whole round changes nothing.
            var rounds = 0
            var quiet = false
            while rounds < 6 && !quiet {
                rounds += 1
                quiet = true
                for (i, j) in [(0, 1), (1, 2), (2, 0)] {
                    let report = try syncAndResolve(f, copies[i], copies[j], reported: &reported)
                    if !report.entries.isEmpty || !report.unresolved.isEmpty { quiet = false }
                }
            }
            #expect(quiet, "seed \(seed): syncs still change records after \(rounds) rounds")
            let first = f.records(copies[0])
            #expect(f.records(copies[1]) == first, "seed \(seed): copies a and b differ")
            #expect(f.records(copies[2]) == first, "seed \(seed): copies a and c differ")
            for (path, tag) in tags {
                #expect(first[path]?.contains(tag) == true || reported.contains(tag), "tag \(tag) of \(path) lost")
            }
            for text in first.values { #expect(!Self.hasMarkers(text)) }
        }
    }

    /// A criss-cross: c and a resolve their conflict one way, a and b the same conflict the
    /// other way. The two resolutions are concurrent versions; the syncs after settle them with
    /// at most one more conflict, and every copy ends with the same record.
    @Test func crissCrossResolutionsConverge() throws {
        let f = SyncFixture()
        let (a, b, c) = (f.store("a"), f.store("b"), f.store("c"))
        let path = "clusters/one.yaml"
        f.write(a, path, SyncFixture.cluster("one", name: "One", city: "Gliwice"))
        try f.sync(a, b)
        try f.sync(a, c)
        f.write(a, path, SyncFixture.cluster("one", name: "One", city: "Zabrze"))
        f.write(b, path, SyncFixture.cluster("one", name: "One", city: "Bytom"))
        try f.sync(c, b)
        #expect(f.read(c, path)?.contains("city: Bytom") == true)
        var reported = ""
        let first = try syncAndResolve(f, c, a, reported: &reported)
        #expect(first.hasConflicts)
        let second = try syncAndResolve(f, a, b, reported: &reported)
        #expect(second.hasConflicts)
        #expect(f.read(a, path)?.contains("city: Zabrze") == true)
        #expect(f.read(c, path)?.contains("city: Bytom") == true)

        var conflicts = 0
        for _ in 0..<4 {
            for (i, j) in [(a, b), (b, c), (c, a)] {
                let report = try syncAndResolve(f, i, j, reported: &reported)
                conflicts += report.entries.filter { $0.here == .conflicted }.count
            }
        }
        #expect(conflicts <= 1, "the two resolutions should conflict once at most, not \(conflicts) times")
        let final = try #require(f.read(a, path))
        #expect(f.read(b, path) == final)
        #expect(f.read(c, path) == final)
        for (i, j) in [(a, b), (b, c), (c, a)] {
            #expect(try f.sync(i, j).entries.isEmpty)
        }
    }

    @discardableResult
    func syncAndResolve(_ f: SyncFixture, _ here: String, _ there: String, reported: inout String) throws -> SyncReport {
        let report = try f.sync(here, there)
        let store = try Store.open(at: here)
        for entry in report.entries where entry.here == .conflicted {
            reported += f.read(here, entry.path) ?? ""
            let parts = entry.path.split(separator: "/")
            let file = store.file(.clusters, String(parts[1].dropLast(5)))
            _ = try ConflictResolver(store: store).resolve(file, .ours)
        }
        return report
    }
}

extension EditScript {
    /// Like ``run(_:on:_:)`` without deletions.
    mutating func runWithoutDeletions(_ count: Int, on root: String, _ f: SyncFixture) {
        var done = 0
        while done < count {
            let snapshot = f.records(root)
            var probe = self
            probe.run(1, on: root, f)
            let removed = snapshot.keys.contains { f.read(root, $0) == nil }
            if removed {
                for (path, text) in snapshot { f.write(root, path, text) }
            }
            self = probe
            done += 1
        }
    }
}
