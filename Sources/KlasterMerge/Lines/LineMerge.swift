/// A three-way merge of texts, line by line, as `git merge-file` does it (xdiff's `xdl_merge`
/// at its default level): changes that neither overlap nor touch are both taken, identical
/// changes are taken once, and everything else is a conflict, narrowed to the lines where ours
/// and theirs really differ.
///
/// The merge never loses a line of either side: a conflict keeps ours' and theirs' lines whole.
public struct LineMerge: Sendable {
    /// A stretch of the result: lines every side agrees on (or one side's clean change), or a
    /// conflict with each side's lines.
    public enum Chunk: Hashable, Sendable {
        case clean([Substring])
        case conflict(ours: [Substring], base: [Substring], theirs: [Substring])
    }

    public private(set) var chunks: [Chunk]

    /// True when some chunk is a conflict.
    public var hasConflicts: Bool {
        chunks.contains { if case .conflict = $0 { true } else { false } }
    }

    /// How hard to try to narrow conflicts: git's `XDL_MERGE_EAGER` (the whole overlapping
    /// region; what diff3 output uses), `XDL_MERGE_ZEALOUS` (what `git merge` uses) and
    /// `XDL_MERGE_ZEALOUS_ALNUM` (what `git merge-file` uses).
    public enum Level: Sendable {
        case eager, zealous, zealousAlnum
    }

    /// Merges `ours` and `theirs`, both descended from `base`.
    public init(base: String, ours: String, theirs: String, level: Level = .zealousAlnum) {
        self.init(base: Self.lines(base), ours: Self.lines(ours), theirs: Self.lines(theirs), level: level)
    }

    public init(base: [Substring], ours: [Substring], theirs: [Substring], level: Level = .zealousAlnum) {
        let regions = Self.regions(base: base, ours: ours, theirs: theirs, level: level)
        var chunks: [Chunk] = []
        var oursAt = 0
        func clean(_ lines: ArraySlice<Substring>) {
            guard !lines.isEmpty else { return }
            if case .clean(let previous) = chunks.last {
                chunks[chunks.count - 1] = .clean(previous + lines)
            } else {
                chunks.append(.clean(Array(lines)))
            }
        }
        for r in regions {
            clean(ours[oursAt..<r.ours.lowerBound])
            switch r.mode {
            case .ours, .same: clean(ours[r.ours])
            case .theirs: clean(theirs[r.theirs])
            case .conflict:
                chunks.append(.conflict(ours: Array(ours[r.ours]), base: Array(base[r.base]), theirs: Array(theirs[r.theirs])))
            }
            oursAt = r.ours.upperBound
        }
        clean(ours[oursAt...])
        self.chunks = chunks
    }

    /// Splits `text` into lines that keep their line breaks; a last line without one is kept too.
    public static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                let next = utf8.index(after: i)
                lines.append(text[start..<next])
                start = next
            }
            i = utf8.index(after: i)
        }
        if start != text.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// The merged text, with conflicts written between markers.
    public func text(markers: ConflictMarkers = ConflictMarkers()) -> String {
        var out = ""
        for chunk in chunks {
            switch chunk {
            case .clean(let lines):
                for line in lines { out += line }
            case .conflict(let ours, let base, let theirs):
                out += markers.render(ours: ours.joined(), base: base.joined(), theirs: theirs.joined())
            }
        }
        return out
    }

    /// The merged text when there is no conflict; `nil` otherwise.
    public var cleanText: String? {
        var out = ""
        for chunk in chunks {
            guard case .clean(let lines) = chunk else { return nil }
            for line in lines { out += line }
        }
        return out
    }
}
