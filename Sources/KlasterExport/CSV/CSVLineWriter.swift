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
        // Each table's lines, in a buffer of its own that grows as lines come.
        var out = [Lines](repeating: Lines(), count: widths.count)
        defer { for lines in out { lines.base?.deallocate() } }
        let lineEnd = Array(format.lineEnd.utf8)
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
                    // Room for the line, then the cells written in place.
                    var room = lineEnd.count
                    for i in 0..<width { room += 1 + CSVFormat.room(forCell: cells[i].count) }
                    let line = out[table].reserve(room)
                    var n = 0
                    for i in 0..<width {
                        if i > 0 {
                            line[n] = format.separator
                            n += 1
                        }
                        let cell = cells[i]
                        if !cell.isEmpty { n += format.write(cell: UnsafeBufferPointer(rebasing: bytes[cell]), to: line + n) }
                    }
                    for byte in lineEnd {
                        line[n] = byte
                        n += 1
                    }
                    out[table].count += n
                }
            }
        }
        return out.map { lines in lines.base.map { Array(UnsafeBufferPointer(start: $0, count: lines.count)) } ?? [] }
    }

    /// A table's lines as they are written: bytes in memory of our own, grown by doubling.
    private struct Lines {
        var base: UnsafeMutablePointer<UInt8>?
        var count = 0
        var capacity = 0

        /// Where the next `room` bytes go, once there is room for them.
        mutating func reserve(_ room: Int) -> UnsafeMutablePointer<UInt8> {
            if count + room > capacity {
                let grown = max(count + room, 2 * capacity, 1 << 14)
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
                if let base {
                    bigger.initialize(from: base, count: count)
                    base.deallocate()
                }
                (base, capacity) = (bigger, grown)
            }
            return base! + count
        }
    }
}
