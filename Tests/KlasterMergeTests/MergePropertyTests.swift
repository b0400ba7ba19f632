import KlasterModel
import KlasterMerge
import KlasterValidation
import KlasterYAML
import PropertyBased
import Testing

/// The properties SPEC §8 lists, on generated records and concurrent edits.
@Suite struct MergePropertyTests {
    let schema = MergeFixtures.schemas[.clusters]!
    static let seeds = Gen.int(in: 0...Int(Int32.max))

    struct Scenario {
        var base: YAMLNode
        var x: YAMLNode
        var y: YAMLNode
        var texts: (b: String, x: String, y: String) {
            (ScenarioGenerator.text(base), ScenarioGenerator.text(x), ScenarioGenerator.text(y))
        }
    }

    static func scenario(_ seed: Int) -> Scenario {
        var generator = ScenarioGenerator(seed: UInt64(seed))
        let base = generator.record()
        return Scenario(base: base, x: generator.edit(base, side: "x"), y: generator.edit(base, side: "y"))
    }

    func merge(_ b: String, _ o: String, _ t: String, _ resolution: RecordMerger.Resolution = .markers) throws -> RecordMerge.Result {
        try RecordMerge(schema: schema, resolution: resolution).merge(base: b, ours: o, theirs: t)
    }

    @Test func mergingWithAnUnchangedTheirsGivesOurs() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let t = Self.scenario(seed).texts
            let result = try merge(t.b, t.x, t.b)
            #expect(result.isClean)
            #expect(result.text == t.x)
        }
    }

    @Test func mergingWithAnUnchangedOursGivesTheirs() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let s = Self.scenario(seed)
            let t = s.texts
            let result = try merge(t.b, t.b, t.y)
            #expect(result.isClean)
            let merged = canonical(result.node, schema: schema)
            let expected = canonical(s.y, schema: schema)
            #expect(merged == expected)
        }
    }

    @Test func mergingTwoEqualSidesGivesThatSide() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let t = Self.scenario(seed).texts
            let result = try merge(t.b, t.x, t.x)
            #expect(result.isClean)
            #expect(result.text == t.x)
        }
    }

    @Test func swappingTheSidesGivesTheSameContentAndTheSameConflicts() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let t = Self.scenario(seed).texts
            let xy = try merge(t.b, t.x, t.y, .ours)
            let yx = try merge(t.b, t.y, t.x, .theirs)
            #expect(Set(xy.conflicts.map(\.pointer)) == Set(yx.conflicts.map(\.pointer)))
            let a = canonical(xy.node, schema: schema)
            let b = canonical(yx.node, schema: schema)
            #expect(a == b)
            let markedXY = try merge(t.b, t.x, t.y)
            let markedYX = try merge(t.b, t.y, t.x)
            #expect(markedXY.conflicts.isEmpty == markedYX.conflicts.isEmpty)
        }
    }

    @Test func noTextOfEitherSideIsDropped() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let s = Self.scenario(seed)
            let t = s.texts
            let result = try merge(t.b, t.x, t.y)
            let text = result.text ?? ""
            for side in [s.x, s.y] {
                for line in Self.editedLines(s.base, side) {
                    #expect(text.contains(line), "seed \(seed): lost '\(line)'")
                }
            }
            if !result.isClean {
                #expect(ConflictMarkers.markerLines(in: text).count >= 3 * result.conflicts.count / max(result.conflicts.count, 1))
            }
        }
    }

    /// The text lines of scalars that `side` changed or added relative to `base`.
    static func editedLines(_ base: YAMLNode, _ side: YAMLNode) -> [String] {
        let before = Set(leaves(base).map { "\($0.0)=\($0.1)" })
        let baseLines = Dictionary(leaves(base).map { ($0.0, Set($0.1.split(separator: "\n"))) }, uniquingKeysWith: { $0.union($1) })
        var out: [String] = []
        for (path, value) in leaves(side) where !before.contains("\(path)=\(value)") {
            // In a text field, only the lines this side wrote are its edit.
            for line in value.split(separator: "\n") where !line.isEmpty && baseLines[path]?.contains(line) != true {
                out.append(String(line))
            }
        }
        return out
    }

    /// Scalars by path, with list elements named by content for sets and by `id` for people.
    static func leaves(_ node: YAMLNode, _ path: String = "") -> [(String, String)] {
        switch node {
        case .scalar(let s): return [(path, s.value)]
        case .sequence(let s):
            return s.items.flatMap { item in
                let name = item.mapping?["id"]?.scalar?.value ?? item.scalar?.value ?? "?"
                return leaves(item, path + "[\(name)]")
            }
        case .mapping(let m):
            return m.entries.flatMap { leaves($0.value, path + "/" + ($0.keyText ?? "?")) }
        }
    }
}
