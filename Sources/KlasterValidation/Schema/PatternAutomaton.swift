import Synchronization

/// A ``SimplePattern`` compiled into a deterministic automaton over ASCII, for texts that are all
/// ASCII (most field values): one table look-up per byte, no backtracking, no allocation.
///
/// Same semantics as the matcher it is built from (Python's `re.search`): `^` only at the start,
/// `$` at the end or before a final line feed. ``search(_:)`` returns `nil` for a text with a
/// byte outside ASCII; the caller then runs the backtracking matcher. ``init(_:)`` returns `nil`
/// for a pattern whose automaton would be large (long counted repeats, nested alternatives).
final class PatternAutomaton: Sendable {
    /// Per state, 128 next states, one per ASCII byte, where neither anchor applies.
    private let table: [Int32]
    /// Per state: a match has ended here (no anchor needed).
    private let accepts: [Bool]
    /// Per state: a match ends here when this is the end of the text (`$` holds).
    private let acceptsAtEnd: [Bool]
    /// Per state: the next state on a final line feed, before which `$` holds.
    private let finalLineFeed: [Int32]
    /// At the start of the text: next states on the first byte, and whether a match ends before it.
    private let startTable: [Int32]
    private let acceptsAtStart: Bool
    /// The empty text, and the text of one line feed.
    private let acceptsEmpty: Bool
    private let lineFeedOnly: Int32

    static let maxNodes = 2_000
    static let maxStates = 400

    init?(_ program: SimplePattern) {
        guard let nfa = NFA(program) else { return nil }
        var builder = Builder(nfa: nfa)
        guard let built = builder.build() else { return nil }
        (table, accepts, acceptsAtEnd, finalLineFeed) = built.perState
        startTable = built.startTable
        acceptsAtStart = built.acceptsAtStart
        acceptsEmpty = built.acceptsEmpty
        lineFeedOnly = built.lineFeedOnly
    }

    /// Automata built so far in this process, by pattern source: schemas repeat their patterns.
    private static let built = Mutex<[String: PatternAutomaton?]>([:])

    /// The automaton of `program`, whose source is `source`, built once per process.
    static func cached(_ source: String, _ program: SimplePattern) -> PatternAutomaton? {
        if let known = built.withLock({ $0[source] }) { return known }
        let automaton = PatternAutomaton(program)
        built.withLock { $0[source] = automaton }
        return automaton
    }

    /// Whether the pattern matches somewhere in `text`; `nil` when `text` is not all ASCII.
    func search(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { search(bytes: $0) }
    }

    func search(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = bytes.count
        if n == 0 { return acceptsEmpty }
        guard bytes[0] < 0x80 else { return nil }
        var state: Int
        if n == 1 && bytes[0] == 0x0A {
            if acceptsEmpty { return true }
            state = Int(lineFeedOnly)
        } else {
            if acceptsAtStart { return true }
            state = Int(startTable[Int(bytes[0])])
        }
        // Every byte but the last: no test for a final line feed, no bounds checks on the tables.
        let last = n - 1
        let early: Bool? = table.withUnsafeBufferPointer { table in
            accepts.withUnsafeBufferPointer { accepts in
                var p = 1
                while p < last {
                    let byte = bytes[p]
                    guard byte < 0x80 else { return nil }
                    if accepts[state] { return true }
                    state = Int(table[state &<< 7 | Int(byte)])
                    p += 1
                }
                return false
            }
        }
        if early != false { return early }
        if last >= 1 {
            let byte = bytes[last]
            guard byte < 0x80 else { return nil }
            if byte == 0x0A {
                if acceptsAtEnd[state] { return true }
                state = Int(finalLineFeed[state])
            } else {
                if accepts[state] { return true }
                state = Int(table[state &<< 7 | Int(byte)])
            }
        }
        return acceptsAtEnd[state]
    }
}

extension PatternAutomaton {
    /// A Thompson automaton with anchors as conditional empty moves.
    struct NFA {
        enum Node {
            case empty([Int])
            case byte(low: UInt64, high: UInt64, next: Int)
            case start(next: Int)
            case end(next: Int)
            case match
        }

        var nodes: [Node] = [.match]
        let program: SimplePattern
        var entry = 0

        init?(_ program: SimplePattern) {
            self.program = program
            guard let entry = group(program.root, next: 0) else { return nil }
            self.entry = entry
        }

        private mutating func add(_ node: Node) -> Int? {
            guard nodes.count < PatternAutomaton.maxNodes else { return nil }
            nodes.append(node)
            return nodes.count - 1
        }

        private mutating func group(_ g: Int, next: Int) -> Int? {
            var entries: [Int] = []
            for m in program.groups[g] {
                guard let e = sequence(program.sequences[program.members[m]], next: next) else { return nil }
                entries.append(e)
            }
            return add(.empty(entries))
        }

        private mutating func sequence(_ range: Range<Int>, next: Int) -> Int? {
            var entry = next
            for i in range.reversed() {
                guard let e = step(program.steps[i], next: entry) else { return nil }
                entry = e
            }
            return entry
        }

        private mutating func step(_ step: SimplePattern.Step, next: Int) -> Int? {
            var entry = next
            if step.max == Int.max {
                guard let loop = add(.empty([])), let body = atom(step.op, next: loop) else { return nil }
                nodes[loop] = .empty([body, next])
                entry = loop
            } else {
                for _ in 0..<(step.max - step.min) {
                    guard let body = atom(step.op, next: entry), let optional = add(.empty([body, next])) else { return nil }
                    entry = optional
                }
            }
            for _ in 0..<step.min {
                guard let body = atom(step.op, next: entry) else { return nil }
                entry = body
            }
            return entry
        }

        private mutating func atom(_ op: SimplePattern.Op, next: Int) -> Int? {
            switch op {
            case .scalar(let c):
                if c < 64 { return add(.byte(low: 1 << UInt64(c), high: 0, next: next)) }
                if c < 128 { return add(.byte(low: 0, high: 1 << UInt64(c - 64), next: next)) }
                return add(.byte(low: 0, high: 0, next: next))
            case .any: return add(.byte(low: ~(1 << 10), high: ~0, next: next))
            case .set(let s): return add(.byte(low: program.asciiLow[s], high: program.asciiHigh[s], next: next))
            case .group(let g): return group(g, next: next)
            case .start: return add(.start(next: next))
            case .end: return add(.end(next: next))
            }
        }
    }

    /// The subset construction. A state is the set of NFA nodes that consume a byte, test an
    /// anchor or match, reached by empty moves, as bits; every state also holds the pattern's
    /// entry (a search may start a match at any position).
    struct Builder {
        let nfa: NFA
        let words: Int
        /// Per node, the kept nodes its empty moves reach (itself included when kept).
        var closures: [[UInt64]] = []
        var ids: [[UInt64]: Int] = [:]
        var sets: [[UInt64]] = []

        init(nfa: NFA) {
            self.nfa = nfa
            words = (nfa.nodes.count + 63) / 64
            closures = nfa.nodes.indices.map { closure(of: $0) }
        }

        private func closure(of start: Int) -> [UInt64] {
            var bits = [UInt64](repeating: 0, count: words)
            var seen = Set<Int>()
            var work = [start]
            while let n = work.popLast() {
                guard seen.insert(n).inserted else { continue }
                if case .empty(let targets) = nfa.nodes[n] {
                    work += targets
                } else {
                    bits[n >> 6] |= 1 << UInt64(n & 63)
                }
            }
            return bits
        }

        private func members(_ bits: [UInt64]) -> [Int] {
            var found: [Int] = []
            for (w, word) in bits.enumerated() {
                var rest = word
                while rest != 0 {
                    found.append(w << 6 | rest.trailingZeroBitCount)
                    rest &= rest - 1
                }
            }
            return found
        }

        private func union(_ a: inout [UInt64], _ b: [UInt64]) {
            for w in 0..<words { a[w] |= b[w] }
        }

        /// Follows the anchors that hold here, as often as new ones appear.
        func resolve(_ state: [UInt64], atStart: Bool, atEnd: Bool) -> [UInt64] {
            var bits = state
            var changed = true
            while changed {
                changed = false
                for n in members(bits) {
                    var target: Int?
                    if case .start(let next) = nfa.nodes[n], atStart { target = next }
                    if case .end(let next) = nfa.nodes[n], atEnd { target = next }
                    guard let target else { continue }
                    let before = bits
                    union(&bits, closures[target])
                    if bits != before { changed = true }
                }
            }
            return bits
        }

        func isAccepting(_ bits: [UInt64]) -> Bool { bits[0] & 1 != 0 }

        func move(_ bits: [UInt64], _ byte: UInt8) -> [UInt64] {
            var next = closures[nfa.entry]
            for n in members(bits) {
                guard case .byte(let low, let high, let target) = nfa.nodes[n] else { continue }
                let hit = byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
                if hit { union(&next, closures[target]) }
            }
            return next
        }

        mutating func id(_ state: [UInt64]) -> Int {
            if let id = ids[state] { return id }
            sets.append(state)
            ids[state] = sets.count - 1
            return sets.count - 1
        }

        struct Built {
            var perState: ([Int32], [Bool], [Bool], [Int32])
            var startTable: [Int32]
            var acceptsAtStart: Bool
            var acceptsEmpty: Bool
            var lineFeedOnly: Int32
        }

        /// Bytes that every node treats alike share their moves: a representative for each byte.
        private func representatives() -> [UInt8] {
            var classes: [[UInt64]: UInt8] = [:]
            var representative = [UInt8](repeating: 0, count: 128)
            for byte in UInt8(0)..<128 {
                var signature = [UInt64](repeating: 0, count: words)
                for (n, node) in nfa.nodes.enumerated() {
                    guard case .byte(let low, let high, _) = node else { continue }
                    if byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0 {
                        signature[n >> 6] |= 1 << UInt64(n & 63)
                    }
                }
                if let first = classes[signature] {
                    representative[Int(byte)] = first
                } else {
                    classes[signature] = byte
                    representative[Int(byte)] = byte
                }
            }
            return representative
        }

        mutating func build() -> Built? {
            let representative = representatives()
            let initial = closures[nfa.entry]
            let atStart = resolve(initial, atStart: true, atEnd: false)
            let atStartAndEnd = resolve(initial, atStart: true, atEnd: true)
            var startTable = [Int32](repeating: 0, count: 128)
            for byte in 0..<128 {
                let r = Int(representative[byte])
                startTable[byte] = r == byte ? Int32(id(move(atStart, UInt8(byte)))) : startTable[r]
            }
            let lineFeedOnly = Int32(id(move(atStartAndEnd, 0x0A)))
            var table: [Int32] = []
            var accepts: [Bool] = []
            var acceptsAtEnd: [Bool] = []
            var finalLineFeed: [Int32] = []
            var done = 0
            while done < sets.count {
                guard sets.count <= PatternAutomaton.maxStates else { return nil }
                let state = sets[done]
                var moves = [Int32](repeating: 0, count: 128)
                for byte in 0..<128 {
                    let r = Int(representative[byte])
                    moves[byte] = r == byte ? Int32(id(move(state, UInt8(byte)))) : moves[r]
                }
                table += moves
                accepts.append(isAccepting(state))
                let atEnd = resolve(state, atStart: false, atEnd: true)
                acceptsAtEnd.append(isAccepting(atEnd))
                finalLineFeed.append(Int32(id(move(atEnd, 0x0A))))
                done += 1
            }
            return Built(
                perState: (table, accepts, acceptsAtEnd, finalLineFeed),
                startTable: startTable,
                acceptsAtStart: isAccepting(atStart),
                acceptsEmpty: isAccepting(atStartAndEnd),
                lineFeedOnly: lineFeedOnly
            )
        }
    }
}
