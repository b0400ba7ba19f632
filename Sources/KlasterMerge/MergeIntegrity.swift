import Foundation
public import KlasterModel
public import KlasterStore
public import KlasterValidation
public import KlasterYAML

/// Checks a merged record in the store around it (SPEC §8, rule `merge-integrity`): the merge
/// must not break the schema where neither side did, leave a reference to a record that does
/// not exist, or give a unique field a value another record of the kind already has.
///
/// Only what the merge brought in is checked (values ours did not have), so a problem ours
/// already had is `validate`'s to report, not the merge's; a clean merge of a sound store costs
/// a few lookups. A reference resolves when the file exists in the store's folder (ours' side of
/// a git merge) or when ``otherSideHas`` says the record exists on the side being merged in
/// (git writes theirs' new files only after the merge drivers ran).
public struct MergeIntegrity: Sendable {
    public var store: Store
    public var kind: RecordKind
    public var id: String
    public var schema: SchemaSet
    public var otherSideHas: (@Sendable (RecordKind, String) -> Bool)?

    public init(store: Store, kind: RecordKind, id: String, schema: SchemaSet, otherSideHas: (@Sendable (RecordKind, String) -> Bool)? = nil) {
        self.store = store
        self.kind = kind
        self.id = id
        self.schema = schema
        self.otherSideHas = otherSideHas
    }

    public func check(_ merged: YAMLNode, ours: YAMLNode?, theirs: YAMLNode?) -> [MergeConflict] {
        var found: [MergeConflict] = []
        schemaProblems(merged, ours: ours, theirs: theirs, into: &found)
        guard let references = schema.schemas.first?.references(in: merged) else { return found }
        let oursReferences = Set((ours.flatMap { schema.schemas.first?.references(in: $0) } ?? []).map { "\($0.path)=\($0.value)" })
        for reference in references where !oursReferences.contains("\(reference.path)=\(reference.value)") {
            guard let (kind, id) = reference.resolved else { continue }
            if kind == self.kind && id == self.id { continue }
            if FileManager.default.fileExists(atPath: store.file(kind, id).absolutePath) { continue }
            if otherSideHas?(kind, id) == true { continue }
            found.append(
                MergeConflict(
                    kind: .integrity,
                    path: reference.path,
                    base: nil,
                    ours: ours?.node(at: reference.path),
                    theirs: theirs?.node(at: reference.path),
                    message: "after the merge, '\(reference.path)' refers to \(kind.folder)/\(id), which is not in the store"
                )
            )
        }
        uniqueCollisions(merged, ours: ours, theirs: theirs, into: &found)
        return found
    }

    /// Violations of the merged record at places where neither side broke the schema.
    private func schemaProblems(_ merged: YAMLNode, ours: YAMLNode?, theirs: YAMLNode?, into found: inout [MergeConflict]) {
        let violations = schema.validate(merged)
        if violations.isEmpty { return }
        let before = Set(([ours, theirs].compactMap { $0 }.flatMap { schema.validate($0) }).map { "\($0.pointer) \($0.keyword)" })
        for violation in violations where !before.contains("\(violation.pointer) \(violation.keyword)") {
            found.append(
                MergeConflict(
                    kind: .integrity,
                    path: violation.path,
                    base: nil,
                    ours: ours?.node(at: violation.path),
                    theirs: theirs?.node(at: violation.path),
                    message: "the merged record breaks its schema: \(violation.message)"
                )
            )
        }
    }

    /// Unique values the merge brought in that another record of the kind already has.
    private func uniqueCollisions(_ merged: YAMLNode, ours: YAMLNode?, theirs: YAMLNode?, into found: inout [MergeConflict]) {
        let oursLeaves = Set((ours.map(Self.leaves) ?? []).map { "\($0.pattern)=\($0.value)" })
        let candidates = Self.leaves(merged).filter { leaf in
            !oursLeaves.contains("\(leaf.pattern)=\(leaf.value)") && schema.fieldInfo(at: leaf.path)?.xUnique == true
        }
        if candidates.isEmpty { return }
        guard let listing = try? store.list(kind) else { return }
        for file in listing.records where file.id != id {
            guard case .success(let bytes)? = try? store.read(file) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            let present = candidates.filter { text.contains($0.value) }
            if present.isEmpty { continue }
            guard case .success(let root?)? = try? store.parse(file) else { continue }
            let theirs = Set(Self.leaves(root).map { "\($0.pattern)=\($0.value)" })
            for leaf in present where theirs.contains("\(leaf.pattern)=\(leaf.value)") {
                found.append(
                    MergeConflict(
                        kind: .integrity,
                        path: leaf.path,
                        base: nil,
                        ours: ours?.node(at: leaf.path),
                        theirs: nil,
                        message: "after the merge, '\(leaf.path)' is \(leaf.value), which \(file.relativePath) already has; it must be unique"
                    )
                )
            }
        }
    }

    /// Every scalar of `node` with its path and its path with indices written `*`.
    static func leaves(_ node: YAMLNode) -> [(path: YAMLPath, pattern: String, value: String)] {
        var out: [(YAMLPath, String, String)] = []
        func walk(_ node: YAMLNode, _ path: YAMLPath, _ pattern: String) {
            switch node {
            case .scalar(let s): out.append((path, pattern, s.value))
            case .sequence(let s):
                for (i, item) in s.items.enumerated() { walk(item, path.appending(index: i), pattern + "/*") }
            case .mapping(let m):
                for entry in m.entries {
                    guard let key = entry.keyText else { continue }
                    walk(entry.value, path.appending(key: key), pattern + "/" + key)
                }
            }
        }
        walk(node, .root, "")
        return out
    }
}
