public import KlasterModel
public import KlasterYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store on disk: the manifest and the record files under the kind folders.
///
/// Opening reads only the manifest; records are listed and read on demand, in parallel where
/// there are many (see ``Store/map(_:_:)``).
public struct Store: Sendable {
    /// The store's root folder, absolute.
    public let root: String
    public let manifest: Manifest
    public var limits: YAMLLimits

    /// The folder of this copy's local state (sync bases, caches, lock); never committed.
    public static let stateFolder = ".klaster"

    public init(root: String, manifest: Manifest, limits: YAMLLimits = .default) {
        self.root = root
        self.manifest = manifest
        self.limits = limits
    }

    /// Opens the store at `root` (which must hold `klaster.yaml`).
    public static func open(at root: String, limits: YAMLLimits = .default) throws(StoreError) -> Store {
        let path = root + "/" + StoreLocator.manifestName
        let bytes: [UInt8]
        switch try FileIO.read(path, limit: limits.maxFileSize) {
        case .bytes(let b): bytes = b
        case .tooLarge(let size): throw StoreError(.badManifest, "\(path): the manifest is \(size) bytes, over the limit")
        }
        let manifest = try Manifest(text: bytes, file: StoreLocator.manifestName)
        return Store(root: root, manifest: manifest, limits: limits)
    }

    /// Locates (see ``StoreLocator``) and opens a store.
    public static func locate(explicit: String?) throws(StoreError) -> Store {
        try open(at: StoreLocator.locate(explicit: explicit))
    }

    public var statePath: String { root + "/" + Store.stateFolder }

    public func file(_ kind: RecordKind, _ id: String) -> RecordFile {
        RecordFile(kind: kind, id: id, root: root)
    }

    /// What a kind folder holds: the record files, sorted by id, and the names that are not
    /// record files (another extension, or a stem that is not a valid id).
    public struct Listing: Sendable {
        public var records: [RecordFile]
        /// Relative paths of entries that are not records (`members/Notes.txt`).
        public var strays: [String]
    }

    /// Lists one kind's folder; an absent folder is an empty kind.
    public func list(_ kind: RecordKind) throws(StoreError) -> Listing {
        guard let names = try FileIO.list(root + "/" + kind.folder) else { return Listing(records: [], strays: []) }
        var ids: [String] = []
        var strays: [String] = []
        ids.reserveCapacity(names.count)
        for name in names {
            if name.utf8.first == UInt8(ascii: ".") { continue }  // editor swap files, .gitkeep
            if name.utf8.count > 5, name.utf8.reversed().starts(with: "lmay.".utf8) {
                let id = String(name.dropLast(5))
                if RecordIDSyntax.isValid(id) {
                    ids.append(id)
                    continue
                }
            }
            strays.append(kind.folder + "/" + name)
        }
        // The order of ``RecordFile/<`` within a kind (UTF-8 bytes), sorting ids rather than
        // whole record files. A valid id is ASCII, for which String's own order is the bytes'
        // order, and its fast path (whole words, no closure) sorts about 2.6 times faster than
        // a memcmp closure (measured: 6,000 member ids).
        ids.sort()
        strays.sort()
        return Listing(records: ids.map { RecordFile(kind: kind, id: $0, root: root) }, strays: strays)
    }

    /// Every record file of every kind (or of the given kinds), in kind order then id order.
    public func recordFiles(of kinds: [RecordKind] = RecordKind.allCases) throws(StoreError) -> [RecordFile] {
        var all: [RecordFile] = []
        for kind in kinds { all += try list(kind).records }
        return all
    }

    /// Reads a record file's bytes; a file over the size limit is reported as a YAML error.
    public func read(_ file: RecordFile) throws(StoreError) -> Result<[UInt8], YAMLError> {
        try readStamped(file).bytes
    }

    /// ``read(_:)``, with the stamp of the file read (see ``FileIO/Stamp``).
    package func readStamped(_ file: RecordFile) throws(StoreError) -> (bytes: Result<[UInt8], YAMLError>, stamp: FileIO.Stamp) {
        let (result, stamp) = try FileIO.readStamped(file.absolutePath, limit: limits.maxFileSize)
        return (bytes(of: file, result), stamp)
    }

    private func bytes(of file: RecordFile, _ result: FileIO.ReadResult) -> Result<[UInt8], YAMLError> {
        switch result {
        case .bytes(let bytes):
            return .success(bytes)
        case .tooLarge(let size):
            return .failure(
                YAMLError(
                    .tooLarge,
                    "the file is \(size) bytes, over the limit of \(limits.maxFileSize) bytes",
                    file: file.relativePath,
                    mark: Mark(offset: 0, line: 1, column: 1)
                )
            )
        }
    }

    /// Reads and parses a record file.
    public func parse(_ file: RecordFile) throws(StoreError) -> Result<YAMLNode?, YAMLError> {
        switch try read(file) {
        case .failure(let error): return .failure(error)
        case .success(let bytes):
            return Result { () throws(YAMLError) in try YAMLParser(limits: limits).parse(bytes, file: file.relativePath) }
        }
    }
}
