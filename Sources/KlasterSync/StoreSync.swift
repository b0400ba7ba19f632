import Foundation
import KlasterEdit
public import KlasterStore

/// `klaster sync OTHER`: brings two copies of a store together, both ways, with the field-level
/// three-way merge against the base of their last sync (SPEC §8).
///
/// Both stores are locked for the whole run. Writes go records first (the other copy's and this
/// copy's), then the objects of the new base, then one file-system sync per copy, then the base
/// of each copy, last. A run killed at any point leaves every record whole, old or new, and the
/// old base (or, past the first base write, the new one, which the next run prefers by its
/// generation); merging a record again against the old base gives what the killed run wrote, so
/// the next run finishes the job. A conflict's three versions are stashed before its markers are
/// written, so that a run killed before the base's note of it can note it the next time.
public struct StoreSync {
    /// This copy (where sync runs; conflicts get markers here).
    public let here: Store
    /// The other copy.
    public let there: Store
    /// Called after each durable write with its number from 1: tests stop the process there.
    public var afterWrite: (@Sendable (Int) -> Void)?
    /// Called as records are merged and written, with the phase, how many are done and of how
    /// many (for a progress line on a terminal).
    public var progress: (@Sendable (String, Int, Int) -> Void)?

    /// Every this many syncs of a pair, each copy's object store is swept of every version no
    /// base refers to (killed runs leave some); in between, only the versions a sync replaced
    /// are removed, which costs next to nothing.
    public static let objectSweepInterval = 32

    /// Opens the other copy and checks it may be synced with `here`: a Klaster store, and not
    /// the same folder.
    public init(here: Store, otherPath: String) throws(StoreError) {
        let hereRoot = try StoreSync.realPath(here.root, what: "this store")
        guard let otherRoot = try? StoreSync.realPath(otherPath, what: otherPath) else {
            throw StoreError(.badArgument, "\(otherPath): no such folder")
        }
        guard FileManager.default.fileExists(atPath: otherRoot + "/klaster.yaml") else {
            throw StoreError(.badArgument, "\(otherPath) is not a Klaster store (it has no klaster.yaml)")
        }
        if StoreSync.sameFolder(hereRoot, otherRoot) {
            throw StoreError(.badArgument, "\(otherPath) is this same copy (\(hereRoot)); give the path of another copy of the store")
        }
        let other: Store
        do {
            other = try Store.open(at: otherRoot, limits: here.limits)
        } catch {
            throw StoreError(error.code, "\(otherPath) is not a usable Klaster store: \(error.message)")
        }
        for root in [hereRoot, otherRoot] {
            var info = stat()
            let state = root + "/" + Store.stateFolder
            if lstat(state, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK { throw StoreScan.linkRefusal(state, root: root) }
        }
        self.here = Store(root: hereRoot, manifest: here.manifest, limits: here.limits)
        self.there = other
    }

    /// Runs the sync (or, with `dryRun`, only plans it and writes nothing).
    public func run(dryRun: Bool = false) throws(StoreError) -> SyncReport {
        var clock = PhaseClock()
        var locks: [StoreLock] = []
        if !dryRun {
            locks.append(try StoreLock(storeRoot: here.root))
            locks.append(try StoreLock(storeRoot: there.root))
            // The scan removes the temporary files killed writers left in the kind folders.
            try StoreJournal.recover(in: here, kindFolders: false)
            try StoreJournal.recover(in: there, kindFolders: false)
        }
        defer { withExtendedLifetime(locks) {} }

        var notes: [String] = []
        var hereID = CopyIdentity.load(root: here.root)
        var thereID = CopyIdentity.load(root: there.root)
        if !dryRun {
            if hereID == nil { hereID = try CopyIdentity.assignNew(root: here.root) }
            if thereID == nil || thereID == hereID {
                if thereID != nil { notes.append("the other copy had this copy's id (its folder was copied from this one); it has a new id now") }
                thereID = try CopyIdentity.assignNew(root: there.root)
            }
        }
        let ids = (here: hereID ?? "(new)", there: (thereID == hereID ? nil : thereID) ?? "(new)")

        clock.mark("locks, journals, ids")
        // The two copies are scanned at once (often two disks, always two folders of files).
        let scans = parallelMap([here.root, there.root], chunk: 1) { root in
            Result { () throws(StoreError) in
                try StoreScan.scan(root: root, cache: StatCache.load(root: root), removeTemporaryFiles: !dryRun)
            }
        }
        var hereScan = try scans[0].get()
        var thereScan = try scans[1].get()
        clock.mark("scan")
        let (base, baseCurrent) = try loadBase(ids: ids)
        clock.mark("base")
        if base == nil { notes.append("first sync between these copies: records are merged against an empty base") }

        let pairBase = base ?? SyncBase()
        var planner = SyncPlanner(
            here: here,
            there: there,
            base: pairBase,
            hereHistory: try CopyHistory(root: here.root, id: ids.here, peer: ids.there, pairBase: pairBase),
            thereHistory: try CopyHistory(root: there.root, id: ids.there, peer: ids.here, pairBase: pairBase)
        )
        planner.progress = progress
        // The scans, the base and the histories are store-sized: freed off this thread.
        defer { releaseInBackground((hereScan, thereScan, planner, base)) }
        let decisions = try planner.plan(&hereScan, &thereScan)
        clock.mark("plan and merge (\(decisions.count) records)")

        var report = SyncReport(here: here.root, there: there.root, hereID: ids.here, thereID: ids.there, dryRun: dryRun)
        report.notes = notes
        report.entries = decisions.compactMap(\.entry)
        report.unresolved = planner.unresolved
        if dryRun { return report }
        if decisions.isEmpty && baseCurrent {
            if hereScan.readCount > 0 { try? hereScan.cache().save(root: here.root) }
            if thereScan.readCount > 0 { try? thereScan.cache().save(root: there.root) }
            return report
        }

        var writer = SyncWriter(here: here, there: there, hereID: ids.here, thereID: ids.there, afterWrite: afterWrite)
        writer.progress = progress
        try writer.apply(
            decisions, base: pairBase, histories: (planner.hereHistory, planner.thereHistory),
            hereScan: &hereScan, thereScan: &thereScan, clock: &clock
        )
        return report
    }

    /// The base of the pair: of the two copies' bases for each other, the later one. Also says
    /// whether both copies hold that base already (nothing to write when nothing changed).
    private func loadBase(ids: (here: String, there: String)) throws(StoreError) -> (SyncBase?, Bool) {
        guard CopyIdentity.isValid(ids.here), CopyIdentity.isValid(ids.there) else { return (nil, false) }
        let minePath = SyncBase.path(root: here.root, peer: ids.there)
        let theirsPath = SyncBase.path(root: there.root, peer: ids.here)
        let mineBytes = try SyncBase.bytes(minePath)
        let theirsBytes = try SyncBase.bytes(theirsPath)
        if let mineBytes, mineBytes == theirsBytes {
            return (try SyncBase.decode(mineBytes, path: minePath), true)
        }
        let mine = try mineBytes.map { (bytes) throws(StoreError) in try SyncBase.decode(bytes, path: minePath) }
        let theirs = try theirsBytes.map { (bytes) throws(StoreError) in try SyncBase.decode(bytes, path: theirsPath) }
        switch (mine, theirs) {
        case (let m?, let t?): return (t.generation > m.generation ? t : m, false)
        case (let m?, nil): return (m, false)
        case (nil, let t?): return (t, false)
        case (nil, nil): return (nil, false)
        }
    }

    static func realPath(_ path: String, what: String) throws(StoreError) -> String {
        guard let resolved = realpath(path, nil) else {
            throw StoreError(.badArgument, "\(what): no such folder")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func sameFolder(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
