import Foundation
import KlasterMerge
import KlasterModel
import KlasterValidation
import KlasterYAML
import Testing

/// 200 generated concurrent-edit scenarios, each merged by `git merge-file` and by Klaster:
/// Klaster never loses an edit and never conflicts where the two sides changed different
/// fields. The counts are printed (`CORPUS:` lines) for the report.
@Suite struct ConcurrentEditCorpusTests {
    let schema = MergeFixtures.schemas[.clusters]!

    @Test func klasterAgainstGitMergeFile() throws {
        let dir = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var gitConflicted = 0
        var gitHunks = 0
        var klasterConflicted = 0
        var klasterFields = 0
        var disjoint = 0
        var gitConflictedOnDisjoint = 0
        let scenarios = 200
        for seed in 0..<scenarios {
            let s = MergePropertyTests.scenario(seed * 7919 + 1)
            let t = s.texts
            try Tools.write(t.b, to: dir + "/base")
            try Tools.write(t.x, to: dir + "/ours")
            try Tools.write(t.y, to: dir + "/theirs")
            let git = try Tools.run("git", ["merge-file", "-p", dir + "/ours", dir + "/base", dir + "/theirs"])
            let gitConflicts = Int(git.status)
            if gitConflicts > 0 {
                gitConflicted += 1
                gitHunks += gitConflicts
            }
            let result = try RecordMerge(schema: schema).merge(base: t.b, ours: t.x, theirs: t.y)
            if !result.isClean {
                klasterConflicted += 1
                klasterFields += result.conflicts.count
            }
            let text = result.text ?? ""
            for side in [s.x, s.y] {
                for line in MergePropertyTests.editedLines(s.base, side) {
                    #expect(text.contains(line), "scenario \(seed): lost '\(line)'")
                }
            }
            let x = changedFields(s.base, s.x)
            let y = changedFields(s.base, s.y)
            let overlap = x.contains { a in y.contains { b in a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/") } }
            if !overlap {
                disjoint += 1
                if gitConflicts > 0 { gitConflictedOnDisjoint += 1 }
                #expect(result.isClean, "scenario \(seed): conflicts \(result.conflicts) though the sides changed \(x) and \(y)")
            }
        }
        print("CORPUS: \(scenarios) scenarios; git merge-file conflicted in \(gitConflicted) (\(gitHunks) conflict hunks); Klaster conflicted in \(klasterConflicted) (\(klasterFields) fields)")
        print("CORPUS: \(disjoint) scenarios changed disjoint fields; git merge-file conflicted in \(gitConflictedOnDisjoint) of them, Klaster in 0")
        #expect(klasterConflicted < gitConflicted)
        #expect(disjoint >= 50)
    }

    /// The fields a side changed: paths of scalars added, removed or changed, with list
    /// elements named by key (or by content in sets), and an ordered list as one field.
    func changedFields(_ base: YAMLNode, _ side: YAMLNode) -> Set<String> {
        let before = Set(fields(base, .root, "").map { "\($0.0)=\($0.1)" })
        let after = Set(fields(side, .root, "").map { "\($0.0)=\($0.1)" })
        return Set(before.symmetricDifference(after).map { String($0.prefix { $0 != "=" }) })
    }

    func fields(_ node: YAMLNode, _ path: YAMLPath, _ name: String) -> [(String, String)] {
        switch node {
        case .scalar(let s):
            return [(name, s.value)]
        case .sequence(let s):
            let info = schema.fieldInfo(at: path)
            if info?.xMerge == nil {
                return [(name, canonical(node, schema: schema, path: path))]
            }
            return s.items.enumerated().flatMap { i, item in
                let key = info?.xMergeKey.flatMap { item.mapping?[$0]?.scalar?.value } ?? canonical(item, schema: schema)
                return fields(item, path.appending(index: i), name + "/[" + key + "]")
            }
        case .mapping(let m):
            return m.entries.flatMap { fields($0.value, path.appending(key: $0.keyText ?? "?"), name + "/" + ($0.keyText ?? "?")) }
        }
    }
}
