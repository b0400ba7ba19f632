#if canImport(Glibc)
import Glibc
#endif
public import KlasterStore

/// What two copies agreed on at their last sync: every record's content hash and version vector
/// as of then, and the conflicts left with markers in one of them.
///
/// Both copies keep the same base for each other, in `.klaster/peers/<other-id>/base`, written
/// atomically and last of all a sync's writes. The one with the higher ``generation`` wins when a
/// killed sync left them different: it was written after every record of its sync.
public struct SyncBase: Sendable, Equatable {
    /// One record both copies had, as of the last sync.
    public struct Entry: Sendable, Equatable {
        public var hash: String
        /// The ``VersionVector`` in text, with indices into the base's ``copies`` (kept as text so
        /// that the many records no sync touches cost no decoding).
        var version: String
    }

    /// A conflict written with markers into one copy; the other copy kept its version.
    public struct Pending: Sendable, Equatable {
        /// The id of the copy whose file has the markers.
        public var markedCopy: String
        /// The hash of the text with markers.
        public var marked: String
        /// The hash of the other copy's version at the time (`nil`: absent): the base of the
        /// record once the conflict is resolved, since the resolution descends from it.
        public var other: String?
        /// What the marked text has seen: both sides' versions.
        public var markedVersion: VersionVector
        /// The other copy's version vector at the time.
        public var otherVersion: VersionVector

        public init(markedCopy: String, marked: String, other: String?, markedVersion: VersionVector = VersionVector(), otherVersion: VersionVector = VersionVector()) {
            self.markedCopy = markedCopy
            self.marked = marked
            self.other = other
            self.markedVersion = markedVersion
            self.otherVersion = otherVersion
        }
    }

    public var generation: Int
    /// The copy ids the records' version vectors refer to, by index (only ever appended to).
    public private(set) var copies: [String] = []
    private var copyIndex: [String: Int] = [:]
    /// Record path (`members/anna.yaml`) → hash and version.
    public private(set) var records: [String: Entry]
    public private(set) var pending: [String: Pending] = [:]
    /// Records deleted in one copy and changed in the other, which sync kept in both: path →
    /// hash of the kept version. `klaster status` lists them until the record changes again.
    public private(set) var kept: [String: String] = [:]

    public init(generation: Int = 0) {
        self.generation = generation
        self.records = [:]
    }

    /// The content hash of a record in the base.
    public func hash(_ path: String) -> String? { records[path]?.hash }

    /// The version vector of a record in the base (empty when it has none, or an older base
    /// format gave it none).
    public func version(_ path: String) -> VersionVector {
        guard let entry = records[path] else { return VersionVector() }
        return VersionVector.decode(entry.version, table: copies) ?? VersionVector()
    }

    /// Sets (or, with `hash` nil, removes) a record's entry.
    public mutating func set(_ path: String, hash: String?, version: VersionVector) {
        guard let hash else {
            records[path] = nil
            return
        }
        records[path] = Entry(hash: hash, version: version.encoded(table: &copies, index: &copyIndex))
    }

    /// Sets (or, with nil, removes) the note of a conflict left with markers.
    public mutating func setPending(_ path: String, _ note: Pending?) {
        if let note {
            for id in [note.markedCopy] + note.markedVersion.counts.keys.sorted() + note.otherVersion.counts.keys.sorted() {
                _ = addCopy(id)
            }
        }
        pending[path] = note
    }

    /// Notes (or, with nil, forgets) a record kept after a delete-vs-edit conflict.
    public mutating func setKept(_ path: String, _ hash: String?) {
        kept[path] = hash
    }

    mutating func reserve(_ count: Int) { records.reserveCapacity(count) }

    mutating func setDecoded(_ path: String, _ entry: Entry) { records[path] = entry }

    mutating func addCopy(_ id: String) -> Bool {
        guard copyIndex[id] == nil else { return false }
        copyIndex[id] = copies.count
        copies.append(id)
        return true
    }

    public static func == (lhs: SyncBase, rhs: SyncBase) -> Bool {
        lhs.generation == rhs.generation && lhs.copies == rhs.copies && lhs.records == rhs.records && lhs.pending == rhs.pending && lhs.kept == rhs.kept
    }

    /// The base file for `peer` in the store at `root`.
    public static func path(root: String, peer: String) -> String {
        root + "/" + Store.stateFolder + "/peers/" + peer + "/base"
    }

    /// Reads a base; `nil` when there is none (a first sync). A file that cannot be read or
    /// parsed is an error: silently starting from an empty base would turn edits into conflicts.
    public static func load(_ path: String) throws(StoreError) -> SyncBase? {
        try bytes(path).map { (bytes) throws(StoreError) in try decode(bytes, path: path) }
    }

    /// The base file's bytes; `nil` when there is none.
    static func bytes(_ path: String) throws(StoreError) -> [UInt8]? {
        guard access(path, F_OK) == 0 else { return nil }
        guard case .bytes(let bytes) = try FileIO.read(path, limit: Int.max) else { return nil }
        return bytes
    }

    static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> SyncBase {
        guard let base = decode(bytes) else {
            throw StoreError(.unreadable, "\(path): the sync base cannot be read; move it away to sync from an empty base")
        }
        return base
    }

    /// Writes the base atomically and durably.
    public func save(_ path: String) throws(StoreError) {
        try SyncBase.save(encode(), to: path)
    }

    static func save(_ bytes: [UInt8], to path: String) throws(StoreError) {
        try AtomicFile.makeFolder(String(path[..<path.lastIndex(of: "/")!]))
        try AtomicFile.write(bytes, to: path)
    }
}
