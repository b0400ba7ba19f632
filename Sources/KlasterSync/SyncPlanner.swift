import KlasterMerge
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// Decides, record by record, what a sync does: compares each copy's version of the record
/// (``CopyHistory``), takes the one that descends from the other, and merges with
/// ``RecordMerge`` when both have edits the other has not seen.
struct SyncPlanner {
    let here: Store
    let there: Store
    let hereID: String
    let thereID: String
    let base: SyncBase
    let hereObjects: ObjectStore
    let thereObjects: ObjectStore
    var hereHistory: CopyHistory
    var thereHistory: CopyHistory
    /// Paths whose marker conflict from an earlier sync is still there.
    private(set) var unresolved: [String] = []
    var schemas: [RecordKind: SchemaSet] = [:]
    var progress: (@Sendable (String, Int, Int) -> Void)?

    init(here: Store, there: Store, base: SyncBase, hereHistory: CopyHistory, thereHistory: CopyHistory) {
        self.here = here
        self.there = there
        self.hereID = hereHistory.id
        self.thereID = thereHistory.id
        self.base = base
        self.hereObjects = ObjectStore(root: here.root)
        self.thereObjects = ObjectStore(root: there.root)
        self.hereHistory = hereHistory
        self.thereHistory = thereHistory
    }

    mutating func plan(_ mine: inout StoreScan, _ theirs: inout StoreScan) throws(StoreError) -> [SyncDecision] {
        // Only records that differ somewhere from the base: the rest cost a lookup each.
        var paths = Set(base.pending.keys)
        var inMine = 0
        var inTheirs = 0
        for (path, entry) in base.records {
            let a = mine.hash(path)
            let b = theirs.hash(path)
            if a != nil { inMine += 1 }
            if b != nil { inTheirs += 1 }
            if a != entry.hash || b != entry.hash { paths.insert(path) }
        }
        // Records the base does not have: only looked for when a copy has more than it shares.
        if inMine != mine.paths.count {
            for path in mine.paths where base.records[path] == nil { paths.insert(path) }
        }
        if inTheirs != theirs.paths.count {
            for path in theirs.paths where base.records[path] == nil { paths.insert(path) }
        }
        var planned: [Planned] = []
        let sorted = paths.sorted()
        for (done, path) in sorted.enumerated() {
            progress?("comparing and merging", done, sorted.count)
            let a = mine.hash(path)
            let b = theirs.hash(path)
            var baseHash = base.hash(path)
            if let pending = base.pending[path] {
                let marked = pending.markedCopy == hereID ? a : b
                let markedText = try pending.markedCopy == hereID ? mine.content(path) : theirs.content(path)
                if marked == pending.marked || (markedText.map { SyncPlanner.hasMarkers($0) } ?? false) {
                    unresolved.append(path)
                    continue
                }
                // Resolved: the resolution descends from the other copy's version of the time, so
                // that version is the base of a merge while the other copy still has it.
                let other = pending.markedCopy == hereID ? b : a
                if other == pending.other { baseHash = pending.other }
            } else if a == b && a == baseHash {
                continue
            }
            let versions = (here: try hereHistory.version(path, hash: a), there: try thereHistory.version(path, hash: b))
            planned.append(try decide(path, a: a, b: b, baseHash: baseHash, versions: versions, &mine, &theirs))
        }
        // The merges, on all cores; the decisions stay in path order.
        var jobs: [MergeJob] = []
        for case .merge(let job) in planned {
            if let (kind, _) = RecordPath.split(job.path) { _ = try schemaSet(kind) }
            jobs.append(job)
        }
        progress?("merging", 0, jobs.count)
        let merger = SyncMerger(
            here: here, there: there, hereID: hereID, base: base, hereObjects: hereObjects, thereObjects: thereObjects, schemas: schemas
        )
        var merged = parallelMap(jobs, chunk: 8) { merger.merge($0) }.makeIterator()
        return planned.map { item in
            switch item {
            case .decided(let decision): decision
            case .merge: merged.next()!
            }
        }
    }

    /// A record's decision, or the merge that will make it.
    private enum Planned {
        case decided(SyncDecision)
        case merge(MergeJob)
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
        versions: (here: VersionVector, there: VersionVector),
        _ mine: inout StoreScan,
        _ theirs: inout StoreScan
    ) throws(StoreError) -> Planned {
        var decision = SyncDecision(path: path)
        let joined = versions.here.joined(versions.there)
        if a == b {
            decision.base = a
            decision.version = joined
            if let a, let bytes = try mine.content(path) { decision.objects[a] = bytes }
            return .decided(decision)
        }
        let ours = try mine.content(path)
        let theirsText = try theirs.content(path)
        // A version with conflict markers that the base has no note of is not passed on. When
        // a killed sync wrote the markers but not the note, the conflict stash it saved first
        // gives the note back.
        let sides = [(ours, a, here, hereID, versions.here, versions.there, b), (theirsText, b, there, thereID, versions.there, versions.here, a)]
        for (text, hash, store, copy, version, otherVersion, otherHash) in sides where hash != baseHash {
            if let text, let hash, SyncPlanner.hasMarkers(text) {
                unresolved.append(path)
                var decision = SyncDecision(path: path, base: baseHash, version: base.version(path))
                if let (kind, id) = RecordPath.split(path), let other = ConflictStash(store: store).load(store.file(kind, id), .theirs) {
                    let stashedHash = other.isEmpty ? nil : SHA256.hex(other)
                    let stashedVersion = stashedHash == otherHash ? otherVersion : VersionVector()
                    decision.pending = SyncBase.Pending(
                        markedCopy: copy, marked: hash, other: stashedHash,
                        markedVersion: version.joined(stashedVersion), otherVersion: stashedVersion
                    )
                    if let stashedHash { decision.objects[stashedHash] = other }
                }
                return .decided(decision)
            }
        }
        var order = versions.here.compare(versions.there)
        if order == .equal {
            // Two versions with one vector (bases of the first format, which have none; or a
            // copy whose own base missed a killed sync's last write): the content against the
            // base decides, and a merge when both differ from it.
            order = a == baseHash ? .precedes : b == baseHash ? .descends : .concurrent
        }
        switch order {
        case .precedes, .equal:
            decision.here = b.map { .content(theirsText ?? [], hash: $0) } ?? .remove
            decision.hereEffect = SyncDecision.effect(from: a, to: decision.here!)
            decision.base = b
            decision.version = joined
            if let b { decision.objects[b] = theirsText ?? [] }
            return .decided(decision)
        case .descends:
            decision.there = a.map { .content(ours ?? [], hash: $0) } ?? .remove
            decision.thereEffect = SyncDecision.effect(from: b, to: decision.there!)
            decision.base = a
            decision.version = joined
            if let a { decision.objects[a] = ours ?? [] }
            return .decided(decision)
        case .concurrent:
            return .merge(MergeJob(path: path, baseHash: baseHash, ours: ours, a: a, theirs: theirsText, b: b, versions: versions))
        }
    }
}
