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
    public static func write(
        _ dataset: ExportDataset,
        to folder: String,
        format: CSVFormat,
        progress: (any ExportProgress)? = nil
    ) throws(ExportError) {
        let total = dataset.count
        var done = 0
        for kind in dataset.kinds {
            let records = dataset.records(of: kind)
            let rows = CSVRows(kind: kind, keyedLists: keyedLists(records, schema: dataset.schemas[kind]))
            let columns = self.columns(records, rows: rows, schema: dataset.schemas[kind])
            var sinks: [String: (sink: ByteSink, index: [String: Int], count: Int)] = [:]
            for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
                let sink = try ByteSink(creating: folder + "/" + rows.tableName(table) + ".csv")
                var header = format.byteOrderMark ? "\u{FEFF}" : ""
                format.appendLine(names, to: &header)
                try sink.write(header)
                let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
                sinks[table] = (sink, index, names.count)
            }
            let layout = sinks.mapValues { (index: $0.index, count: $0.count) }
            var start = 0
            while start < records.count {
                let slice = Array(records[start..<min(start + 2048, records.count)])
                let texts = parallelMap(slice) { record -> [String: String] in
                    var byTable: [String: String] = [:]
                    for (table, row) in rows.rows(of: record) {
                        guard let place = layout[table] else { continue }
                        var cells = [String](repeating: "", count: place.count)
                        for (column, cell) in row {
                            if let i = place.index[column] { cells[i] = cell }
                        }
                        format.appendLine(cells, to: &byTable[table, default: ""])
                    }
                    return byTable
                }
                for byTable in texts {
                    for (table, text) in byTable { try sinks[table]?.sink.write(text) }
                }
                start += slice.count
                done += slice.count
                progress?.update("csv", done: done, total: total)
            }
            for (_, entry) in sinks { try entry.sink.flush() }
        }
        progress?.finish("csv")
    }

    /// The keyed lists the records hold, by path of keys (`parties.signatories`), with their key
    /// field, as the kind's schema declares them.
    static func keyedLists(_ records: [ExportRecord], schema: JSONSchema?) -> [String: String] {
        guard let schema else { return [:] }
        let found = parallelMap(records) { record -> [String: YAMLPath] in
            var paths: [String: YAMLPath] = [:]
            collectArrays(record.value, dotted: "", path: YAMLPath(), into: &paths)
            return paths
        }
        var all: [String: YAMLPath] = [:]
        for paths in found { all.merge(paths) { first, _ in first } }
        var keyed: [String: String] = [:]
        for (dotted, path) in all {
            if let info = schema.fieldInfo(at: path), info.xMerge == .keyed, let key = info.xMergeKey {
                keyed[dotted] = key
            }
        }
        return keyed
    }

    /// Every array of objects in `value`, by dotted path of keys and by a path to its place.
    private static func collectArrays(_ value: JSONValue, dotted: String, path: YAMLPath, into paths: inout [String: YAMLPath]) {
        switch value {
        case .object(let object):
            for (key, member) in object.entries {
                collectArrays(member, dotted: dotted.isEmpty ? key : dotted + "." + key, path: path.appending(key: key), into: &paths)
            }
        case .array(let items):
            guard items.contains(where: { $0.objectValue != nil }) else { return }
            if paths[dotted] == nil { paths[dotted] = path }
            for item in items { collectArrays(item, dotted: dotted, path: path.appending(index: 0), into: &paths) }
        default:
            return
        }
    }

    /// The columns of each table: the parent columns of a keyed list's table first, then every
    /// field some record has, in schema order (by the position of each key of the dotted name in
    /// its object's schema; keys the schema does not name after, by name). The kind's own table
    /// is always there (`""`), with `id` first.
    static func columns(_ records: [ExportRecord], rows: CSVRows, schema: JSONSchema?) -> [String: [String]] {
        let perChunk = parallelMap(stride(from: 0, to: records.count, by: 256).map { $0 }) { start -> [String: Set<String>] in
            var tables: [String: Set<String>] = [:]
            for record in records[start..<min(start + 256, records.count)] {
                for (table, row) in rows.rows(of: record) {
                    for (column, _) in row { tables[table, default: []].insert(column) }
                }
            }
            return tables
        }
        var tables: [String: Set<String>] = ["": ["id"]]
        for chunk in perChunk {
            for (table, columns) in chunk { tables[table, default: []].formUnion(columns) }
        }
        var ranker = ColumnRanker(schema: schema)
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
