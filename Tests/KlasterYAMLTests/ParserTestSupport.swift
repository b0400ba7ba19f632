import KlasterYAML
import Testing

/// Parses `text` expecting an error, and returns it (recording an issue when there is none).
func rejection(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    rejection(Array(text.utf8), limits: limits)
}

/// Parses `bytes` expecting an error, and returns it (recording an issue when there is none).
func rejection(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLParser(limits: limits).parse(bytes, file: "records/x.yaml")
        Issue.record("expected an error, the parser accepted the input")
        return nil
    } catch {
        #expect(error.file == "records/x.yaml")
        return error
    }
}

/// The source text a span covers.
func slice(_ text: String, _ span: Span) -> String {
    let bytes = Array(text.utf8)
    return String(decoding: bytes[span.start.offset..<span.end.offset], as: UTF8.self)
}

/// A small deterministic random number generator (SplitMix64), so that generated inputs are the
/// same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The mark a byte offset should have: lines counted by LF, columns by Unicode scalars, a leading
/// byte-order mark not counted.
func expectedMark(_ bytes: [UInt8], offset: Int) -> Mark {
    let prefix = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var column = 1
    for byte in bytes[prefix..<offset] {
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }
    return Mark(offset: offset, line: line, column: column)
}

/// Every mark in the tree agrees with its byte offset, and every span is in order and within
/// the text; returns the number of spans that do not.
func inconsistentSpans(in node: YAMLNode, of bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    func visit(_ node: YAMLNode) {
        let span = node.span
        if span.start.offset > span.end.offset || span.end.offset > bytes.count {
            problems.append("span \(span) (\(span.start.offset)-\(span.end.offset)) out of order or range")
            return
        }
        for mark in [span.start, span.end] where mark != expectedMark(bytes, offset: mark.offset) {
            problems.append("mark \(mark) at offset \(mark.offset), expected \(expectedMark(bytes, offset: mark.offset))")
        }
        switch node {
        case .scalar: break
        case .sequence(let s): s.items.forEach(visit)
        case .mapping(let m):
            for entry in m.entries {
                visit(entry.key)
                visit(entry.value)
            }
        }
    }
    visit(node)
    return problems
}
