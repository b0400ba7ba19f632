import KlasterExport

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

    /// RFC 4180 (`CSVFormat.standard`, as `klaster export csv` writes it), header first.
    static func csv(header: [String], rows: [[String]]) -> String {
        var out = ""
        CSVFormat.standard.appendLine(header, to: &out)
        for row in rows { CSVFormat.standard.appendLine(row, to: &out) }
        return out
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
