#if canImport(Glibc)
import Glibc
#endif
import KlasterStore

/// What one copy knows of its records' versions: the bases of every copy it has synced with,
/// and its clock (`.klaster/clock`, the highest counter it has handed out).
///
/// A copy's current version of a record descends from every version its bases (and its notes of
/// conflicts) say it held, since a copy's history of a record is a line. So its version vector is
/// the join of those; when the record's content is not the one the latest of them recorded, the
/// copy edited it since, and the join gets a new count for this copy.
struct CopyHistory {
    let id: String
    /// The pair's base first, then (once ``version(_:hash:)`` has needed them) the copy's bases
    /// with other copies.
    private(set) var bases: [SyncBase]
    /// The other peers' base files, read on first need: a sync with nothing to decide reads none.
    private var unread: [String]
    /// The clock as read, and the highest counter handed out by this run.
    let storedClock: Int
    private(set) var clock: Int

    /// Finds the copy's bases with copies other than `peer` (the pair's own base is `pairBase`,
    /// the later of the two copies' files) and reads its clock.
    init(root: String, id: String, peer: String, pairBase: SyncBase) throws(StoreError) {
        self.id = id
        bases = [pairBase]
        let folder = root + "/" + Store.stateFolder + "/peers"
        unread = ((try FileIO.list(folder)) ?? []).sorted()
            .filter { $0 != peer && CopyIdentity.isValid($0) }
            .map { SyncBase.path(root: root, peer: $0) }
        storedClock = CopyHistory.loadClock(root: root)
        clock = storedClock
    }

    /// Every base of the copy, the other peers' read now if they were not yet.
    mutating func allBases() throws(StoreError) -> [SyncBase] {
        for file in unread {
            if let base = try SyncBase.load(file) { bases.append(base) }
        }
        unread = []
        return bases
    }

    /// The version vector of the copy's record at `path`, whose content hash is `hash` (`nil`:
    /// absent). Counts a new edit when the content is not what the latest record of it says.
    mutating func version(_ path: String, hash: String?) throws(StoreError) -> VersionVector {
        let bases = try allBases()
        var known: [(hash: String?, version: VersionVector)] = []
        for base in bases {
            if let entry = base.records[path] { known.append((entry.hash, base.version(path))) }
            if let note = base.pending[path] {
                known.append(note.markedCopy == id ? (note.marked, note.markedVersion) : (note.other, note.otherVersion))
            }
        }
        if known.isEmpty && hash == nil { return VersionVector() }
        let join = known.reduce(VersionVector()) { $0.joined($1.version) }
        if known.contains(where: { $0.hash == hash && $0.version == join }) { return join }
        let edited = join.bumped(id, floor: storedClock)
        clock = max(clock, edited.counts[id] ?? 0)
        return edited
    }

    static func clockPath(root: String) -> String { root + "/" + Store.stateFolder + "/clock" }

    static func loadClock(root: String) -> Int {
        guard case .bytes(let bytes)? = try? FileIO.read(clockPath(root: root), limit: 64) else { return 0 }
        return Int(String(decoding: bytes.filter { $0 != 0x0A }, as: UTF8.self)) ?? 0
    }

    /// Saves the clock when this run handed out counters past it; before any base that holds
    /// them is written, so that a counter is never handed out twice for different versions.
    func saveClock(root: String) throws(StoreError) {
        guard clock > storedClock else { return }
        try AtomicFile.write("\(clock)\n", to: CopyHistory.clockPath(root: root), sync: false)
    }
}
