import Foundation
public import KlasterStore
import KlasterYAML

/// Finishes a conflicted record (`klaster resolve`): takes ours' or theirs' side of every
/// conflicting field (keeping what merged cleanly), or marks a hand-edited file resolved; then
/// tells git, when the record is unmerged in its index.
///
/// The three versions come from git's index (stages 1, 2, 3) when it holds the path unmerged,
/// else from ``ConflictStash``. A side where the record does not exist resolves to deleting it.
public struct ConflictResolver: Sendable {
    public enum Choice: Sendable {
        case ours, theirs, mark
    }

    public var store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Resolves `file`; returns a sentence saying what was done. Throws `.badArgument` when
    /// there is nothing to resolve or (for `.mark`) the file still has markers or does not parse.
    public func resolve(_ file: RecordFile, _ choice: Choice) throws(StoreError) -> String {
        let git = Git(directory: store.root)
        let stages = git.unmerged(under: file.relativePath)[file.relativePath] ?? []
        let stash = ConflictStash(store: store)
        let exists = FileManager.default.fileExists(atPath: file.absolutePath)
        switch choice {
        case .mark:
            if exists {
                guard case .success(let bytes) = try store.read(file) else { throw StoreError(.unreadable, "cannot read \(file.relativePath)") }
                let text = String(decoding: bytes, as: UTF8.self)
                if let line = ConflictMarkers.markerLines(in: text).first {
                    throw StoreError(.badArgument, "\(file.relativePath):\(line): the file still has conflict markers; edit it first, or use --ours or --theirs")
                }
                if case .failure(let error) = try store.parse(file) {
                    throw StoreError(.badArgument, "\(error.description); fix the file first")
                }
            } else if stages.isEmpty {
                throw StoreError(.badArgument, "\(file.relativePath) does not exist and is not in conflict")
            }
            try tellGit(git, file, stages: stages, exists: exists)
            stash.remove(file)
            return "\(file.reference): marked resolved" + (exists ? "" : " (deleted)")
        case .ours, .theirs:
            let versions: (base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?)
            if !stages.isEmpty {
                versions = (git.stage(1, of: "./" + file.relativePath), git.stage(2, of: "./" + file.relativePath), git.stage(3, of: "./" + file.relativePath))
            } else if let base = stash.load(file, .base), let ours = stash.load(file, .ours), let theirs = stash.load(file, .theirs) {
                versions = (base, ours, theirs)
            } else {
                throw StoreError(
                    .badArgument,
                    "\(file.reference) is not in conflict (git's index has no unmerged entry and no merge left its versions in .klaster/conflicts/); edit it and use --mark"
                )
            }
            let text = merged(file, versions, choice)
            if let text {
                try AtomicFile.write(text, to: file.absolutePath)
            } else if exists {
                try AtomicFile.remove(file.absolutePath)
            }
            try tellGit(git, file, stages: stages, exists: text != nil)
            stash.remove(file)
            let side = choice == .ours ? "ours" : "theirs"
            return text == nil ? "\(file.reference): deleted, as \(side) did" : "\(file.reference): resolved with \(side) for every conflicting field"
        }
    }

    /// The record merged again with every conflict resolved to one side; a side's whole text
    /// when the versions cannot be merged as records. `nil`: the record is deleted.
    private func merged(_ file: RecordFile, _ v: (base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?), _ choice: Choice) -> [UInt8]? {
        func text(_ bytes: [UInt8]?) -> String? {
            guard let bytes, !bytes.isEmpty else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        let side = choice == .ours ? v.ours : v.theirs
        guard let schema = try? RecordSchemas.schemaSet(for: file.kind, storeRoot: store.root) else {
            return side.flatMap { $0.isEmpty ? nil : $0 }
        }
        let merge = RecordMerge(schema: schema, resolution: choice == .ours ? .ours : .theirs)
        guard let result = try? merge.merge(base: text(v.base), ours: text(v.ours), theirs: text(v.theirs), file: file.relativePath) else {
            return side.flatMap { $0.isEmpty ? nil : $0 }
        }
        return result.text.map { Array($0.utf8) }
    }

    private func tellGit(_ git: Git, _ file: RecordFile, stages: Set<Int>, exists: Bool) throws(StoreError) {
        guard !stages.isEmpty else { return }
        let arguments = exists ? ["add", "--", file.relativePath] : ["rm", "--cached", "-q", "--ignore-unmatch", "--", file.relativePath]
        guard git.run(arguments)?.status == 0 else {
            throw StoreError(.unwritable, "git \(arguments[0]) \(file.relativePath) failed")
        }
    }
}
