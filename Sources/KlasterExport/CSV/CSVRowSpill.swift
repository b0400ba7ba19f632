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
    private(set) var tables: [String] = []
    private(set) var columns: [String] = []
    private(set) var paths: [String] = []
    private var tableIDs: [String: UInt32] = [:]
    private var columnIDs: [String: UInt32] = [:]
    private var pathIDs: [String: UInt32] = [:]
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

    /// Appends the rows of the next record.
    func append(_ rows: [(table: String, row: CSVRows.Row)]) throws(ExportError) {
        buffer.removeAll(keepingCapacity: true)
        put(UInt32(rows.count))
        for (table, row) in rows {
            put(Self.id(table, &tableIDs, &tables))
            put(UInt32(row.count))
            for cell in row {
                put(Self.id(cell.column, &columnIDs, &columns))
                put(cell.emptyList.map { Self.id($0, &pathIDs, &paths) + 1 } ?? 0)
                var text = cell.cell
                text.withUTF8 { bytes in
                    put(UInt32(bytes.count))
                    buffer.append(contentsOf: bytes)
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
    private func put(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private static func id(_ name: String, _ ids: inout [String: UInt32], _ names: inout [String]) -> UInt32 {
        if let id = ids[name] { return id }
        let id = UInt32(names.count)
        ids[name] = id
        names.append(name)
        return id
    }
}
