/// The CSV exporter's second step for one kind: formats the rows read back from the
/// ``CSVRowSpill`` into each table's lines, every cell in its column.
struct CSVLineWriter: Sendable {
    let format: CSVFormat
    /// How many columns each table's lines have (by the kind's table number); -1 for a table
    /// that is not written.
    private let widths: [Int]
    /// Where each column goes in a line of each table (`slots[table * columnCount + column]`),
    /// or -1 where it has none.
    private let slots: [Int32]
    private let columnCount: Int
    /// For each list path (by number), whether its empty lists are cells (it is no keyed list).
    private let keep: [Bool]

    /// `columns[t]`: the columns of table `t` (by the kind's table number) in the order its
    /// lines have them, by the kind's column numbers (-1: a column no row of it holds), or
    /// `nil` for a table that is not written.
    init(format: CSVFormat, columns: [[Int]?], columnCount: Int, keep: [Bool]) {
        self.format = format
        self.columnCount = columnCount
        self.keep = keep
        widths = columns.map { $0?.count ?? -1 }
        var slots = [Int32](repeating: -1, count: columns.count * columnCount)
        for (table, order) in columns.enumerated() {
            for (slot, column) in (order ?? []).enumerated() where column >= 0 {
                slots[table * columnCount + column] = Int32(slot)
            }
        }
        self.slots = slots
    }

    /// The lines of the records `records` (their indices in `starts` and `batches`): each
    /// record's rows start at `starts[i]` in `bytes`, numbered as `numberings[batches[i]]` says.
    /// By table.
    func lines(
        _ bytes: UnsafeBufferPointer<UInt8>,
        records: Range<Int>,
        starts: [Int],
        batches: ArraySlice<Int32>,
        numberings: [CSVRowSpill.Numbering]
    ) -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: widths.count)
        let widest = widths.max() ?? 0
        // Each column's text: where it is in `bytes` (empty if none).
        var cells = [Range<Int>](repeating: 0..<0, count: max(widest, 0))
        cells.withUnsafeMutableBufferPointer { cells in
            for record in records {
                let numbering = numberings[Int(batches[batches.startIndex + record])]
                var at = starts[record]
                func u32() -> Int {
                    let value = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
                    at += 4
                    return value
                }
                for _ in 0..<u32() {
                    let table = Int(numbering.tables[u32()])
                    let count = u32()
                    let width = widths[table]
                    guard width >= 0 else {
                        for _ in 0..<count {
                            at += 8
                            at += u32()
                        }
                        continue
                    }
                    for i in 0..<width { cells[i] = 0..<0 }
                    let base = table * columnCount
                    for _ in 0..<count {
                        let column = Int(numbering.columns[u32()])
                        let path = u32()
                        let length = u32()
                        if path == 0 || keep[Int(numbering.paths[path - 1])] {
                            let slot = Int(slots[base + column])
                            if slot >= 0 { cells[slot] = at..<at + length }
                        }
                        at += length
                    }
                    if out[table].isEmpty { out[table].reserveCapacity(1 << 14) }
                    format.appendLine(UnsafeBufferPointer(rebasing: cells[..<width]), of: bytes, to: &out[table])
                }
            }
        }
        return out
    }
}
