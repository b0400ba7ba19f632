#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KlasterStore

/// The rows of a kind's records, kept in a file between the CSV exporter's two steps: the first
/// learns the columns while it writes the rows here; the second reads them back (instead of
/// reading and parsing the records again) and writes the CSV files.
///
/// Each record is a run of rows: table, cells; a cell is its column, the path of the empty list
/// it stands for (or none) and its text. Tables, columns and paths are numbered as they come.
/// The file is unlinked as soon as it is open for reading, so it never outlives the export.
final class CSVRowSpill {
    private let path: String
    private var sink: ByteSink?
    private var reader: Int32 = -1
    /// Where each record's rows end in the file.
    private(set) var ends: [Int] = []
    private var tableNames = ByteInterner()
    private var columnNames = ByteInterner()
    private var pathNames = ByteInterner()
    var tables: [String] { tableNames.names }
    var columns: [String] { columnNames.names }
    var paths: [String] { pathNames.names }
    /// Per table (by number), whether each column (by number) has a cell in some row of it,
    /// empty-list cells left out.
    private(set) var tableColumns: [[Bool]] = []
    /// (table, column, path) of each empty-list cell.
    private(set) var emptyLists: Set<[UInt32]> = []
    private var buffer: [UInt8] = []

    /// Creates the file `.klaster-rows-NAME` in `folder`.
    init(folder: String, name: String) throws(ExportError) {
        path = folder + "/.klaster-rows-" + name
        sink = try ByteSink(creating: path)
    }

    deinit {
        if reader >= 0 {
            close(reader)
        } else {
            unlink(path)
        }
    }

    /// Appends the rows of the next record, as ``CSVRows/rows(of:id:)`` writes them (with
    /// names where the file has their numbers), and notes which columns each table has.
    func append(_ rows: [UInt8]) throws(ExportError) {
        // The tables are worked on as local values, swapped out and back (so never copied):
        // each use of a class's stored property is checked for exclusive access at run time.
        var buffer: [UInt8] = []
        var tableNames = ByteInterner.placeholder
        var columnNames = ByteInterner.placeholder
        var pathNames = ByteInterner.placeholder
        var tableColumns: [[Bool]] = []
        swap(&buffer, &self.buffer)
        swap(&tableNames, &self.tableNames)
        swap(&columnNames, &self.columnNames)
        swap(&pathNames, &self.pathNames)
        swap(&tableColumns, &self.tableColumns)
        defer {
            swap(&buffer, &self.buffer)
            swap(&tableNames, &self.tableNames)
            swap(&columnNames, &self.columnNames)
            swap(&pathNames, &self.pathNames)
            swap(&tableColumns, &self.tableColumns)
        }
        buffer.removeAll(keepingCapacity: true)
        rows.withUnsafeBufferPointer { rows in
            var at = 0
            func u32() -> UInt32 {
                let value = UInt32(rows[at]) | UInt32(rows[at + 1]) << 8 | UInt32(rows[at + 2]) << 16 | UInt32(rows[at + 3]) << 24
                at += 4
                return value
            }
            func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8> {
                defer { at += count }
                return UnsafeBufferPointer(rebasing: rows[at..<at + count])
            }
            let rowCount = u32()
            Self.put(rowCount, to: &buffer)
            for _ in 0..<rowCount {
                let table = tableNames.number(of: bytes(Int(u32())))
                if Int(table) == tableColumns.count { tableColumns.append([]) }
                let cellCount = u32()
                Self.put(table, to: &buffer)
                Self.put(cellCount, to: &buffer)
                for _ in 0..<cellCount {
                    let column = columnNames.number(of: bytes(Int(u32())))
                    let pathLength = Int(u32())
                    let path = pathLength == 0 ? nil : pathNames.number(of: bytes(pathLength - 1))
                    if let path {
                        emptyLists.insert([table, column, path])
                    } else {
                        if tableColumns[Int(table)].count <= Int(column) {
                            tableColumns[Int(table)] += [Bool](repeating: false, count: Int(column) + 1 - tableColumns[Int(table)].count)
                        }
                        tableColumns[Int(table)][Int(column)] = true
                    }
                    let text = bytes(Int(u32()))
                    Self.put(column, to: &buffer)
                    Self.put(path.map { $0 + 1 } ?? 0, to: &buffer)
                    Self.put(UInt32(text.count), to: &buffer)
                    buffer.append(contentsOf: text)
                }
            }
        }
        try sink?.write(buffer)
        ends.append((ends.last ?? 0) + buffer.count)
    }

    /// Ends writing; the rows can be read back from now on.
    func finishWriting() throws(ExportError) {
        try sink?.flush()
        sink = nil
        reader = open(path, O_RDONLY | O_CLOEXEC)
        guard reader >= 0 else { throw ExportError(.io, "\(path): cannot read: \(FileIO.errnoText())") }
        unlink(path)
    }

    /// The bytes of records `range` (indices), and where each one starts in them.
    func read(_ range: Range<Int>) throws(ExportError) -> (bytes: [UInt8], starts: [Int]) {
        let first = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let last = range.isEmpty ? first : ends[range.upperBound - 1]
        var bytes = [UInt8](repeating: 0, count: last - first)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(reader, $0.baseAddress! + done, $0.count - done, off_t(first + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw ExportError(.io, "\(path): cannot read: \(FileIO.errnoText())") }
            done += n
        }
        let starts = range.map { ($0 == 0 ? 0 : ends[$0 - 1]) - first }
        return (bytes, starts)
    }

    /// Decodes one record's rows from `bytes` at `start`: (table, [(column, path + 1 or 0, where
    /// its text is in `bytes`)]).
    static func decode(_ bytes: [UInt8], at start: Int) -> [(table: Int, cells: [(column: Int, path: Int, text: Range<Int>)])] {
        var at = start
        func u32() -> Int {
            let value = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            return value
        }
        var rows: [(table: Int, cells: [(column: Int, path: Int, text: Range<Int>)])] = []
        for _ in 0..<u32() {
            let table = u32()
            let count = u32()
            var cells: [(column: Int, path: Int, text: Range<Int>)] = []
            cells.reserveCapacity(count)
            for _ in 0..<count {
                let column = u32()
                let path = u32()
                let length = u32()
                cells.append((column, path, at..<at + length))
                at += length
            }
            rows.append((table, cells))
        }
        return rows
    }

    /// Appends `value`, little-endian.
    static func put(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends `name`'s length, then its bytes.
    static func put(_ name: [UInt8], to bytes: inout [UInt8]) {
        put(UInt32(name.count), to: &bytes)
        bytes += name
    }
}
