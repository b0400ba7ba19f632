import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// `klaster export csv`: a folder with a file per kind (`members.csv`) and a file per keyed
/// list (`members.memberships.csv`, first column `member_id`), so that a spreadsheet or a
/// database can join them back. See ``CSVRows`` for how records become rows and
/// ``CSVFormat`` for the two dialects.
///
/// Columns are the fields the records have, in schema order; the records are read twice (once
/// for the columns, once for the rows), rendered on all cores a chunk at a time and streamed.
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
    /// Each kind is read twice, a chunk at a time: once for the keyed lists and the columns,
    /// once for the rows, rendered on all cores and streamed to the files.
    public static func write(
        _ dataset: ExportDataset,
        to folder: String,
        format: CSVFormat,
        progress: (any ExportProgress)? = nil
    ) throws(ExportError) {
        let total = dataset.count
        var done = 0
        for kind in dataset.kinds {
            let schema = dataset.schemas[kind]
            var shape = TableShape(kind: kind, schema: schema)
            try dataset.forEachChunk(of: kind, map: { $0 }) { (records: [ExportRecord]) throws(ExportError) in
                shape.add(records)
                done += records.count
                progress?.update("csv", done: done / 2, total: total)
            }
            let rows = shape.rows
            let columns = shape.columns()
            var sinks: [String: ByteSink] = [:]
            var layout: [String: (index: [String: Int], count: Int)] = [:]
            for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
                let sink = try ByteSink(creating: folder + "/" + rows.tableName(table) + ".csv")
                var header = format.byteOrderMark ? "\u{FEFF}" : ""
                format.appendLine(names, to: &header)
                try sink.write(header)
                sinks[table] = sink
                layout[table] = (Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }), names.count)
            }
            let tables = layout
            try dataset.forEachChunk(of: kind, map: { record -> [(String, String)] in
                var byTable: [String: String] = [:]
                var order: [String] = []
                for (table, row) in rows.rows(of: record) {
                    guard let place = tables[table] else { continue }
                    var cells = [String](repeating: "", count: place.count)
                    for (column, cell) in row {
                        if let i = place.index[column] { cells[i] = cell }
                    }
                    if byTable[table] == nil { order.append(table) }
                    format.appendLine(cells, to: &byTable[table, default: ""])
                }
                return order.map { ($0, byTable[$0]!) }
            }) { (texts: [[(String, String)]]) throws(ExportError) in
                for byTable in texts {
                    for (table, text) in byTable { try sinks[table]?.write(text) }
                }
                done += texts.count
                progress?.update("csv", done: done / 2, total: total)
            }
            for (_, sink) in sinks { try sink.flush() }
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

        /// Takes in the next records in id order.
        mutating func add(_ records: [ExportRecord]) {
            if let schema { addKeyedLists(records, schema: schema) }
            let rows = self.rows
            let perChunk = parallelMap(stride(from: 0, to: records.count, by: 64).map { $0 }, chunk: 1) { start in
                var tables: [String: Set<String>] = [:]
                var empty: Set<[String]> = []
                for record in records[start..<min(start + 64, records.count)] {
                    let found = rows.rows(of: record) { table, column, path in
                        empty.insert([table, column, path])
                        return false
                    }
                    for (table, row) in found {
                        for (column, _) in row { tables[table, default: []].insert(column) }
                    }
                }
                return (tables, empty)
            }
            for (chunk, empty) in perChunk {
                for (table, columns) in chunk { tables[table, default: []].formUnion(columns) }
                emptyLists.formUnion(empty)
            }
        }

        /// Learns the keyed lists among the arrays of objects `records` hold.
        private mutating func addKeyedLists(_ records: [ExportRecord], schema: JSONSchema) {
            let found = parallelMap(records, chunk: 16) { record -> [(String, YAMLPath)] in
                var paths: [(String, YAMLPath)] = []
                var seen: Set<String> = []
                CSVExporter.collectArrays(record.value, dotted: "", path: YAMLPath()) { dotted, path in
                    if seen.insert(dotted).inserted { paths.append((dotted, path)) }
                }
                return paths
            }
            for paths in found {
                for (dotted, path) in paths where arrays[dotted] == nil {
                    arrays[dotted] = path
                    if let info = schema.fieldInfo(at: path), info.xMerge == .keyed, let key = info.xMergeKey {
                        keyedLists[dotted] = key
                    }
                }
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

    /// Every array of objects in `value`: its dotted path of keys and a path to its place.
    static func collectArrays(_ value: JSONValue, dotted: String, path: YAMLPath, _ found: (String, YAMLPath) -> Void) {
        switch value {
        case .object(let object):
            for (key, member) in object.entries {
                collectArrays(member, dotted: dotted.isEmpty ? key : dotted + "." + key, path: path.appending(key: key), found)
            }
        case .array(let items):
            guard items.contains(where: { $0.objectValue != nil }) else { return }
            found(dotted, path)
            for item in items { collectArrays(item, dotted: dotted, path: path.appending(index: 0), found) }
        default:
            return
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
