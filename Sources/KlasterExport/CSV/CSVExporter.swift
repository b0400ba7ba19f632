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
    /// learnt, and its rows are made a batch of records at a time (``CSVBatch``) and go to a
    /// file beside the tables (``CSVRowSpill``, which learns the columns); then the rows are read
    /// back and written out, formatted on all cores (``CSVLineWriter``), in record order.
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
                for batch in shape.batches(of: records) { try spill.append(batch) }
                done += records.count
                progress?.update("csv", done: done / 2, total: total)
            }
            try spill.finishWriting()
            shape.addColumns(of: spill)
            let columns = shape.columns()
            var tableSinks: [String: ByteSink] = [:]
            for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
                tableSinks[table] = try ByteSink(creating: folder + "/" + shape.rows.tableName(table) + ".csv")
                var header: [UInt8] = format.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
                format.appendLine(names, to: &header)
                try tableSinks[table]?.write(header)
            }
            let sinks = spill.tables.map { tableSinks[$0] }
            let number = Dictionary(uniqueKeysWithValues: spill.columns.enumerated().map { ($1, $0) })
            let writer = CSVLineWriter(
                format: format,
                columns: spill.tables.map { columns[$0]?.map { number[$0] ?? -1 } },
                columnCount: spill.columns.count,
                keep: spill.paths.map { shape.keyedLists[$0] == nil }
            )
            let (numberings, batchOf) = (spill.numberings, spill.batchOf)
            var start = 0
            var buffer: [UInt8] = []
            while start < spill.ends.count {
                let end = min(start + 1024, spill.ends.count)
                let starts = try spill.read(start..<end, into: &buffer)
                let bytes = buffer  // shared with the workers until they are done, not copied
                let batches = batchOf[start..<end]
                let groups = stride(from: 0, to: starts.count, by: Self.batchSize).map { $0..<min($0 + Self.batchSize, starts.count) }
                let texts = parallelMap(groups, chunk: 1) { group in
                    bytes.withUnsafeBufferPointer { writer.lines($0, records: group, starts: starts, batches: batches, numberings: numberings) }
                }
                for lines in texts {
                    for (table, text) in lines.enumerated() where !text.isEmpty { try sinks[table]?.write(text) }
                }
                done += end - start
                progress?.update("csv", done: done / 2, total: total)
                start = end
            }
            for (_, sink) in tableSinks { try sink.flush() }
        }
        progress?.finish("csv")
    }

    /// How many records a core turns into rows, or formats, at a time.
    static let batchSize = 32

    /// What the first pass over a kind learns: the keyed lists (by path of keys, with their key
    /// field, as the schema declares them) and the columns each table has.
    struct TableShape {
        let kind: RecordKind
        let schema: JSONSchema?
        /// The dotted path (UTF-8) of every array of objects seen.
        private(set) var arrays = ByteInterner()
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

        /// The rows of a chunk of records, made on all cores, a batch at a time; the chunk's
        /// keyed lists are learnt before any of its rows is made.
        ///
        /// The first chunk with arrays of objects is looked through for them first. After it,
        /// the rows are made with the keyed lists learnt so far while the arrays at dotted
        /// paths not seen before are looked for, and made again in the rare chunk that has a
        /// new keyed list.
        mutating func batches(of records: [CSVScannedRecord]) -> [CSVBatch] {
            let batches = stride(from: 0, to: records.count, by: CSVExporter.batchSize).map {
                records[$0..<min($0 + CSVExporter.batchSize, records.count)]
            }
            let known = arrays
            var made: [(arrays: [[CSVRows.FoundArray]], rows: CSVBatch?)]
            if known.count == 0 {
                made = parallelMap(batches, chunk: 1) { records in (records.map { $0.arrays(known: known) }, nil) }
            } else {
                let rows = self.rows
                made = parallelMap(batches, chunk: 1) { records in (records.map { $0.arrays(known: known) }, rows.batch(of: records)) }
            }
            if addKeyedLists(made.flatMap(\.arrays)) || known.count == 0 {
                let rows = self.rows
                made = parallelMap(batches, chunk: 1) { ([], rows.batch(of: $0)) }
            }
            return made.compactMap(\.rows)
        }

        /// Learns the keyed lists among the arrays of objects that the next records hold (each
        /// record's, as ``CSVRows/arraysOfObjects(in:)`` finds them), in record order.
        /// Returns whether there are new keyed lists.
        mutating func addKeyedLists(_ found: [[CSVRows.FoundArray]]) -> Bool {
            guard let schema else { return false }
            var added = false
            for arrays in found {
                // The first place found for a dotted path decides whether it is a keyed list.
                for array in arrays {
                    let count = self.arrays.count
                    guard array.dotted.withUnsafeBufferPointer({ self.arrays.number(of: $0) }) == count else { continue }
                    if let info = schema.fieldInfo(at: array.path), info.xMerge == .keyed, let key = info.xMergeKey {
                        keyedLists[array.name] = key
                        added = true
                    }
                }
            }
            return added
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
                emptyLists.insert([tableNames[Int(entry.table)], columnNames[Int(entry.column)], pathNames[Int(entry.path)]])
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

/// A record read for the CSV export: the arrays of objects it holds (to learn the keyed lists
/// from), and its rows.
struct CSVScannedRecord: @unchecked Sendable {
    // `@unchecked`: a flat document is a class that is only read once built.
    let record: ParsedRecord

    init(_ record: ParsedRecord) {
        self.record = record
    }

    /// The arrays of objects the record holds at dotted paths not `known`.
    func arrays(known: ByteInterner) -> [CSVRows.FoundArray] {
        switch record.content {
        case .flat(let document, let schema):
            CSVRows.arraysOfObjects(inFlat: document, known: known)
                ?? CSVRows.arraysOfObjects(in: FlatCSVTree(reader: CanonicalReader(schema: schema, document: document), id: record.id), known: known)
        case .value(let value):
            CSVRows.arraysOfObjects(in: ValueCSVTree(root: value), known: known)
        }
    }

    /// Adds the record's rows to `batch` (see ``CSVRows/addRows(of:id:to:)``).
    func addRows(_ rows: CSVRows, to batch: inout CSVBatch) {
        switch record.content {
        case .flat(let document, let schema):
            rows.addRows(of: FlatCSVTree(reader: CanonicalReader(schema: schema, document: document), id: record.id), id: record.id, to: &batch)
        case .value(let value):
            rows.addRows(of: ValueCSVTree(root: value), id: record.id, to: &batch)
        }
    }
}

extension CSVRows {
    /// The rows of `records`, in order.
    func batch(of records: ArraySlice<CSVScannedRecord>) -> CSVBatch {
        var batch = CSVBatch()
        for record in records { record.addRows(self, to: &batch) }
        return batch
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
