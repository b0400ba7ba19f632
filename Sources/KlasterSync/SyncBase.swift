#if canImport(Glibc)
import Glibc
#endif
public import KlasterStore

/// What two copies agreed on at their last sync: every record's content hash as of then, and the
/// conflicts left with markers in one of them.
///
/// Both copies keep the same base for each other, in `.klaster/peers/<other-id>/base`, written
/// atomically and last of all a sync's writes. The one with the higher ``generation`` wins when a
/// killed sync left them different: it was written after every record of its sync.
public struct SyncBase: Sendable, Equatable {
    /// A conflict written with markers into one copy; the other copy kept its version.
    public struct Pending: Sendable, Equatable {
        /// The id of the copy whose file has the markers.
        public var markedCopy: String
        /// The hash of the text with markers.
        public var marked: String
        /// The hash of the other copy's version at the time (`nil`: absent): the base of the
        /// record once the conflict is resolved, since the resolution descends from it.
        public var other: String?

        public init(markedCopy: String, marked: String, other: String?) {
            self.markedCopy = markedCopy
            self.marked = marked
            self.other = other
        }
    }

    public var generation: Int
    /// Record path (`members/anna.yaml`) → content hash.
    public var records: [String: String]
    public var pending: [String: Pending]

    public init(generation: Int = 0, records: [String: String] = [:], pending: [String: Pending] = [:]) {
        self.generation = generation
        self.records = records
        self.pending = pending
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

    // MARK: - Format

    /// `klaster-sync-base 1`, `generation N`, then `record HASH PATH` and
    /// `pending PATH COPY MARKED OTHER` lines (`-` for absent), then `end`.
    func encode() -> [UInt8] {
        var out = Array("klaster-sync-base 1\ngeneration \(generation)\n".utf8)
        out.reserveCapacity(records.count * 100 + 64)
        for (path, hash) in records {
            out.append(contentsOf: recordPrefixBytes)
            out.append(contentsOf: hash.utf8)
            out.append(0x20)
            out.append(contentsOf: path.utf8)
            out.append(0x0A)
        }
        for path in pending.keys.sorted() {
            let p = pending[path]!
            out += Array("pending \(path) \(p.markedCopy) \(p.marked) \(p.other ?? "-")\n".utf8)
        }
        out += Array("end\n".utf8)
        return out
    }

    private static let recordPrefixBytes = Array("record ".utf8)
    private var recordPrefixBytes: [UInt8] { SyncBase.recordPrefixBytes }

    static func decode(_ bytes: [UInt8]) -> SyncBase? {
        var base = SyncBase()
        base.records.reserveCapacity(bytes.count / 95)
        var sawEnd = false
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            let line = bytes[start..<end]
            start = end + 1
            lineNumber += 1
            if sawEnd { return nil }
            if lineNumber == 1 {
                guard String(decoding: line, as: UTF8.self) == "klaster-sync-base 1" else { return nil }
                continue
            }
            // The common line, `record <64 hex> <path>`, without splitting.
            if line.count > 72 && line.starts(with: recordPrefix) && line[line.startIndex + 71] == 0x20 {
                let hashBytes = line[(line.startIndex + 7)..<(line.startIndex + 71)]
                let pathBytes = line[(line.startIndex + 72)...]
                guard hashBytes.allSatisfy(isHexDigit), pathBytes.withUnsafeBufferPointer(RecordPath.isRecordPath(bytes:)) else {
                    return nil
                }
                base.records[String(decoding: pathBytes, as: UTF8.self)] = String(decoding: hashBytes, as: UTF8.self)
                continue
            }
            let fields = line.split(separator: 0x20, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            switch fields[0] {
            case "generation":
                guard fields.count == 2, let n = Int(fields[1]) else { return nil }
                base.generation = n
            case "record":
                guard fields.count == 3, isHash(fields[1]), RecordPath.isRecordPath(fields[2]) else { return nil }
                base.records[fields[2]] = fields[1]
            case "pending":
                guard fields.count == 5, RecordPath.isRecordPath(fields[1]), CopyIdentity.isValid(fields[2]), isHash(fields[3]) else { return nil }
                let other = fields[4] == "-" ? nil : fields[4]
                guard other.map(isHash) ?? true else { return nil }
                base.pending[fields[1]] = Pending(markedCopy: fields[2], marked: fields[3], other: other)
            case "end":
                sawEnd = true
            default:
                return nil
            }
        }
        return sawEnd ? base : nil
    }

    private static let recordPrefix = Array("record ".utf8)

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHexDigit)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
