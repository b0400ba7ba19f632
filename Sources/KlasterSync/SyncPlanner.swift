import KlasterMerge
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// Decides, record by record, what a sync does: compares each copy's hash with the base, takes
/// the changed side when only one changed, and merges with ``RecordMerge`` when both did.
struct SyncPlanner {
    let here: Store
    let there: Store
    let hereID: String
    let thereID: String
    let base: SyncBase
    let hereObjects: ObjectStore
    let thereObjects: ObjectStore
    /// Paths whose marker conflict from an earlier sync is still there.
    private(set) var unresolved: [String] = []
    var schemas: [RecordKind: SchemaSet] = [:]

    init(here: Store, there: Store, hereID: String, thereID: String, base: SyncBase, hereObjects: ObjectStore, thereObjects: ObjectStore) {
        self.here = here
        self.there = there
        self.hereID = hereID
        self.thereID = thereID
        self.base = base
        self.hereObjects = hereObjects
        self.thereObjects = thereObjects
    }

    mutating func plan(_ mine: inout StoreScan, _ theirs: inout StoreScan) throws(StoreError) -> [SyncDecision] {
        // Only records that differ somewhere from the base: the rest cost a lookup each.
        var paths = Set(base.pending.keys)
        for (path, hash) in base.records where mine.hashes[path] != hash || theirs.hashes[path] != hash {
            paths.insert(path)
        }
        for path in mine.hashes.keys where base.records[path] == nil { paths.insert(path) }
        for path in theirs.hashes.keys where base.records[path] == nil { paths.insert(path) }
        var decisions: [SyncDecision] = []
        for path in paths.sorted() {
            let a = mine.hashes[path]
            let b = theirs.hashes[path]
            var baseHash = base.records[path]
            if let pending = base.pending[path] {
                let marked = pending.markedCopy == hereID ? a : b
                let markedText = try pending.markedCopy == hereID ? mine.content(path) : theirs.content(path)
                if marked == pending.marked || (markedText.map { SyncPlanner.hasMarkers($0) } ?? false) {
                    unresolved.append(path)
                    continue
                }
                // Resolved: the resolution descends from the other copy's version of the time, so
                // that version is the base while the other copy still has it. When the other copy
                // has moved on since (an edit, or another copy's sync), the base stays the one from
                // before the conflict: a choice the resolution made may then conflict again, but
                // two copies' different resolutions can never override each other in turns.
                let other = pending.markedCopy == hereID ? b : a
                if other == pending.other { baseHash = pending.other }
            } else if a == b && a == baseHash {
                continue
            }
            decisions.append(try decide(path, a: a, b: b, baseHash: baseHash, &mine, &theirs))
        }
        return decisions
    }

    /// True when the bytes hold a line that is a conflict marker.
    static func hasMarkers(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(UInt8(ascii: "<")) || bytes.contains(UInt8(ascii: ">")) else { return false }
        return !ConflictMarkers.markerLines(in: String(decoding: bytes, as: UTF8.self)).isEmpty
    }

    private mutating func decide(
        _ path: String,
        a: String?,
        b: String?,
        baseHash: String?,
        _ mine: inout StoreScan,
        _ theirs: inout StoreScan
    ) throws(StoreError) -> SyncDecision {
        var decision = SyncDecision(path: path)
        if a == b {
            decision.base = a
            if let a, let bytes = try mine.content(path) { decision.objects[a] = bytes }
            return decision
        }
        let ours = try mine.content(path)
        let theirsText = try theirs.content(path)
        // A version with conflict markers that the base has no note of is not passed on. When
        // a killed sync wrote the markers but not the note, the conflict stash it saved first
        // gives the note back.
        for (text, changed, store, copy, hash) in [(ours, a != baseHash, here, hereID, a), (theirsText, b != baseHash, there, thereID, b)] where changed {
            if let text, let hash, SyncPlanner.hasMarkers(text) {
                unresolved.append(path)
                var decision = SyncDecision(path: path, base: baseHash)
                if let (kind, id) = RecordPath.split(path), let other = ConflictStash(store: store).load(store.file(kind, id), .theirs) {
                    let otherHash = other.isEmpty ? nil : SHA256.hex(other)
                    decision.pending = SyncBase.Pending(markedCopy: copy, marked: hash, other: otherHash)
                    if let otherHash { decision.objects[otherHash] = other }
                }
                return decision
            }
        }
        if a == baseHash {
            decision.here = b.map { .content(theirsText ?? [], hash: $0) } ?? .remove
            decision.hereEffect = SyncDecision.effect(from: a, to: decision.here!)
            decision.base = b
            if let b { decision.objects[b] = theirsText ?? [] }
            return decision
        }
        if b == baseHash {
            decision.there = a.map { .content(ours ?? [], hash: $0) } ?? .remove
            decision.thereEffect = SyncDecision.effect(from: b, to: decision.there!)
            decision.base = a
            if let a { decision.objects[a] = ours ?? [] }
            return decision
        }
        let baseText = baseHash.flatMap { hereObjects.get($0) ?? thereObjects.get($0) }
        return try merge(path, base: baseText, baseHash: baseText == nil ? nil : baseHash, ours: ours, a: a, theirs: theirsText, b: b)
    }
}
