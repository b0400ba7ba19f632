import KlasterModel
import KlasterValidation
import KlasterYAML

/// A record's value as the CSV exporter walks it, members in schema order and `id` first (as
/// ``ExportRecord/value`` has them): read from the record's flat document (``FlatCSVTree``),
/// or built already (``ValueCSVTree``).
protocol CSVTree {
    associatedtype Place
    var root: Place { get }
    func isObject(_ place: Place) -> Bool
    func isArray(_ place: Place) -> Bool
    /// Calls `body` with each item of the array at `place`.
    func forEachItem(_ place: Place, _ body: (Place) -> Void)
    /// Calls `body` with each member of the object at `place` (its key's UTF-8 and its value).
    func forEachMember(_ place: Place, _ body: (UnsafeBufferPointer<UInt8>, Place) -> Void)
    /// The value of the member of the object at `place` whose key is spelt `name`.
    func member(_ place: Place, named name: UnsafeBufferPointer<UInt8>) -> Place?
    /// Whether the array at `place` has no items.
    func isEmptyArray(_ place: Place) -> Bool
    /// Whether every item of the array at `place` is an object (true when it has none).
    func allItemsAreObjects(_ place: Place) -> Bool
    /// Appends the value's cell text: a string as it is, null empty, a Boolean `true` or
    /// `false`, anything else its compact JSON (as ``CSVRows/cell(_:)``).
    func appendCell(_ place: Place, to out: inout [UInt8])
}

extension CSVTree {
    /// Whether some item of the array at `place` is an object.
    func someItemIsAnObject(_ place: Place) -> Bool {
        var some = false
        forEachItem(place) { item in some = some || isObject(item) }
        return some
    }
}

/// A record whose value is built: a ``JSONValue``.
struct ValueCSVTree: CSVTree {
    let root: JSONValue

    func isObject(_ place: JSONValue) -> Bool { place.objectValue != nil }

    func isArray(_ place: JSONValue) -> Bool {
        if case .array = place { return true }
        return false
    }

    func forEachItem(_ place: JSONValue, _ body: (JSONValue) -> Void) {
        guard case .array(let items) = place else { return }
        for item in items { body(item) }
    }

    func forEachMember(_ place: JSONValue, _ body: (UnsafeBufferPointer<UInt8>, JSONValue) -> Void) {
        guard case .object(let object) = place else { return }
        for (key, value) in object.entries {
            var key = key
            key.withUTF8 { body($0, value) }
        }
    }

    func isEmptyArray(_ place: JSONValue) -> Bool {
        guard case .array(let items) = place else { return true }
        return items.isEmpty
    }

    func allItemsAreObjects(_ place: JSONValue) -> Bool {
        guard case .array(let items) = place else { return true }
        return items.allSatisfy { $0.objectValue != nil }
    }

    func member(_ place: JSONValue, named name: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        place.objectValue?.entries.first { $0.key.utf8.elementsEqual(name) }?.value
    }

    func appendCell(_ place: JSONValue, to out: inout [UInt8]) {
        out += CSVRows.cell(place).utf8
    }
}

/// A record read flat, walked through a ``CanonicalReader``; the root gets `id` first, or the
/// record's id when it has no `id` member (as ``ExportDataset`` gives every record).
struct FlatCSVTree: CSVTree {
    let reader: CanonicalReader
    let id: String

    enum Place {
        case node(CanonicalReader.Place)
        /// The root object.
        case root
        /// The `id` the root is given when it has none.
        case givenID
    }

    var root: Place { .root }

    private static let idKey = Array("id".utf8)

    func isObject(_ place: Place) -> Bool {
        switch place {
        case .root: true
        case .givenID: false
        case .node(let node): reader.kind(node) == .mapping
        }
    }

    func isArray(_ place: Place) -> Bool {
        guard case .node(let node) = place else { return false }
        return reader.kind(node) == .sequence
    }

    func forEachItem(_ place: Place, _ body: (Place) -> Void) {
        guard case .node(let node) = place, reader.kind(node) == .sequence else { return }
        reader.forEachItem(node) { body(.node($0)) }
    }

    func forEachMember(_ place: Place, _ body: (UnsafeBufferPointer<UInt8>, Place) -> Void) {
        let document = reader.document
        switch place {
        case .givenID:
            return
        case .node(let node):
            guard reader.kind(node) == .mapping else { return }
            reader.forEachMember(node) { key, value in document.withText(key) { body($0, .node(value)) } }
        case .root:
            reader.forEachRecordMember { member in
                if let (key, value) = member {
                    document.withText(key) { body($0, .node(value)) }
                } else {
                    Self.idKey.withUnsafeBufferPointer { body($0, .givenID) }
                }
            }
        }
    }

    func isEmptyArray(_ place: Place) -> Bool {
        guard case .node(let node) = place, reader.kind(node) == .sequence else { return true }
        return reader.count(node) == 0
    }

    func allItemsAreObjects(_ place: Place) -> Bool {
        guard case .node(let node) = place, reader.kind(node) == .sequence else { return true }
        let document = reader.document
        var all = true
        document.forEachItem(node.node) { _, item in
            all = document.kind(item) == .mapping
            return all
        }
        return all
    }

    func member(_ place: Place, named name: UnsafeBufferPointer<UInt8>) -> Place? {
        switch place {
        case .givenID: nil
        case .node(let node): reader.kind(node) == .mapping ? reader.member(node, named: name).map(Place.node) : nil
        case .root: reader.member(reader.root, named: name).map(Place.node) ?? (name.elementsEqual(Self.idKey) ? .givenID : nil)
        }
    }

    func appendCell(_ place: Place, to out: inout [UInt8]) {
        switch place {
        case .givenID:
            out += id.utf8
        case .root:
            reader.writeCompact(reader.root, to: &out)
        case .node(let node):
            switch reader.kind(node) {
            case .scalar:
                switch reader.scalar(node) {
                case .text: reader.document.withText(node.node) { out.append(contentsOf: $0) }
                case .value(let value): out += CSVRows.cell(value).utf8
                }
            case .sequence, .mapping:
                reader.writeCompact(node, to: &out)
            }
        }
    }
}
