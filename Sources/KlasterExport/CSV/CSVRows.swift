import KlasterModel
import KlasterValidation
import KlasterYAML

/// Flattens records into CSV rows: a row per record in the kind's table, and a row per element
/// of a keyed list (`x-merge: keyed`) in that list's own table, with the ids of the parents.
///
/// Nested objects become dotted columns (`address.city`, `name.pl`); an array that is not a
/// keyed list of objects is one cell holding its compact JSON text (`["ict","multimedia"]`);
/// strings are written as they are, numbers as JSON writes them, booleans `true`/`false`.
struct CSVRows {
    /// One row: (column, cell) in the record's order, and for a `[]` cell that is an empty
    /// array at a path not (yet) known as a keyed list, that path (see ``rows(of:markEmptyLists:)``).
    typealias Row = [(column: String, cell: String, emptyList: String?)]

    let kind: RecordKind
    /// For each keyed list, by its path of keys from the record root (`parties.signatories`):
    /// the field that identifies an element.
    let keyedLists: [String: String]

    /// The table a row belongs to: `members` or `members.memberships`.
    func tableName(_ listPath: String) -> String {
        listPath.isEmpty ? kind.rawValue : kind.rawValue + "." + listPath
    }

    /// The columns that name a row's parents in the table of the keyed list `listPath`: the
    /// record's id (`member_id`), then the key of each enclosing list's element
    /// (`parties.ref`); none for the kind's own table.
    func parentColumns(_ listPath: String) -> [String] {
        if listPath.isEmpty { return [] }
        var columns = ["\(kind.singular)_id"]
        var prefix = ""
        let steps = listPath.split(separator: ".").map(String.init)
        for step in steps.dropLast() {
            prefix = prefix.isEmpty ? step : prefix + "." + step
            if let key = keyedLists[prefix] { columns.append(prefix + "." + key) }
        }
        return columns
    }

    /// Every row the record gives, by table (the kind's own table under `""`).
    ///
    /// With `markEmptyLists`, each empty array at a path not (yet) known as a keyed list gives a
    /// `[]` cell marked with its path: it is a cell only if the path turns out not to be a keyed
    /// list (an empty array at a keyed list's path gives no cell, as the list has its table).
    func rows(of record: ExportRecord, markEmptyLists: Bool = false) -> [(table: String, row: Row)] {
        var out: [(table: String, row: Row)] = []
        var main: Row = []
        flatten(
            record.fields, prefix: "", listPath: "", parents: [("\(kind.singular)_id", record.id)], into: &main, out: &out,
            mark: markEmptyLists
        )
        out.insert(("", main), at: 0)
        return out
    }

    private func flatten(
        _ object: JSONObject,
        prefix: String,
        listPath: String,
        parents: [(column: String, cell: String)],
        into row: inout Row,
        out: inout [(table: String, row: Row)],
        mark: Bool
    ) {
        for (key, value) in object.entries {
            let column = prefix + key
            switch value {
            case .object(let inner):
                flatten(inner, prefix: column + ".", listPath: listPath, parents: parents, into: &row, out: &out, mark: mark)
            case .array(let items):
                let path = listPath.isEmpty ? column : listPath + "." + column
                if let keyField = keyedLists[path], items.allSatisfy({ $0.objectValue != nil }) {
                    for item in items {
                        let fields = item.objectValue ?? JSONObject()
                        let keyCell = fields[keyField].map(Self.cell) ?? ""
                        // The element's own keyed lists name it by the list's path and its key.
                        let inner = parents + [(path + "." + keyField, keyCell)]
                        var child: Row = parents.map { ($0.column, $0.cell, nil) }
                        flatten(fields, prefix: "", listPath: path, parents: inner, into: &child, out: &out, mark: mark)
                        out.append((path, child))
                    }
                } else {
                    row.append((column, Self.cell(value), mark && items.isEmpty ? path : nil))
                }
            default:
                row.append((column, Self.cell(value), nil))
            }
        }
    }

    /// The text of a scalar cell, or the compact JSON of a collection.
    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .number, .array, .object: value.jsonText()
        }
    }
}
