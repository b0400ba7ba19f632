import Foundation
import KlasterMerge
import KlasterModel
import KlasterStore
import Testing

/// SPEC §8: a merge that leaves a dangling reference or a duplicate unique value is a conflict
/// (rule `merge-integrity`).
@Suite struct MergeIntegrityTests {
    let file = "members/rudzki-inkubator-przedsiebiorczosci.yaml"

    func withStore(_ body: (Store, String) throws -> Void) throws {
        let dir = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples").path
        try FileManager.default.copyItem(atPath: samples, toPath: dir + "/store")
        let store = try Store.open(at: dir + "/store")
        try body(store, try Tools.read(dir + "/store/" + file))
    }

    func merge(_ store: Store, base: String, ours: String, theirs: String) throws -> KlasterMerge.RecordMerge.Result {
        let integrity = MergeIntegrity(store: store, kind: .members, id: "rudzki-inkubator-przedsiebiorczosci", schema: MergeFixtures.schemas[.members]!)
        return try MergeFixtures.merge(.members, base: base, ours: ours, theirs: theirs, integrity: integrity)
    }

    @Test func aReferenceToAMissingRecordIsAConflict() throws {
        try withStore { store, base in
            let theirs = base.replacingOccurrences(of: "  - cluster: slaski-klaster-multimedialny\n", with: "  - cluster: no-such-cluster\n    roles: [member]\n  - cluster: slaski-klaster-multimedialny\n")
            let ours = base.replacingOccurrences(of: "country: PL", with: "country: PL # ok")
            let result = try merge(store, base: base, ours: ours, theirs: theirs)
            #expect(result.conflicts.map(\.kind) == [.integrity])
            #expect(result.conflicts.first?.rule == "merge-integrity")
            #expect(result.conflicts.first?.message.contains("clusters/no-such-cluster") == true)
            #expect(result.text?.contains("<<<<<<< ours\nmemberships:\n") == true)
        }
    }

    @Test func aReferenceToAnExistingRecordIsClean() throws {
        try withStore { store, base in
            let theirs = base.replacingOccurrences(of: "  - cluster: slaski-klaster-multimedialny\n", with: "  - cluster: okip\n    roles: [member]\n  - cluster: slaski-klaster-multimedialny\n")
            let result = try merge(store, base: base, ours: base, theirs: theirs)
            #expect(result.isClean)
        }
    }

    @Test func aUniqueValueAnotherRecordHasIsAConflict() throws {
        try withStore { store, base in
            let other = store.root + "/members/uniwersytet-slaski-w-katowicach.yaml"
            try Tools.write(try Tools.read(other) + "identifiers:\n  nip: \"6340197254\"\n", to: other)
            let theirs = base.replacingOccurrences(of: "country: PL\n", with: "country: PL\nidentifiers:\n  nip: \"6340197254\"\n")
            let result = try merge(store, base: base, ours: base, theirs: theirs)
            #expect(result.conflicts.map(\.pointer) == ["/identifiers/nip"])
            #expect(result.conflicts.first?.message.contains("uniwersytet-slaski-w-katowicach") == true)
            let distinct = try merge(store, base: base, ours: base, theirs: theirs.replacingOccurrences(of: "6340197254", with: "6340197253"))
            #expect(distinct.isClean)
        }
    }
}
