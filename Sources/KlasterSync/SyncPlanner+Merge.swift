import Foundation
import KlasterMerge
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// A record both copies changed, to be merged: what ``SyncPlanner`` read for it.
struct MergeJob: Sendable {
    var path: String
    var baseHash: String?
    var ours: [UInt8]?
    var a: String?
    var theirs: [UInt8]?
    var b: String?
    var versions: (here: VersionVector, there: VersionVector)
}

/// Merges the records both copies changed, on all cores: everything it reads (schemas, the
/// base's objects, the stores) is fixed while the plan is made.
struct SyncMerger: Sendable {
    let here: Store
    let there: Store
    let hereID: String
    let base: SyncBase
    let hereObjects: ObjectStore
    let thereObjects: ObjectStore
    let schemas: [RecordKind: SchemaSet]

    /// Merges a record both copies changed: by the schema (``RecordMerge``, with the
    /// merge-integrity check against this copy and the other), or line by line when a side is not
    /// a record that parses.
    func merge(_ job: MergeJob) -> SyncDecision {
        let (path, ours, a, theirs, b, versions) = (job.path, job.ours, job.a, job.theirs, job.b, job.versions)
        // The base's text, and its hash only when the text was found.
        let base = job.baseHash.flatMap { hereObjects.get($0) ?? thereObjects.get($0) }
        let knownBase = base == nil ? nil : job.baseHash
        var decision = SyncDecision(path: path)
        // A merged version has seen both sides.
        decision.version = versions.here.joined(versions.there)
        guard let (kind, id) = RecordPath.split(path) else { return decision }
        let result = recordMerge(kind: kind, id: id, path: path, base: base, ours: ours, theirs: theirs)
        switch result {
        case .clean(let merged):
            guard let merged else {
                if a != nil { decision.here = .remove; decision.hereEffect = .deleted }
                if b != nil { decision.there = .remove; decision.thereEffect = .deleted }
                decision.base = nil
                return decision
            }
            let hash = SHA256.hex(merged)
            if hash != a {
                decision.here = .content(merged, hash: hash)
                decision.hereEffect = a == nil ? .added : .changed
            }
            if hash != b {
                decision.there = .content(merged, hash: hash)
                decision.thereEffect = b == nil ? .added : .changed
            }
            decision.base = hash
            decision.objects[hash] = merged
        case .deletedAndChanged(let message):
            // The changed version stays, in both copies; the deletion is reported, not applied.
            let kept = ours ?? theirs ?? []
            let hash = SHA256.hex(kept)
            if ours == nil {
                decision.here = .content(kept, hash: hash)
                decision.hereEffect = .added
            } else {
                decision.there = .content(kept, hash: hash)
                decision.thereEffect = .added
            }
            decision.conflict = message
            decision.base = hash
            decision.kept = hash
            decision.objects[hash] = kept
        case .conflicted(let marked, let message):
            let hash = SHA256.hex(marked)
            decision.here = .content(marked, hash: hash)
            decision.hereEffect = .conflicted
            decision.conflict = message
            decision.base = knownBase
            decision.version = self.base.version(path)
            decision.pending = SyncBase.Pending(
                markedCopy: hereID, marked: hash, other: b,
                markedVersion: versions.here.joined(versions.there), otherVersion: versions.there
            )
            if let b, let theirs { decision.objects[b] = theirs }
            if let knownBase, let base { decision.objects[knownBase] = base }
            decision.stash = (base ?? [], ours ?? [], theirs ?? [])
        }
        return decision
    }

    enum MergeResult {
        case clean([UInt8]?)
        case deletedAndChanged(String)
        case conflicted([UInt8], String)
    }

    private func recordMerge(
        kind: RecordKind,
        id: String,
        path: String,
        base: [UInt8]?,
        ours: [UInt8]?,
        theirs: [UInt8]?
    ) -> MergeResult {
        let texts = [base, ours, theirs].map { $0.flatMap { String(validating: $0, as: UTF8.self) } }
        let allText = zip([base, ours, theirs], texts).allSatisfy { $0.0 == nil || $0.1 != nil }
        if allText, let schema = schemas[kind] {
            let other = there
            let integrity = MergeIntegrity(store: here, kind: kind, id: id, schema: schema) { k, i in
                FileManager.default.fileExists(atPath: other.file(k, i).absolutePath)
            }
            let merge = RecordMerge(schema: schema, integrity: integrity)
            if let result = try? merge.merge(base: texts[0], ours: texts[1], theirs: texts[2], file: path) {
                if result.isClean { return .clean(result.text.map { Array($0.utf8) }) }
                let message = result.conflicts.map(\.description).joined(separator: "; ")
                if result.conflicts.contains(where: { $0.path.isRoot && $0.kind == .deleteModify }) {
                    return .deletedAndChanged(deleteMessage(ours: ours, message))
                }
                guard let text = result.text else { return .deletedAndChanged(deleteMessage(ours: ours, message)) }
                return .conflicted(Array(text.utf8), message)
            }
        }
        // Not a record that parses on some side: line by line, never losing either side.
        guard let ours, let theirs else {
            return .deletedAndChanged(deleteMessage(ours: ours, "deleted on one side, changed on the other"))
        }
        let lines = FileMerge.mergeLines(base: base ?? [], ours: ours, theirs: theirs, markers: ConflictMarkers())
        if lines.conflicts == 0 { return .clean(lines.bytes) }
        return .conflicted(lines.bytes, "\(lines.conflicts) conflicting line region\(lines.conflicts == 1 ? "" : "s") (merged line by line: the file does not parse as a record on every side)")
    }

    private func deleteMessage(ours: [UInt8]?, _ detail: String) -> String {
        let side = ours == nil ? "deleted here, changed in the other copy" : "changed here, deleted in the other copy"
        return "\(side): the changed version is kept in both copies (delete it again if it should go)"
    }
}

extension SyncPlanner {
    mutating func schemaSet(_ kind: RecordKind) throws(StoreError) -> SchemaSet {
        if let set = schemas[kind] { return set }
        do {
            let set = try RecordSchemas.schemaSet(for: kind, storeRoot: here.root)
            schemas[kind] = set
            return set
        } catch {
            throw StoreError(.unreadable, "the \(kind.folder) schema of \(here.root) does not compile: \(error)")
        }
    }
}
