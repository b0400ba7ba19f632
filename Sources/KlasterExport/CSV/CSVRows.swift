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
    /// ``keyedLists`` in UTF-8.
    private let keyFields: [[UInt8]: [UInt8]]

    init(kind: RecordKind, keyedLists: [String: String]) {
        self.kind = kind
        self.keyedLists = keyedLists
        keyFields = Dictionary(uniqueKeysWithValues: keyedLists.map { (Array($0.key.utf8), Array($0.value.utf8)) })
    }

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

    /// Adds the rows a record gives to `batch`: the kind's own row first (table `""`), then
    /// the rows of its keyed lists' elements.
    ///
    /// Each empty array at a path not (yet) known as a keyed list gives a `[]` cell marked with
    /// its path: it is a cell only if the path turns out not to be a keyed list (an empty array
    /// at a keyed list's path gives no cell, as the list has its table).
    func addRows<Tree: CSVTree>(of tree: Tree, id: String, to batch: inout CSVBatch) {
        var out: [CSVBatch.Row] = []
        var main = batch.row(table: [])
        let parents = [(column: Array("\(kind.singular)_id".utf8), cell: Array(id.utf8))]
        var column: [UInt8] = []
        column.reserveCapacity(64)
        flatten(tree, tree.root, column: &column, listPath: [], parents: parents, into: &main, out: &out, batch: &batch)
        batch.addRecord(main, out)
    }

    /// Adds the cells of `object` to `row` and the rows of its keyed lists to `out`; `column`
    /// holds the columns' prefix (empty, or the enclosing keys and a dot) and is given back so.
    private func flatten<Tree: CSVTree>(
        _ tree: Tree,
        _ object: Tree.Place,
        column: inout [UInt8],
        listPath: [UInt8],
        parents: [(column: [UInt8], cell: [UInt8])],
        into row: inout CSVBatch.Row,
        out: inout [CSVBatch.Row],
        batch: inout CSVBatch
    ) {
        let prefix = column.count
        tree.forEachMember(object) { key, value in
            column.removeLast(column.count - prefix)
            column.append(contentsOf: key)
            if tree.isObject(value) {
                column.append(UInt8(ascii: "."))
                flatten(tree, value, column: &column, listPath: listPath, parents: parents, into: &row, out: &out, batch: &batch)
            } else if tree.isArray(value) {
                // A list of scalars is a cell, whatever its path.
                guard tree.allItemsAreObjects(value) else {
                    batch.add(column: column, to: &row) { tree.appendCell(value, to: &$0) }
                    return
                }
                let path = listPath.isEmpty ? column : listPath + [UInt8(ascii: ".")] + column
                if let keyBytes = keyFields[path] {
                    tree.forEachItem(value) { item in
                        var keyCell: [UInt8] = []
                        if let key = keyBytes.withUnsafeBufferPointer({ tree.member(item, named: $0) }) { tree.appendCell(key, to: &keyCell) }
                        // The element's own keyed lists name it by the list's path and its key.
                        let inner = parents + [(path + [UInt8(ascii: ".")] + keyBytes, keyCell)]
                        var child = batch.row(table: path)
                        for parent in parents { batch.add(column: parent.column, to: &child) { $0 += parent.cell } }
                        var itemColumn: [UInt8] = []
                        flatten(tree, item, column: &itemColumn, listPath: path, parents: inner, into: &child, out: &out, batch: &batch)
                        out.append(child)
                    }
                } else if tree.isEmptyArray(value) {
                    batch.add(column: column, emptyList: path, to: &row) { tree.appendCell(value, to: &$0) }
                } else {
                    batch.add(column: column, to: &row) { tree.appendCell(value, to: &$0) }
                }
            } else {
                batch.add(column: column, to: &row) { tree.appendCell(value, to: &$0) }
            }
        }
        column.removeLast(column.count - prefix)
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

    /// An array of objects found in a record: the dotted path of keys to it (UTF-8), and the
    /// steps down to its place (each key's length in bytes, or -1 into an array's items,
    /// through its first item).
    struct FoundArray: Equatable {
        var dotted: [UInt8] = []
        var steps: [Int32] = []

        var name: String { String(decoding: dotted, as: UTF8.self) }

        /// The path to the array's place (index 0 in each array on the way).
        var path: YAMLPath {
            var path = YAMLPath()
            var at = 0
            for step in steps {
                if step < 0 {
                    path = path.appending(index: 0)
                } else {
                    if at > 0 { at += 1 }  // the dot before the key (none while the name is empty)
                    path = path.appending(key: String(decoding: dotted[at..<at + Int(step)], as: UTF8.self))
                    at += Int(step)
                }
            }
            return path
        }

        /// Adds a step into a member whose key is spelt `key`.
        mutating func add(key: UnsafeBufferPointer<UInt8>) {
            if !dotted.isEmpty { dotted.append(UInt8(ascii: ".")) }
            dotted.append(contentsOf: key)
            steps.append(Int32(key.count))
        }
    }

    /// Every array of objects in the record whose dotted path is not `known`, each dotted path
    /// once, in the order met.
    static func arraysOfObjects<Tree: CSVTree>(in tree: Tree, known: ByteInterner = ByteInterner()) -> [FoundArray] {
        var found: [FoundArray] = []
        var steps: [Step] = []
        collectArrays(tree, tree.root, steps: &steps) { steps in
            // Names are made only for what is found.
            var array = FoundArray()
            for step in steps {
                switch step {
                case .key(let key): array.add(key: key)
                case .item: array.steps.append(-1)
                }
            }
            if array.dotted.withUnsafeBufferPointer(known.contains) { return }
            if !found.contains(where: { $0.dotted == array.dotted }) { found.append(array) }
        }
        return found
    }

    /// ``arraysOfObjects(in:)`` of a record read flat, walked in document order with no schema:
    /// what an array holds does not depend on how its scalars are typed, and the order the
    /// arrays are met in only matters when one dotted path names two places, which gives `nil`
    /// (then the record is walked in schema order).
    ///
    /// Arrays at a `known` dotted path are left out: a dotted path only names two places for
    /// this when neither is known yet.
    static func arraysOfObjects(inFlat document: FlatYAML, known: ByteInterner = ByteInterner()) -> [FoundArray]? {
        var found: [FoundArray] = []
        var keys: [Int?] = []  // a member's key node, or nil for an array's items
        var twoPlaces = false
        var dotted: [UInt8] = []
        dotted.reserveCapacity(64)
        collectArrays(document, document.root, keys: &keys) { keys in
            // The dotted path first, to look it up (as ``FoundArray/add(key:)`` spells it).
            dotted.removeAll(keepingCapacity: true)
            for case let key? in keys {
                if !dotted.isEmpty { dotted.append(UInt8(ascii: ".")) }
                document.withText(key) { dotted.append(contentsOf: $0) }
            }
            if dotted.withUnsafeBufferPointer(known.contains) { return }
            var array = FoundArray()
            for key in keys {
                if let key {
                    document.withText(key) { array.add(key: $0) }
                } else {
                    array.steps.append(-1)
                }
            }
            if let known = found.first(where: { $0.dotted == array.dotted }) {
                if known.steps != array.steps { twoPlaces = true }
            } else {
                found.append(array)
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
