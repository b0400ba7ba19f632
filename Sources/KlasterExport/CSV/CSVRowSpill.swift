#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KlasterStore
import KlasterValidation

/// The rows of a kind's records, kept in a file between the CSV exporter's two steps: the first
/// learns the columns while it writes the rows here; the second reads them back (instead of
/// reading and parsing the records again) and writes the CSV files.
///
/// The rows come in batches (``CSVBatch``), written as they are; each batch's tables, columns
/// and list paths are numbered again for the kind (``Numbering``), in the order they come.
/// The file is unlinked as soon as it is open for reading, so it never outlives the export.
final class CSVRowSpill {
    private let path: String
    private var sink: ByteSink?
    private var reader: Int32 = -1
    /// Where each record's rows end in the file.
    private(set) var ends: [Int] = []
    /// The batch each record came in.
    private(set) var batchOf: [Int32] = []
    /// For each batch, the kind's number of each of its tables, columns and paths.
    private(set) var numberings: [Numbering] = []
    private var tableNames = ByteInterner()
    private var columnNames = ByteInterner()
    private var pathNames = ByteInterner()
    var tables: [String] { tableNames.names }
    var columns: [String] { columnNames.names }
    var paths: [String] { pathNames.names }
    /// Per table (by number), whether each column (by number) has a cell in some row of it,
    /// empty-list cells left out.
    private(set) var tableColumns: [[Bool]] = []
    /// Each empty-list cell's table, column and path.
    private(set) var emptyLists: Set<CSVBatch.EmptyList> = []

    /// A batch's numbers of tables, columns and paths, each given its number for the kind.
    struct Numbering: Sendable {
        let tables: [UInt32]
        let columns: [UInt32]
        let paths: [UInt32]
    }

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

    /// Appends the rows of the next records, and notes which columns each table has.
    func append(_ batch: CSVBatch) throws(ExportError) {
        func renumber(_ names: ByteInterner, _ kind: inout ByteInterner) -> [UInt32] {
            (0..<names.count).map { i in names.withName(i) { kind.number(of: $0) } }
        }
        let numbering = Numbering(
            tables: renumber(batch.tables, &tableNames),
            columns: renumber(batch.columns, &columnNames),
            paths: renumber(batch.paths, &pathNames)
        )
        for (table, present) in batch.tableColumns.enumerated() {
            let t = Int(numbering.tables[table])
            while tableColumns.count <= t { tableColumns.append([]) }
            for (column, present) in present.enumerated() where present {
                let c = Int(numbering.columns[column])
                if tableColumns[t].count <= c { tableColumns[t] += repeatElement(false, count: c + 1 - tableColumns[t].count) }
                tableColumns[t][c] = true
            }
        }
        for entry in batch.emptyLists {
            emptyLists.insert(
                CSVBatch.EmptyList(
                    table: numbering.tables[Int(entry.table)],
                    column: numbering.columns[Int(entry.column)],
                    path: numbering.paths[Int(entry.path)]
                )
            )
        }
        try sink?.write(batch.bytes)
        let base = ends.last ?? 0
        for end in batch.ends {
            ends.append(base + end)
            batchOf.append(Int32(numberings.count))
        }
        numberings.append(numbering)
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
    /// Reads the rows of records `range` (indices) into the start of `bytes`, made longer when
    /// it is too short (it is kept from read to read, so memory is not zeroed and mapped for
    /// each); returns where each record starts in it.
    func read(_ range: Range<Int>, into bytes: inout [UInt8]) throws(ExportError) -> [Int] {
        let first = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let last = range.isEmpty ? first : ends[range.upperBound - 1]
        let count = last - first
        if bytes.count < count { bytes = [UInt8](repeating: 0, count: max(count, 2 * bytes.count)) }
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(reader, $0.baseAddress! + done, count - done, off_t(first + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw ExportError(.io, "\(path): cannot read: \(FileIO.errnoText())") }
            done += n
        }
        return range.map { ($0 == 0 ? 0 : ends[$0 - 1]) - first }
    }

    /// Appends `value`, little-endian (a byte at a time: appending a raw buffer costs several
    /// times more for four bytes).
    @inline(__always)
    static func put(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    /// Writes `value`, little-endian, over the four bytes at `at`.
    @inline(__always)
    static func set(_ value: UInt32, at: Int, in bytes: inout [UInt8]) {
        bytes[at] = UInt8(truncatingIfNeeded: value)
        bytes[at + 1] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[at + 2] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[at + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }
}
