import KlasterValidation

/// The rows of a few records of one kind, made on one core (``CSVRows/addRows(of:id:to:)``),
/// kept as ``CSVRowSpill`` keeps them, with their tables, columns and list paths numbered within
/// the batch: ``CSVRowSpill/append(_:)`` numbers them again for the whole kind a name at a time,
/// not a cell at a time.
struct CSVBatch: Sendable {
    /// Each record's rows: how many rows; for each row, its table and how many cells it has; for
    /// each cell, its column, the path of the empty list it stands for plus one (or 0), the
    /// length of its text, and its text. Numbers are `UInt32`, little-endian.
    private(set) var bytes: [UInt8] = []
    /// Where each record's rows end in ``bytes``.
    private(set) var ends: [Int] = []
    private(set) var tables = ByteInterner()
    private(set) var columns = ByteInterner()
    private(set) var paths = ByteInterner()
    /// Per table, whether each column has a cell in some row of it, empty-list cells left out.
    private(set) var tableColumns: [[Bool]] = []
    /// Each empty-list cell's table, column and path.
    private(set) var emptyLists: Set<EmptyList> = []

    struct EmptyList: Hashable, Sendable {
        let table: UInt32
        let column: UInt32
        let path: UInt32
    }

    /// A row being made: its table, and its cells as ``CSVBatch/bytes`` holds them.
    struct Row {
        let table: UInt32
        fileprivate var cells: [UInt8] = []
        fileprivate var count: UInt32 = 0
    }

    /// A new row of the table named `name` (the keyed list's path, empty for the kind's own).
    mutating func row(table name: [UInt8]) -> Row {
        let table = name.withUnsafeBufferPointer { tables.number(of: $0) }
        if Int(table) == tableColumns.count { tableColumns.append([]) }
        var row = Row(table: table)
        row.cells.reserveCapacity(512)
        return row
    }

    /// Adds to `row` a cell in the column named `name`, whose text `text` appends; a cell for
    /// an empty list names the list's path, `emptyList`.
    mutating func add(column name: [UInt8], emptyList: [UInt8]? = nil, to row: inout Row, text: (inout [UInt8]) -> Void) {
        let column = name.withUnsafeBufferPointer { columns.number(of: $0) }
        CSVRowSpill.put(column, to: &row.cells)
        if let emptyList {
            let path = emptyList.withUnsafeBufferPointer { paths.number(of: $0) }
            emptyLists.insert(EmptyList(table: row.table, column: column, path: path))
            CSVRowSpill.put(path + 1, to: &row.cells)
        } else {
            let (t, c) = (Int(row.table), Int(column))
            if tableColumns[t].count <= c { tableColumns[t] += repeatElement(false, count: c + 1 - tableColumns[t].count) }
            tableColumns[t][c] = true
            CSVRowSpill.put(0, to: &row.cells)
        }
        // The text's length goes before it, once it is written.
        let at = row.cells.count
        CSVRowSpill.put(0, to: &row.cells)
        text(&row.cells)
        CSVRowSpill.set(UInt32(row.cells.count - at - 4), at: at, in: &row.cells)
        row.count += 1
    }

    /// Ends a record: its own row, then the rows of its keyed lists' elements.
    mutating func addRecord(_ main: Row, _ rows: [Row]) {
        CSVRowSpill.put(UInt32(rows.count + 1), to: &bytes)
        write(main)
        for row in rows { write(row) }
        ends.append(bytes.count)
    }

    private mutating func write(_ row: Row) {
        CSVRowSpill.put(row.table, to: &bytes)
        CSVRowSpill.put(row.count, to: &bytes)
        bytes += row.cells
    }
}
