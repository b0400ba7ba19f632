import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// `klaster export csv`: a folder with a file per kind (`members.csv`) and a file per keyed
/// list (`members.memberships.csv`, first column `member_id`), so that a spreadsheet or a
/// database can join them back. See ``CSVRows`` for how records become rows and
/// ``CSVFormat`` for the two dialects.
///
/// Columns are the fields the records have, in schema order. Each kind's records are read
/// once, a chunk at a time on all cores (an ordinary record straight from its flat document);
/// their rows are kept in a file until the columns are known, then formatted on all cores and
/// streamed.
public struct CSVExporter: Exporter {
    public init() {}

    public var name: String { "csv" }
    public var summary: String { "a CSV file per kind and per keyed list (--excel for Excel)" }
    public var output: ExportOutput { .folder }

    public func export(_ dataset: ExportDataset, options: ExportOptions) throws(ExportError) {
        guard let out = options.out, out != "-" else {
            throw ExportError(.badOptions, "csv writes a folder: give it with --out DIR")
        }
        let format: CSVFormat = options.excel ? .excel : .standard
        try OutputFiles.writeFolder(out, format: name) { (folder) throws(ExportError) in
            try Self.write(dataset, to: folder, format: format, progress: options.progress)
        }
    }

    /// Writes the tables of `dataset` into `folder` (which must exist).
    ///
    /// Each kind is read once, a chunk at a time on all cores: the chunk's keyed lists are
    /// learnt first, then its rows go to a file beside the tables (``CSVRowSpill``, which learns
    /// the columns); then the rows are read back and written out, formatted on all cores, in
    /// record order.
    public static func write(
        _ dataset: ExportDataset,
        to folder: String,
        format: CSVFormat,
        progress: (any ExportProgress)? = nil
    ) throws(ExportError) {
        let total = dataset.count
        var done = 0
        for kind in dataset.kinds {
            var shape = TableShape(kind: kind, schema: dataset.schemas[kind])
            let spill = try CSVRowSpill(folder: folder, name: kind.rawValue)
            try dataset.forEachParsedChunk(of: kind, map: CSVScannedRecord.init) { (records: [CSVScannedRecord]) throws(ExportError) in
                // The chunk's keyed lists are learnt before any of its rows is made.
                shape.addKeyedLists(records.map(\.arrays))
                let rows = shape.rows
                for text in parallelMap(records, chunk: 16, { $0.rows(rows) }) { try spill.append(text) }
                done += records.count
                progress?.update("csv", done: done / 2, total: total)
            }
            try spill.finishWriting()
            shape.addColumns(of: spill)
            let columns = shape.columns()
            var sinks: [ByteSink?] = []
            var positions: [(index: [Int], count: Int)?] = []
            var tableSinks: [String: ByteSink] = [:]
            for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
                tableSinks[table] = try ByteSink(creating: folder + "/" + shape.rows.tableName(table) + ".csv")
                var header: [UInt8] = format.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
                format.appendLine(names, to: &header)
                try tableSinks[table]?.write(header)
            }
            for table in spill.tables {
                sinks.append(tableSinks[table])
                guard let names = columns[table] else {
                    positions.append(nil)
                    continue
                }
                let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
                positions.append((spill.columns.map { index[$0] ?? -1 }, names.count))
            }
            let keep = spill.paths.map { shape.keyedLists[$0] == nil }
            let layout = positions
            var start = 0
            while start < spill.ends.count {
                let end = min(start + 1024, spill.ends.count)
                let (bytes, starts) = try spill.read(start..<end)
                let texts = parallelMap(starts, chunk: 16) { at -> [(table: Int, text: [UInt8])] in
                    var out: [(table: Int, text: [UInt8])] = []
                    bytes.withUnsafeBufferPointer { buffer in
                        for row in CSVRowSpill.decode(bytes, at: at) {
                            guard let place = layout[row.table] else { continue }
                            // Each column's text, where it is in the spilled bytes (empty if none).
                            var cells = [Range<Int>](repeating: 0..<0, count: place.count)
                            for cell in row.cells where cell.path == 0 || keep[cell.path - 1] {
                                let i = place.index[cell.column]
                                if i >= 0 { cells[i] = cell.text }
                            }
                            var line: [UInt8] = []
                            line.reserveCapacity(256)
                            format.appendLine(cells, of: buffer, to: &line)
                            out.append((row.table, line))
                        }
                    }
                    return out
                }
                for lines in texts {
                    for (table, line) in lines { try sinks[table]?.write(line) }
                }
                done += end - start
                progress?.update("csv", done: done / 2, total: total)
                start = end
            }
            for (_, sink) in tableSinks { try sink.flush() }
        }
        progress?.finish("csv")
    }

    /// What the first pass over a kind learns: the keyed lists (by path of keys, with their key
    /// field, as the schema declares them) and the columns each table has.
    struct TableShape {
        let kind: RecordKind
        let schema: JSONSchema?
        /// Every array of objects seen, by dotted path, with the path to its first place.
        private var arrays: [String: YAMLPath] = [:]
        private(set) var keyedLists: [String: String] = [:]
        private var tables: [String: Set<String>] = ["": ["id"]]
        /// Columns only empty arrays gave so far (table, column, path): columns unless the path
        /// turns out to be a keyed list (then, as in a record read after that, no cell).
        private var emptyLists: Set<[String]> = []

        init(kind: RecordKind, schema: JSONSchema?) {
            self.kind = kind
            self.schema = schema
        }

        var rows: CSVRows { CSVRows(kind: kind, keyedLists: keyedLists) }

        /// Learns the keyed lists among the arrays of objects that the next records hold (each
        /// record's, as ``CSVRows/arraysOfObjects(in:)`` finds them), in record order.
        mutating func addKeyedLists(_ found: [[(String, YAMLPath)]]) {
            guard let schema else { return }
            for paths in found {
                for (dotted, path) in paths where arrays[dotted] == nil {
                    arrays[dotted] = path
                    if let info = schema.fieldInfo(at: path), info.xMerge == .keyed, let key = info.xMergeKey {
                        keyedLists[dotted] = key
                    }
                }
            }
        }

        /// Takes in the columns each table has, and the empty lists' cells, from the rows
        /// spilled.
        mutating func addColumns(of spill: CSVRowSpill) {
            let (tableNames, columnNames, pathNames) = (spill.tables, spill.columns, spill.paths)
            for (table, columns) in spill.tableColumns.enumerated() {
                for (column, present) in columns.enumerated() where present {
                    tables[tableNames[table], default: []].insert(columnNames[column])
                }
            }
            for entry in spill.emptyLists {
                emptyLists.insert([tableNames[Int(entry[0])], columnNames[Int(entry[1])], pathNames[Int(entry[2])]])
            }
        }

        /// The columns of each table: the parent columns of a keyed list's table first, then
        /// every field some record has, in schema order (by the position of each key of the
        /// dotted name in its object's schema; keys the schema does not name after, by name).
        /// The kind's own table is always there (`""`), with `id` first.
        func columns() -> [String: [String]] {
            var ranker = ColumnRanker(schema: schema)
            let rows = self.rows
            var tables = self.tables
            for entry in emptyLists where keyedLists[entry[2]] == nil { tables[entry[0], default: []].insert(entry[1]) }
            var out: [String: [String]] = [:]
            for (table, columns) in tables {
                let parents = rows.parentColumns(table)
                let own = columns.subtracting(parents).map { (name: $0, rank: ranker.rank(of: $0, inList: table)) }
                out[table] = parents + own.sorted { a, b in
                    a.rank.lexicographicallyPrecedes(b.rank) || (a.rank == b.rank && a.name < b.name)
                }.map(\.name)
            }
            return out
        }
    }
}

/// A record read for the CSV export, kept between the two parallel steps of its chunk: the
/// arrays of objects it holds (to learn the keyed lists from), then its rows.
struct CSVScannedRecord: @unchecked Sendable {
    // `@unchecked`: a flat document is a class that is only read once built.
    let record: ParsedRecord
    let arrays: [(String, YAMLPath)]

    init(_ record: ParsedRecord) {
        self.record = record
        switch record.content {
        case .flat(let document, let schema):
            arrays =
                CSVRows.arraysOfObjects(inFlat: document)
                ?? CSVRows.arraysOfObjects(in: FlatCSVTree(reader: CanonicalReader(schema: schema, document: document), id: record.id))
        case .value(let value):
            arrays = CSVRows.arraysOfObjects(in: ValueCSVTree(root: value))
        }
    }

    /// The record's rows (see ``CSVRows/rows(of:id:)``).
    func rows(_ rows: CSVRows) -> [UInt8] {
        switch record.content {
        case .flat(let document, let schema):
            rows.rows(of: FlatCSVTree(reader: CanonicalReader(schema: schema, document: document), id: record.id), id: record.id)
        case .value(let value):
            rows.rows(of: ValueCSVTree(root: value), id: record.id)
        }
    }
}

/// Orders dotted column names by where their keys are in the schema.
struct ColumnRanker {
    let schema: JSONSchema?
    private var cache: [YAMLPath: [String: Int]] = [:]

    init(schema: JSONSchema?) {
        self.schema = schema
    }

    /// The position of each key of `column` in its object's schema properties (`Int.max` for a
    /// key the schema does not name), for a column of the table of the keyed list `list`.
    mutating func rank(of column: String, inList list: String) -> [Int] {
        var path = YAMLPath()
        if !list.isEmpty {
            for key in list.split(separator: ".") { path = path.appending(key: String(key)).appending(index: 0) }
        }
        var rank: [Int] = []
        for key in column.split(separator: ".").map(String.init) {
            rank.append(position(of: key, at: path))
            path = path.appending(key: key)
        }
        return rank
    }

    private mutating func position(of key: String, at path: YAMLPath) -> Int {
        if let known = cache[path] { return known[key] ?? Int.max }
        let names = schema?.propertyNames(at: path) ?? []
        var positions: [String: Int] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
        cache[path] = positions
        return positions[key] ?? Int.max
    }
}
