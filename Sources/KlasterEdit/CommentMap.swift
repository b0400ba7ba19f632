import KlasterYAML

/// A document's comments, each attached to the field or list element it belongs to, and the
/// blank lines that separate fields; put back around the canonical text by ``assemble``.
struct CommentMap {
    /// Lines before the first field, as written (the modeline among them).
    private(set) var header: [String] = []
    /// Comment lines (and `""` for a blank line) above each field.
    private(set) var above: [YAMLPath: [String]] = [:]
    /// Comments at the end of a field's line.
    private(set) var endOfLine: [YAMLPath: [String]] = [:]
    /// Comment lines after the last field.
    private(set) var trailer: [String] = []

    init(source: SourceLines, scan: NodeScan) {
        guard source.count > 0 else { return }
        var anchorsOn: [Int: [NodeScan.Anchor]] = [:]
        for anchor in scan.anchors { anchorsOn[anchor.line, default: []].append(anchor) }
        let firstLine = scan.anchors.first?.line ?? source.count + 1
        var pending: [String] = []
        var lastAnchor: NodeScan.Anchor?
        for n in 1...source.count {
            let comment = source.commentStart(n, outside: scan.scalarRanges)
            let lineStart = source.starts[n - 1]
            let onlyComment = comment.map { source.line(n)[lineStart..<$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } } ?? false
            let blank = source.isBlank(n) && !scan.scalarRanges.contains(lineStart)
            if n < firstLine {
                if blank || onlyComment || comment == nil { header.append(source.text(n).trimmingTrailingSpaces()) }
                continue
            }
            if onlyComment, let comment {
                pending.append(source.rest(n, from: comment))
                continue
            }
            if blank {
                pending.append("")
                continue
            }
            if let anchors = anchorsOn[n], let outer = anchors.first {
                if !pending.isEmpty { above[outer.path, default: []] += pending }
                pending = []
                lastAnchor = anchors.last
                if let comment {
                    let sameLine = anchors.filter { $0.endLine == n }
                    let owner = sameLine.first ?? anchors.last ?? outer
                    endOfLine[owner.path, default: []].append(source.rest(n, from: comment))
                }
            } else if let comment {
                if let lastAnchor {
                    endOfLine[lastAnchor.path, default: []].append(source.rest(n, from: comment))
                } else {
                    pending.append(source.rest(n, from: comment))
                }
            }
        }
        trailer = pending
        header = Self.collapsed(header)
    }

    /// The canonical text with the comments put back. `emitted` is the emitter's text (with
    /// block-text placeholders), `anchors` its fields' lines.
    /// Block sequences written at their key's column (`indentless`) are indented by two.
    func assemble(emitted: String, anchors: [NodeScan.Anchor], indentless: [ClosedRange<Int>], blocks: BlockTexts) -> String {
        var anchorsOn: [Int: [NodeScan.Anchor]] = [:]
        for anchor in anchors { anchorsOn[anchor.line, default: []].append(anchor) }
        var shift: [Int: Int] = [:]
        for range in indentless {
            for line in range { shift[line, default: 0] += 2 }
        }
        var out: [String] = header
        func add(_ line: String) {
            if line.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out.append(line)
            }
        }
        var lines = emitted.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (i, emittedLine) in lines.enumerated() {
            let line = String(repeating: " ", count: shift[i + 1] ?? 0) + emittedLine
            let here = anchorsOn[i + 1] ?? []
            let indent = String(line.prefix { $0 == " " })
            for anchor in here {
                for comment in above[anchor.path] ?? [] { add(comment.isEmpty ? "" : indent + comment) }
            }
            var expanded = blocks.expand(line) ?? [line]
            let comments = here.flatMap { endOfLine[$0.path] ?? [] }
            if !comments.isEmpty { expanded[0] += " " + comments.joined(separator: " ") }
            out += expanded
        }
        for comment in trailer { add(comment) }
        while out.last == "" { out.removeLast() }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// No leading blank lines, one blank line where there were several; a trailing blank line
    /// kept as one.
    private static func collapsed(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            if line.isEmpty && (out.isEmpty || out.last == "") { continue }
            out.append(line)
        }
        return out
    }
}
