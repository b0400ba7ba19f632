/// A line-by-line diff between two texts, in the shape git's xdiff gives it: a minimal edit
/// script (Myers), whose groups of changed lines are then slid as xdiff slides them, so that
/// three-way merges built on it agree with `git merge-file`.
///
/// Lines keep their line break, so a last line without one differs from the same text with one.
struct LineDiff {
    /// One run of changes: `count1` lines of the first text from `start1` replaced by `count2`
    /// lines of the second from `start2`.
    struct Hunk: Hashable {
        var start1: Int
        var count1: Int
        var start2: Int
        var count2: Int
    }

    /// `changed1[i]`: line `i` of the first text is not in the common subsequence.
    private(set) var changed1: [Bool]
    private(set) var changed2: [Bool]

    init<Line: Hashable>(_ a: [Line], _ b: [Line]) {
        changed1 = Array(repeating: false, count: a.count)
        changed2 = Array(repeating: false, count: b.count)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        Self.myers(a, prefix..<(a.count - suffix), b, prefix..<(b.count - suffix), &changed1, &changed2)
        Self.compact(a, &changed1, changed2)
        Self.compact(b, &changed2, changed1)
    }

    /// The runs of changes, in order.
    var hunks: [Hunk] {
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        while i < changed1.count || j < changed2.count {
            if (i < changed1.count && changed1[i]) || (j < changed2.count && changed2[j]) {
                let start1 = i
                let start2 = j
                while i < changed1.count && changed1[i] { i += 1 }
                while j < changed2.count && changed2[j] { j += 1 }
                hunks.append(Hunk(start1: start1, count1: i - start1, start2: start2, count2: j - start2))
            } else {
                i += 1
                j += 1
            }
        }
        return hunks
    }

    /// Marks the lines outside a shortest edit script between `a[ra]` and `b[rb]` as unchanged;
    /// everything else in the ranges as changed.
    private static func myers<Line: Hashable>(
        _ a: [Line], _ ra: Range<Int>, _ b: [Line], _ rb: Range<Int>,
        _ changed1: inout [Bool], _ changed2: inout [Bool]
    ) {
        let n = ra.count
        let m = rb.count
        if n == 0 || m == 0 {
            for i in ra { changed1[i] = true }
            for j in rb { changed2[j] = true }
            return
        }
        let maxD = n + m
        let offset = maxD
        var v = Array(repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[ra.lowerBound + x] == b[rb.lowerBound + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break
                }
                k += 2
            }
            if found { break }
        }
        // Walk back through the trace, marking inserted and deleted lines.
        for i in ra { changed1[i] = true }
        for j in rb { changed2[j] = true }
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if d == 0 {
                previousK = 0
            } else if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                changed1[ra.lowerBound + x] = false
                changed2[rb.lowerBound + y] = false
            }
            if d > 0 {
                x = previousX
                y = previousY
            }
        }
    }

    /// Slides each group of changed lines as xdiff's `xdl_change_compact` does without the
    /// indent heuristic: as far down as it goes, unless it can line up with a group of changes
    /// in the other text, in which case the lowest such position.
    private static func compact<Line: Hashable>(_ lines: [Line], _ changed: inout [Bool], _ other: [Bool]) {
        let count = lines.count
        var start = 0
        // `otherStart`..<`otherEnd` is the group of the other text that faces this one.
        var otherStart = 0
        var otherEnd = 0
        func groupEnd(_ flags: [Bool], from start: Int) -> Int {
            var end = start
            while end < flags.count && flags[end] { end += 1 }
            return end
        }
        var end = groupEnd(changed, from: 0)
        otherEnd = groupEnd(other, from: 0)
        while true {
            if end != start {
                var groupSize: Int
                var endMatchingOther: Int
                var earliestEnd: Int
                repeat {
                    groupSize = end - start
                    endMatchingOther = -1
                    // Up as far as it goes.
                    while start > 0 && lines[start - 1] == lines[end - 1] {
                        start -= 1
                        end -= 1
                        changed[start] = true
                        changed[end] = false
                        while start > 0 && changed[start - 1] { start -= 1 }
                        // The facing group of the other text moves back one.
                        otherEnd = otherStart - 1
                        otherStart = otherEnd
                        while otherStart > 0 && other[otherStart - 1] { otherStart -= 1 }
                    }
                    earliestEnd = end
                    if otherEnd > otherStart { endMatchingOther = end }
                    // Then down as far as it goes.
                    while end < count && lines[start] == lines[end] {
                        changed[start] = false
                        changed[end] = true
                        start += 1
                        end += 1
                        end = groupEnd(changed, from: end)
                        otherStart = otherEnd + 1
                        otherEnd = groupEnd(other, from: otherStart)
                        if otherEnd > otherStart { endMatchingOther = end }
                    }
                } while groupSize != end - start
                if end != earliestEnd && endMatchingOther != -1 {
                    while otherEnd == otherStart {
                        start -= 1
                        end -= 1
                        changed[start] = true
                        changed[end] = false
                        otherEnd = otherStart - 1
                        otherStart = otherEnd
                        while otherStart > 0 && other[otherStart - 1] { otherStart -= 1 }
                    }
                }
            }
            // Next group.
            if end >= count { break }
            start = end + 1
            end = groupEnd(changed, from: start)
            otherStart = otherEnd + 1
            otherEnd = groupEnd(other, from: otherStart)
        }
    }
}
