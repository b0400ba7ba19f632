/// Reads a pattern into a ``SimplePattern`` program; `nil` at the first construct outside the
/// subset the matcher runs.
struct SimplePatternParser {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Parses alternatives up to `)` or the end; returns the new group's index.
    mutating func alternation(into program: inout SimplePattern) -> Int? {
        var alternatives: [Int] = []
        while true {
            guard let sequence = sequence(into: &program) else { return nil }
            alternatives.append(sequence)
            guard peek == "|" else { break }
            position += 1
        }
        let start = program.members.count
        program.members += alternatives
        program.groups.append(start..<program.members.count)
        return program.groups.count - 1
    }

    /// Parses one alternative; returns the new sequence's index.
    mutating func sequence(into program: inout SimplePattern) -> Int? {
        var steps: [SimplePattern.Step] = []
        while let c = peek, c != "|", c != ")" {
            guard let op = atom(into: &program) else { return nil }
            guard let (min, max) = quantifier() else { return nil }
            if case .start = op, (min, max) != (1, 1) { return nil }
            if case .end = op, (min, max) != (1, 1) { return nil }
            steps.append(SimplePattern.Step(op: op, min: min, max: max))
        }
        let start = program.steps.count
        program.steps += steps
        program.sequences.append(start..<program.steps.count)
        return program.sequences.count - 1
    }

    mutating func atom(into program: inout SimplePattern) -> SimplePattern.Op? {
        guard let c = peek else { return nil }
        position += 1
        switch c {
        case "^": return .start
        case "$": return .end
        case ".": return .any
        case "(":
            if peek == "?" {
                // Only the non-capturing group `(?:...)`; other `(?` forms are not handled here.
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                position += 2
            }
            guard let inner = alternation(into: &program), peek == ")" else { return nil }
            position += 1
            return .group(inner)
        case "[":
            guard let set = characterClass() else { return nil }
            program.sets.append(set)
            return .set(program.sets.count - 1)
        case "\\":
            guard let escaped = escape() else { return nil }
            switch escaped {
            case .scalar(let s): return .scalar(s.value)
            case .set(let set):
                program.sets.append(set)
                return .set(program.sets.count - 1)
            }
        case "*", "+", "?", "{", "}", "]", ")": return nil
        default: return .scalar(c.value)
        }
    }

    enum Escaped { case scalar(Unicode.Scalar), set(SimplePattern.CharacterSet) }

    /// After a backslash: `\d \D \s \S`, `\n \t \r`, or escaped punctuation.
    mutating func escape() -> Escaped? {
        guard let c = peek else { return nil }
        position += 1
        switch c {
        case "d": return .set(SimplePattern.CharacterSet(digit: true))
        case "D": return .set(SimplePattern.CharacterSet(negated: true, digit: true))
        case "s": return .set(SimplePattern.CharacterSet(space: true))
        case "S": return .set(SimplePattern.CharacterSet(negated: true, space: true))
        case "w": return .set(SimplePattern.CharacterSet(word: true))
        case "W": return .set(SimplePattern.CharacterSet(negated: true, word: true))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        default:
            // Letters and digits after a backslash have meanings this matcher does not know.
            if c.properties.isAlphabetic || SimplePattern.isDigit(c) || c.value >= 0x80 { return nil }
            return .scalar(c)
        }
    }

    mutating func characterClass() -> SimplePattern.CharacterSet? {
        var set = SimplePattern.CharacterSet()
        if peek == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while let c = peek, c != "]" || first {
            first = false
            position += 1
            var low: Unicode.Scalar
            if c == "\\" {
                guard let escaped = escape() else { return nil }
                switch escaped {
                case .set(let inner):
                    guard !inner.negated else { return nil }
                    set.digit = set.digit || inner.digit
                    set.space = set.space || inner.space
                    set.word = set.word || inner.word
                    continue
                case .scalar(let s): low = s
                }
            } else if c == "[" {
                return nil
            } else {
                low = c
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard var high = peek else { return nil }
                position += 1
                if high == "\\" {
                    guard case .scalar(let s)? = escape() else { return nil }
                    high = s
                }
                guard low.value <= high.value else { return nil }
                set.insert(low.value...high.value)
            } else {
                set.insert(low.value...low.value)
            }
        }
        guard peek == "]" else { return nil }
        position += 1
        return set
    }

    /// `*`, `+`, `?`, `{n}`, `{m,}`, `{m,n}`; (1, 1) when there is none. `nil` for lazy or
    /// possessive forms and malformed braces.
    mutating func quantifier() -> (Int, Int)? {
        let bounds: (Int, Int)
        switch peek {
        case "*":
            bounds = (0, Int.max)
            position += 1
        case "+":
            bounds = (1, Int.max)
            position += 1
        case "?":
            bounds = (0, 1)
            position += 1
        case "{":
            guard let braces = braces() else { return nil }
            bounds = braces
        default:
            return (1, 1)
        }
        if peek == "?" || peek == "+" { return nil }
        return bounds
    }

    /// Reads `{n}`, `{m,}` or `{m,n}` and the closing brace.
    private mutating func braces() -> (Int, Int)? {
        position += 1
        func number() -> Int? {
            var value = 0
            var any = false
            while let c = peek, SimplePattern.isDigit(c), c.value < 0x80 {
                value = value * 10 + Int(c.value - 0x30)
                guard value < 100_000 else { return nil }
                any = true
                position += 1
            }
            return any ? value : nil
        }
        guard let min = number() else { return nil }
        var max = min
        if peek == "," {
            position += 1
            max = peek == "}" ? Int.max : (number() ?? -1)
        }
        guard peek == "}", max >= min else { return nil }
        position += 1
        return (min, max)
    }
}
