/// A small backtracking matcher for the regular expressions schemas actually use, about twenty
/// times faster than `Regex` on them: `^ $ .`, literals and escaped punctuation, classes
/// (`[a-z0-9]`, `[^@\s]`), `\d \s \w` and their negations, groups with `|`, and the greedy
/// quantifiers `* + ? {n} {m,} {m,n}`. Semantics are Python's `re.search` on Unicode scalars
/// (`$` also before a final line feed; `.` not a line feed; `\d` a Unicode decimal digit; `\s`
/// what `str.isspace` accepts; `\w` what `str.isalnum` accepts, and `_`).
///
/// ``init(_:)`` returns `nil` for anything else (lookaround, backreferences, lazy quantifiers,
/// `\b`, flags, ...); ``SchemaPattern`` then uses `Regex`. A search that takes more than
/// ``stepLimit`` steps (a pattern like `^(a+)+$` on a long near-miss, which makes Python and
/// `Regex` backtrack for minutes) is abandoned and counts as no match.
struct SimplePattern: Sendable {
    /// One matching step; plain values, so that running the program copies nothing counted.
    enum Op: Sendable {
        case scalar(UInt32)
        case any
        case set(Int)
        case group(Int)
        case start
        case end
    }

    struct Step: Sendable {
        var op: Op
        var min: Int
        var max: Int
    }

    struct CharacterSet: Sendable {
        var negated = false
        /// Bits for U+0000 to U+007F.
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0
        var ranges: [ClosedRange<UInt32>] = []
        var digit = false
        var space = false
        var word = false

        mutating func insert(_ range: ClosedRange<UInt32>) {
            ranges.append(range)
            guard range.lowerBound < 0x80 else { return }
            for v in range.lowerBound...min(range.upperBound, 0x7F) {
                if v < 64 { asciiLow |= 1 << UInt64(v) } else { asciiHigh |= 1 << UInt64(v - 64) }
            }
        }

        func contains(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            var found: Bool
            if v < 64 {
                found = asciiLow & (1 << UInt64(v)) != 0
            } else if v < 128 {
                found = asciiHigh & (1 << UInt64(v - 64)) != 0
            } else {
                found = ranges.contains { $0.contains(v) }
            }
            if !found && digit { found = SimplePattern.isDigit(s) }
            if !found && space { found = SimplePattern.isSpace(s) }
            if !found && word { found = SimplePattern.isWord(s) }
            return found != negated
        }
    }

    /// Every sequence's steps, one after another; ``sequences`` says which are whose.
    var steps: [Step] = []
    var sequences: [Range<Int>] = []
    /// Each group's alternatives: a range of ``members``, which holds sequence indices.
    var groups: [Range<Int>] = []
    var members: [Int] = []
    var sets: [CharacterSet] = []
    /// Per set, membership of U+0000 to U+007F with everything (classes, negation) applied.
    var asciiLow: [UInt64] = []
    var asciiHigh: [UInt64] = []
    var root = 0
    var anchoredAtStart = false
    static let stepLimit = 100_000

    init?(_ source: String) {
        var parser = SimplePatternParser(scalars: Array(source.unicodeScalars))
        guard let root = parser.alternation(into: &self), parser.position == parser.scalars.count else { return nil }
        self.root = root
        for set in sets {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for v in UInt32(0)..<128 where set.contains(Unicode.Scalar(v)!) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
            asciiLow.append(low)
            asciiHigh.append(high)
        }
        anchoredAtStart = members[groups[root]].allSatisfy { sequence in
            guard let first = sequences[sequence].first else { return false }
            if case .start = steps[first].op { return true }
            return false
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType == .decimal
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        (0x1C...0x1F).contains(s.value) || s.properties.isWhitespace
    }

    /// Python's `\w`: `str.isalnum()` (a letter, or any numeric character) or `_`.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (0x30...0x39).contains(s.value) || (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
                || s.value == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    /// Whether the pattern matches somewhere in `text`; `nil` when the step budget ran out.
    func search(_ text: String) -> Bool? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        let matcher = Matcher(program: self, scalars: scalars)
        var steps = 0
        let lastStart = anchoredAtStart ? 0 : scalars.count
        for start in 0...lastStart {
            let found = matcher.alternation(root, start, &steps) { _, _ in true }
            if steps > Self.stepLimit { return nil }
            if found { return true }
        }
        return false
    }
}

/// A class, so that the closures that carry a match on capture one reference, not a copy.
private final class Matcher {
    let program: SimplePattern
    let scalars: [Unicode.Scalar]

    init(program: SimplePattern, scalars: [Unicode.Scalar]) {
        self.program = program
        self.scalars = scalars
    }

    func alternation(_ group: Int, _ position: Int, _ steps: inout Int, _ next: (Int, inout Int) -> Bool) -> Bool {
        for m in program.groups[group] {
            let sequence = program.sequences[program.members[m]]
            if sequenceMatch(sequence.lowerBound, sequence.upperBound, position, &steps, next) { return true }
            if steps > SimplePattern.stepLimit { return false }
        }
        return false
    }

    func sequenceMatch(_ i: Int, _ end: Int, _ position: Int, _ steps: inout Int, _ next: (Int, inout Int) -> Bool) -> Bool {
        steps += 1
        guard i < end else { return next(position, &steps) }
        let step = program.steps[i]
        switch step.op {
        case .start:
            return position == 0 && sequenceMatch(i + 1, end, position, &steps, next)
        case .end:
            let atEnd = position == scalars.count || (position == scalars.count - 1 && scalars[position] == "\n")
            return atEnd && sequenceMatch(i + 1, end, position, &steps, next)
        case .group(let group):
            return repeatGroup(group, step, 0, position, i + 1, end, &steps, next)
        default:
            var count = 0
            while count < step.max, position + count < scalars.count, single(step.op, scalars[position + count]) {
                count += 1
            }
            guard count >= step.min else { return false }
            while count >= step.min {
                if sequenceMatch(i + 1, end, position + count, &steps, next) { return true }
                if steps > SimplePattern.stepLimit { return false }
                count -= 1
            }
            return false
        }
    }

    private func repeatGroup(
        _ group: Int,
        _ step: SimplePattern.Step,
        _ done: Int,
        _ position: Int,
        _ rest: Int,
        _ end: Int,
        _ steps: inout Int,
        _ next: (Int, inout Int) -> Bool
    ) -> Bool {
        if done < step.max {
            let again = alternation(group, position, &steps) { after, steps in
                // An empty iteration can repeat forever; it adds nothing beyond the minimum.
                guard after != position || done < step.min else { return false }
                return repeatGroup(group, step, done + 1, after, rest, end, &steps, next)
            }
            if again { return true }
        }
        return done >= step.min && sequenceMatch(rest, end, position, &steps, next)
    }

    @inline(__always)
    private func single(_ op: SimplePattern.Op, _ s: Unicode.Scalar) -> Bool {
        switch op {
        case .scalar(let c): s.value == c
        case .any: s != "\n"
        case .set(let index):
            if s.value < 64 {
                program.asciiLow[index] & (1 << UInt64(s.value)) != 0
            } else if s.value < 128 {
                program.asciiHigh[index] & (1 << UInt64(s.value - 64)) != 0
            } else {
                program.sets[index].contains(s)
            }
        default: false
        }
    }
}
