extension LineMerge {
    /// A stretch where ours or theirs (or both) changed the base, in each text's lines.
    struct Region {
        enum Mode { case ours, theirs, conflict, same }
        var mode: Mode
        var base: Range<Int>
        var ours: Range<Int>
        var theirs: Range<Int>
    }

    /// The changed regions in order, as xdiff's `xdl_do_merge` finds them: a change of one side
    /// that ends strictly before the other side's next change is that side's; changes that
    /// overlap or touch form one conflict unless they are the same change.
    static func regions(base: [Substring], ours: [Substring], theirs: [Substring], level: Level) -> [Region] {
        let d1 = LineDiff(base, ours).hunks
        let d2 = LineDiff(base, theirs).hunks
        var out: [Region] = []
        func append(_ mode: Region.Mode, _ i0: Int, _ c0: Int, _ i1: Int, _ c1: Int, _ i2: Int, _ c2: Int) {
            if let m = out.last, i1 <= m.ours.upperBound || i2 <= m.theirs.upperBound {
                let last = out.count - 1
                if mode != m.mode { out[last].mode = .conflict }
                out[last].base = m.base.lowerBound..<(i0 + c0)
                out[last].ours = m.ours.lowerBound..<(i1 + c1)
                out[last].theirs = m.theirs.lowerBound..<(i2 + c2)
            } else {
                out.append(Region(mode: mode, base: i0..<(i0 + c0), ours: i1..<(i1 + c1), theirs: i2..<(i2 + c2)))
            }
        }
        var a = 0
        var b = 0
        while a < d1.count && b < d2.count {
            let x = d1[a]
            let y = d2[b]
            if x.start1 + x.count1 < y.start1 {
                append(.ours, x.start1, x.count1, x.start2, x.count2, y.start2 - y.start1 + x.start1, x.count1)
                a += 1
                continue
            }
            if y.start1 + y.count1 < x.start1 {
                append(.theirs, y.start1, y.count1, x.start2 - x.start1 + y.start1, y.count1, y.start2, y.count2)
                b += 1
                continue
            }
            if x.start1 != y.start1 || x.count1 != y.count1 || x.count2 != y.count2
                || ours[x.start2..<(x.start2 + x.count2)] != theirs[y.start2..<(y.start2 + y.count2)]
            {
                let off = x.start1 - y.start1
                let ffo = off + x.count1 - y.count1
                var i0 = x.start1
                var i1 = x.start2
                var i2 = y.start2
                if off > 0 {
                    i0 -= off
                    i1 -= off
                } else {
                    i2 += off
                }
                var c0 = x.start1 + x.count1 - i0
                var c1 = x.start2 + x.count2 - i1
                var c2 = y.start2 + y.count2 - i2
                if ffo < 0 {
                    c0 -= ffo
                    c1 -= ffo
                } else {
                    c2 += ffo
                }
                append(.conflict, i0, c0, i1, c1, i2, c2)
            }
            let end1 = x.start1 + x.count1
            let end2 = y.start1 + y.count1
            if end1 >= end2 { b += 1 }
            if end2 >= end1 { a += 1 }
        }
        while a < d1.count {
            let x = d1[a]
            append(.ours, x.start1, x.count1, x.start2, x.count2, x.start1 + theirs.count - base.count, x.count1)
            a += 1
        }
        while b < d2.count {
            let y = d2[b]
            append(.theirs, y.start1, y.count1, y.start1 + ours.count - base.count, y.count1, y.start2, y.count2)
            b += 1
        }
        if level == .eager { return out }
        return simplify(refine(out, ours: ours, theirs: theirs), ours: ours, alnum: level == .zealousAlnum)
    }

    /// Narrows each conflict to the lines where ours and theirs differ (`xdl_refine_conflicts`).
    private static func refine(_ regions: [Region], ours: [Substring], theirs: [Substring]) -> [Region] {
        var out: [Region] = []
        for r in regions {
            guard r.mode == .conflict, !r.ours.isEmpty, !r.theirs.isEmpty else {
                out.append(r)
                continue
            }
            let hunks = LineDiff(Array(ours[r.ours]), Array(theirs[r.theirs])).hunks
            if hunks.isEmpty {
                out.append(Region(mode: .same, base: r.base, ours: r.ours, theirs: r.theirs))
                continue
            }
            for (n, h) in hunks.enumerated() {
                let o = r.ours.lowerBound + h.start1
                let t = r.theirs.lowerBound + h.start2
                out.append(
                    Region(
                        mode: .conflict,
                        base: n == 0 ? r.base : r.base.upperBound..<r.base.upperBound,
                        ours: o..<(o + h.count1),
                        theirs: t..<(t + h.count2)
                    )
                )
            }
        }
        return out
    }

    /// Joins conflicts separated by three lines or fewer, or (`alnum`) by lines without a letter
    /// or digit (`xdl_simplify_non_conflicts`).
    private static func simplify(_ regions: [Region], ours: [Substring], alnum: Bool) -> [Region] {
        var out: [Region] = []
        for r in regions {
            if let m = out.last, m.mode == .conflict, r.mode == .conflict {
                let gap = ours[m.ours.upperBound..<r.ours.lowerBound]
                let join = gap.count <= 3 || (alnum && !gap.contains { $0.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) } })
                if join {
                    let last = out.count - 1
                    out[last].base = m.base.lowerBound..<max(m.base.upperBound, r.base.upperBound)
                    out[last].ours = m.ours.lowerBound..<r.ours.upperBound
                    out[last].theirs = m.theirs.lowerBound..<r.theirs.upperBound
                    continue
                }
            }
            out.append(r)
        }
        return out
    }
}
