#if canImport(Glibc)
import Glibc
#endif
import KlasterMerge
import KlasterStore
import Synchronization

/// Carries out a sync's decisions in the order that makes an interruption harmless (see
/// ``StoreSync``): objects, then the records of both copies (a conflict's stash before its
/// markers), one file-system sync each, and the new base in both copies last.
struct SyncWriter {
    let here: Store
    let there: Store
    let hereID: String
    let thereID: String
    let afterWrite: (@Sendable (Int) -> Void)?
    var progress: (@Sendable (String, Int, Int) -> Void)?
    private var writes = 0
    private var touched: [String: Set<String>] = [:]

    init(here: Store, there: Store, hereID: String, thereID: String, afterWrite: (@Sendable (Int) -> Void)?) {
        self.here = here
        self.there = there
        self.hereID = hereID
        self.thereID = thereID
        self.afterWrite = afterWrite
    }

    mutating func apply(
        _ decisions: [SyncDecision],
        base old: SyncBase,
        histories: (here: CopyHistory, there: CopyHistory),
        hereScan: inout StoreScan,
        thereScan: inout StoreScan,
        clock: inout PhaseClock
    ) throws(StoreError) {
        let generation = old.generation + 1
        // Each copy's writes run on a thread of their own, in the decisions' order within the
        // copy (a conflict's stash before its markers). Nothing orders the two copies' writes
        // against each other, nor needs to: the bases, which alone say a sync happened, are
        // written after both.
        let copies: [(store: Store, here: Bool)] = [(there, false), (here, true)]
        let counter = WriteCounter()
        let afterWrite = self.afterWrite
        let progress = self.progress
        let objectResults = parallelMap(copies, chunk: 1) { copy -> Result<ObjectStore, StoreError> in
            Result { () throws(StoreError) in
                var objects = ObjectStore(root: copy.store.root)
                for decision in decisions {
                    for (hash, bytes) in decision.objects { try objects.put(bytes, hash: hash) }
                }
                try objects.flush()
                return objects
            }
        }
        let thereObjects = try objectResults[0].get()
        let hereObjects = try objectResults[1].get()
        clock.mark("objects")

        let writeResults = parallelMap(copies, chunk: 1) { copy -> Result<CopyWrites, StoreError> in
            Result { () throws(StoreError) in
                var writes = CopyWrites(store: copy.store)
                let stash = ConflictStash(store: copy.store)
                for (done, decision) in decisions.enumerated() {
                    if copy.here { progress?("writing", done, decisions.count) }
                    if copy.here, let versions = decision.stash, let (kind, id) = RecordPath.split(decision.path) {
                        stash.save(copy.store.file(kind, id), base: versions.base, ours: versions.ours, theirs: versions.theirs)
                    }
                    guard let write = copy.here ? decision.here : decision.there else { continue }
                    try writes.perform(write, decision.path)
                    afterWrite?(counter.next())
                }
                return writes
            }
        }
        for (result, isHere) in zip(writeResults, [false, true]) {
            let writes = try result.get()
            for (path, stamp, hash) in writes.done {
                if isHere { hereScan.record(path, stamp: stamp, hash: hash) } else { thereScan.record(path, stamp: stamp, hash: hash) }
            }
            touched[writes.store.root, default: []].formUnion(writes.folders)
        }
        writes = counter.value
        // The clocks past every counter the new base holds, before it is written.
        try histories.there.saveClock(root: there.root)
        try histories.here.saveClock(root: here.root)
        // Everything above (objects, records, removals, clocks) durable before the bases that
        // refer to it.
        for (root, objects) in [(there.root, thereObjects), (here.root, hereObjects)] {
            let folders = (touched[root] ?? []).union(objects.dirtyFolders).union([root + "/" + Store.stateFolder])
            try FileSync.syncFileSystem(of: root, folders: folders)
        }

        clock.mark("records and file-system syncs")
        var final = old
        defer { releaseInBackground(final) }
        final.generation = generation
        for decision in decisions {
            final.set(decision.path, hash: decision.base, version: decision.version)
            final.setPending(decision.path, decision.pending)
            final.setKept(decision.path, decision.kept)
        }
        try saveBase(final)
        clock.mark("bases")
        pruneObjects(replacedBy: decisions, old: old, final: final, histories: histories)
        clock.mark("objects pruned")

        for (root, peer) in [(here.root, thereID), (there.root, hereID)] {
            let location = root == here.root ? there.root : here.root
            try? AtomicFile.write(location + "\n", to: root + "/" + Store.stateFolder + "/peers/" + peer + "/location", sync: false)
        }
        let scans = [(hereScan, here.root), (thereScan, there.root)]
        _ = parallelMap(scans, chunk: 1) { scan, root in try? scan.cache().save(root: root) }
        clock.mark("stat caches")
    }

    /// Removes the versions the new base no longer refers to (those the decisions replaced)
    /// from each copy's objects, unless another of its bases refers to them; every
    /// ``StoreSync/objectSweepInterval`` generations, everything no base refers to.
    private func pruneObjects(replacedBy decisions: [SyncDecision], old: SyncBase, final: SyncBase, histories: (here: CopyHistory, there: CopyHistory)) {
        var candidates = Set<String>()
        for decision in decisions {
            if let hash = old.hash(decision.path), hash != decision.base { candidates.insert(hash) }
            if let other = old.pending[decision.path]?.other { candidates.insert(other) }
        }
        let sweep = final.generation % StoreSync.objectSweepInterval == 0
        if candidates.isEmpty && !sweep { return }
        var histories = histories
        guard let hereBases = try? histories.here.allBases(), let thereBases = try? histories.there.allBases() else { return }
        let copies = [(here.root, hereBases), (there.root, thereBases)]
        let replaced = candidates
        _ = parallelMap(copies, chunk: 1) { root, bases in
            let keep = [final] + bases.dropFirst()
            let objects = ObjectStore(root: root)
            if sweep { objects.sweep(keeping: keep) } else { objects.prune(replaced, keeping: keep) }
        }
    }

    /// Writes the base into the other copy, then into this one.
    private mutating func saveBase(_ base: SyncBase) throws(StoreError) {
        let bytes = base.encode()
        try SyncBase.save(bytes, to: SyncBase.path(root: there.root, peer: hereID))
        step()
        try SyncBase.save(bytes, to: SyncBase.path(root: here.root, peer: thereID))
        step()
    }

    private mutating func step() {
        writes += 1
        afterWrite?(writes)
    }
}

/// The writes of one copy's records during a sync: carried out on the copy's own thread, then
/// noted in its scan.
private struct CopyWrites {
    let store: Store
    /// Path, new stamp and hash (`nil`: removed) of each record written.
    var done: [(String, FileIO.Stamp?, String?)] = []
    /// The folders written to (for the file-system sync).
    var folders: Set<String> = []
    /// The folders made (once each) for new files.
    private var made: Set<String> = []

    init(store: Store) {
        self.store = store
    }

    mutating func perform(_ write: SyncDecision.Write, _ path: String) throws(StoreError) {
        let absolute = store.root + "/" + path
        let folder = String(absolute[..<absolute.lastIndex(of: "/")!])
        switch write {
        case .content(let bytes, let hash):
            if made.insert(folder).inserted { try AtomicFile.makeFolder(folder) }
            try AtomicFile.write(bytes, to: absolute, sync: false)
            done.append((path, FileIO.stamp(absolute), hash))
        case .remove:
            try AtomicFile.remove(absolute, sync: false)
            done.append((path, nil, nil))
        }
        folders.insert(folder)
    }
}

/// Counts a sync's durable writes across threads, for the test hook that stops after the k-th.
private final class WriteCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// The number of the write just done, from 1.
    func next() -> Int { count.add(1, ordering: .relaxed).newValue }

    var value: Int { count.load(ordering: .relaxed) }
}
