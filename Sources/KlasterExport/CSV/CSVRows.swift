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

    /// Every row a record gives, written as ``CSVRowSpill/append(_:)`` takes them: the kind's
    /// own row first (table `""`), then the rows of its keyed lists' elements.
    ///
    /// Each empty array at a path not (yet) known as a keyed list gives a `[]` cell marked with
    /// its path: it is a cell only if the path turns out not to be a keyed list (an empty array
    /// at a keyed list's path gives no cell, as the list has its table).
    func rows<Tree: CSVTree>(of tree: Tree, id: String) -> [UInt8] {
        var out: [RowText] = []
        var main = RowText(table: [])
        let parents = [(column: Array("\(kind.singular)_id".utf8), cell: Array(id.utf8))]
        var column: [UInt8] = []
        column.reserveCapacity(64)
        flatten(tree, tree.root, column: &column, listPath: [], parents: parents, into: &main, out: &out)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(main.cells.count + out.reduce(0) { $0 + $1.cells.count } + 64)
        CSVRowSpill.put(UInt32(out.count + 1), to: &bytes)
        main.write(to: &bytes)
        for row in out { row.write(to: &bytes) }
        return bytes
    }

    /// One row being built: its table (the keyed list's path, empty for the kind's own) and
    /// its cells, each written as column, empty-list path (or none) and text.
    struct RowText {
        let table: [UInt8]
        var cells: [UInt8] = []
        var count = 0

        init(table: [UInt8]) {
            self.table = table
            cells.reserveCapacity(512)
        }

        mutating func add(column: [UInt8], emptyList: [UInt8]?, cell: (inout [UInt8]) -> Void) {
            CSVRowSpill.put(column, to: &cells)
            if let emptyList {
                CSVRowSpill.put(UInt32(emptyList.count + 1), to: &cells)
                cells += emptyList
            } else {
                CSVRowSpill.put(0, to: &cells)
            }
            // The text's length goes before it, once it is written.
            let at = cells.count
            CSVRowSpill.put(0, to: &cells)
            cell(&cells)
            let length = UInt32(cells.count - at - 4)
            withUnsafeBytes(of: length.littleEndian) { cells.replaceSubrange(at..<at + 4, with: $0) }
            count += 1
        }

        func write(to bytes: inout [UInt8]) {
            CSVRowSpill.put(table, to: &bytes)
            CSVRowSpill.put(UInt32(count), to: &bytes)
            bytes += cells
        }
    }

    /// Adds the cells of `object` to `row` and the rows of its keyed lists to `out`; `column`
    /// holds the columns' prefix (empty, or the enclosing keys and a dot) and is given back so.
    private func flatten<Tree: CSVTree>(
        _ tree: Tree,
        _ object: Tree.Place,
        column: inout [UInt8],
        listPath: [UInt8],
        parents: [(column: [UInt8], cell: [UInt8])],
        into row: inout RowText,
        out: inout [RowText]
    ) {
        let prefix = column.count
        tree.forEachMember(object) { key, value in
            column.removeSubrange(prefix...)
            column.append(contentsOf: key)
            if tree.isObject(value) {
                column.append(UInt8(ascii: "."))
                flatten(tree, value, column: &column, listPath: listPath, parents: parents, into: &row, out: &out)
            } else if tree.isArray(value) {
                let path = listPath.isEmpty ? column : listPath + [UInt8(ascii: ".")] + column
                if let keyField = keyedLists[String(decoding: path, as: UTF8.self)], tree.allItemsAreObjects(value) {
                    let keyBytes = Array(keyField.utf8)
                    tree.forEachItem(value) { item in
                        var keyCell: [UInt8] = []
                        if let key = keyBytes.withUnsafeBufferPointer({ tree.member(item, named: $0) }) { tree.appendCell(key, to: &keyCell) }
                        // The element's own keyed lists name it by the list's path and its key.
                        let inner = parents + [(path + [UInt8(ascii: ".")] + keyBytes, keyCell)]
                        var child = RowText(table: path)
                        for parent in parents { child.add(column: parent.column, emptyList: nil) { $0 += parent.cell } }
                        var itemColumn: [UInt8] = []
                        flatten(tree, item, column: &itemColumn, listPath: path, parents: inner, into: &child, out: &out)
                        out.append(child)
                    }
                } else {
                    row.add(column: column, emptyList: tree.isEmptyArray(value) ? path : nil) { tree.appendCell(value, to: &$0) }
                }
            } else {
                row.add(column: column, emptyList: nil) { tree.appendCell(value, to: &$0) }
            }
        }
        column.removeSubrange(prefix...)
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

    /// Every array of objects in the record: its dotted path of keys and a path to its place,
    /// each dotted path once, in the order met.
    static func arraysOfObjects<Tree: CSVTree>(in tree: Tree) -> [(String, YAMLPath)] {
        var found: [(String, YAMLPath)] = []
        var seen: Set<String> = []
        var steps: [Step] = []
        collectArrays(tree, tree.root, steps: &steps) { steps in
            // Names are made only for what is found.
            let (dotted, path) = place(of: steps.lazy.map { step -> String? in
                if case .key(let key) = step { return String(decoding: key, as: UTF8.self) }
                return nil
            })
            if seen.insert(dotted).inserted { found.append((dotted, path)) }
        }
        return found
    }

    /// ``arraysOfObjects(in:)`` of a record read flat, walked in document order with no schema:
    /// what an array holds does not depend on how its scalars are typed, and the order the
    /// arrays are met in only matters when one dotted path names two places, which gives `nil`
    /// (then the record is walked in schema order).
    static func arraysOfObjects(inFlat document: FlatYAML) -> [(String, YAMLPath)]? {
        var found: [(String, YAMLPath)] = []
        var places: [String: YAMLPath] = [:]
        var keys: [Int?] = []  // a member's key node, or nil for an array's items
        var twoPlaces = false
        collectArrays(document, document.root, keys: &keys) { keys in
            let (dotted, path) = place(of: keys.lazy.map { $0.map(document.string) })
            if let known = places[dotted] {
                if known != path { twoPlaces = true }
            } else {
                places[dotted] = path
                found.append((dotted, path))
            }
        }
        return twoPlaces ? nil : found
    }

    private static func collectArrays(_ document: FlatYAML, _ node: Int, keys: inout [Int?], _ found: ([Int?]) -> Void) {
        func holdsObjects(_ node: Int) -> Bool {
            var some = false
            document.forEachItem(node) { _, item in
                some = document.kind(item) == .mapping
                return !some
            }
            return some
        }
        switch document.kind(node) {
        case .mapping:
            document.forEachEntry(node) { key, value in
                let kind = document.kind(value)
                if kind == .mapping || (kind == .sequence && holdsObjects(value)) {
                    keys.append(key)
                    collectArrays(document, value, keys: &keys, found)
                    keys.removeLast()
                }
                return true
            }
        case .sequence:
            guard holdsObjects(node) else { return }
            found(keys)
            keys.append(nil)
            document.forEachItem(node) { _, item in
                collectArrays(document, item, keys: &keys, found)
                return true
            }
            keys.removeLast()
        case .scalar:
            return
        }
    }

    /// The dotted path of an array found by a walk down `steps` (a member's key, or `nil` into
    /// an array's items), and its place, through the first item of each array on the way.
    private static func place(of steps: some Sequence<String?>) -> (dotted: String, path: YAMLPath) {
        var dotted = ""
        var path = YAMLPath()
        for step in steps {
            if let name = step {
                dotted = dotted.isEmpty ? name : dotted + "." + name
                path = path.appending(key: name)
            } else {
                path = path.appending(index: 0)
            }
        }
        return (dotted, path)
    }

    /// A step down from the record's root: into a member (its key's bytes, valid while the walk
    /// is below it) or into an array's items.
    private enum Step {
        case key(UnsafeBufferPointer<UInt8>)
        case item
    }

    private static func collectArrays<Tree: CSVTree>(
        _ tree: Tree,
        _ place: Tree.Place,
        steps: inout [Step],
        _ found: ([Step]) -> Void
    ) {
        if tree.isObject(place) {
            tree.forEachMember(place) { key, member in
                // Only an object or an array of objects can hold one.
                guard tree.isObject(member) || (tree.isArray(member) && tree.someItemIsAnObject(member)) else { return }
                steps.append(.key(key))
                collectArrays(tree, member, steps: &steps, found)
                steps.removeLast()
            }
        } else if tree.isArray(place) {
            guard tree.someItemIsAnObject(place) else { return }
            found(steps)
            steps.append(.item)
            tree.forEachItem(place) { item in collectArrays(tree, item, steps: &steps, found) }
            steps.removeLast()
        }
    }
}
