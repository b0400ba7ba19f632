import KlasterModel

/// Text tables and CSV for `list`.
enum TableWriter {
    /// Columns padded to their widest cell, a header and a rule; cells cut at 60 characters.
    static func table(header: [String], rows: [[String]]) -> String {
        let cut = rows.map { $0.map { cell in
            let flat = cell.replacingNewlines()
            return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
        } }
        var widths = header.map(\.count)
        for row in cut {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                out += cell
                if i < cells.count - 1 { out += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            return out + "\n"
        }
        var out = line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in cut { out += line(row) }
        return out
    }

    /// RFC 4180: comma-separated, quoted where needed, CRLF-free (LF) lines, header first.
    static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = header.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
        return out
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
