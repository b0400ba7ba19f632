public import KlasterYAML
import KlasterModel

/// A flat document read as the value ``JSONSchema/canonicalJSON(of:)-(FlatYAML)`` gives, without
/// building that value: each scalar typed by the schemas at its place, each mapping's members
/// in schema order. Exporters that write text (JSON, CSV) walk records this way.
public struct CanonicalReader {
    public let document: FlatYAML
    let schema: JSONSchema

    /// A node of the document, and the schemas at its place.
    public struct Place {
        public let node: Int
        let location: SchemaLocation
    }

    /// A scalar's value: a string, which is always the scalar's own text (read it with
    /// ``FlatYAML/withText(_:_:)``), or a value of another type (null, a Boolean, a number).
    public enum Scalar {
        case text
        case value(JSONValue)
    }

    public init(schema: JSONSchema, document: FlatYAML) {
        self.schema = schema
        self.document = document
    }

    /// The root node (a flat document's root is a mapping).
    public var root: Place { Place(node: document.root, location: .single(schema.root)) }

    public func kind(_ place: Place) -> FlatYAML.Kind { document.kind(place.node) }

    /// A sequence's items or a mapping's members.
    public func count(_ place: Place) -> Int { document.count(place.node) }

    /// The value of the scalar at `place`.
    public func scalar(_ place: Place) -> Scalar {
        switch document.typedValue(place.node, expecting: schema.expectedTypes(place.location)) {
        case .text: .text
        case .value(let value): .value(value)
        }
    }

    /// Calls `body` with each item of the sequence at `place`, in order.
    public func forEachItem(_ place: Place, _ body: (Place) -> Void) {
        let location = schema.child(of: place.location, key: nil)
        document.forEachItem(place.node) { _, item in
            body(Place(node: item, location: location))
            return true
        }
    }

    /// Calls `body` with each member of the mapping at `place` (its key's node, its value), in
    /// schema order: by the position of each key in the schema's property order (a stable
    /// sort, as ``JSONSchema/orderedBySchema(_:at:)`` orders a built value; keys the schema
    /// does not name last, in document order).
    public func forEachMember(_ place: Place, _ body: (_ key: Int, _ value: Place) -> Void) {
        let document = self.document
        let count = document.count(place.node)
        withUnsafeTemporaryAllocation(of: (key: Int, location: SchemaLocation, rank: Int).self, capacity: count) { buffer in
            var n = 0
            var sorted = true
            if case .single(let s) = place.location {
                // One look-up of the key in the node's table gives its rank and its place; a
                // key the table does not hold is ranked by its text, as
                // ``JSONSchema/orderedBySchema`` looks every key up.
                // The node's tables taken one by one (a copy of the whole node would
                // reference-count every one of its fields).
                let keys = schema.nodes[s].keys
                let keyedLocation = schema.nodes[s].keyedLocation
                let otherMemberLocation = schema.nodes[s].otherMemberLocation
                let ranks = schema.singleKeyRanks[s]
                let order = schema.singleOrders[s]
                document.forEachEntry(place.node) { key, _ in
                    let entry: (key: Int, location: SchemaLocation, rank: Int)
                    if let k = document.withText(key, { keys.index(ofBytes: $0) }) {
                        entry = (key, keyedLocation[k], ranks[k])
                    } else {
                        entry = (key, otherMemberLocation, order[document.string(key)] ?? order.count)
                    }
                    if n > 0, buffer[n - 1].rank > entry.rank { sorted = false }
                    (buffer.baseAddress! + n).initialize(to: entry)
                    n += 1
                    return true
                }
            } else {
                let order = schema.propertyOrder(at: place.location)
                document.forEachEntry(place.node) { key, _ in
                    let text = document.string(key)
                    let entry = (key: key, location: schema.child(of: place.location, key: text), rank: order[text] ?? order.count)
                    if n > 0, buffer[n - 1].rank > entry.rank { sorted = false }
                    (buffer.baseAddress! + n).initialize(to: entry)
                    n += 1
                    return true
                }
            }
            defer { buffer.baseAddress!.deinitialize(count: n) }
            if !sorted {
                // A stable insertion sort by rank: a mapping has a few dozen members at most.
                for i in 1..<n {
                    var j = i
                    while j > 0, buffer[j - 1].rank > buffer[j].rank {
                        buffer.swapAt(j - 1, j)
                        j -= 1
                    }
                }
            }
            for i in 0..<n {
                let key = buffer[i].key
                body(key, Place(node: document.end(key), location: buffer[i].location))
            }
        }
    }

    /// The value of the member of the mapping at `place` whose key is spelt `name` (UTF-8).
    public func member(_ place: Place, named name: UnsafeBufferPointer<UInt8>) -> Place? {
        entry(place, named: name)?.value
    }

    /// The member (its key's node and its value) of the mapping at `place` whose key is spelt
    /// `name`.
    private func entry(_ place: Place, named name: UnsafeBufferPointer<UInt8>) -> (key: Int, value: Place)? {
        let document = self.document
        var found: (key: Int, value: Int)?
        document.forEachEntry(place.node) { key, value in
            guard document.withText(key, { $0.elementsEqual(name) }) else { return true }
            found = (key, value)
            return false
        }
        guard let found else { return nil }
        let location: SchemaLocation
        if case .single(let s) = place.location {
            location = schema.nodes[s].keys.index(ofBytes: name).map { schema.nodes[s].keyedLocation[$0] } ?? schema.nodes[s].otherMemberLocation
        } else {
            location = schema.child(of: place.location, key: String(decoding: name, as: UTF8.self))
        }
        return (found.key, Place(node: found.value, location: location))
    }

    /// The root's `id` member, if it has one.
    private var rootID: (key: Int, value: Place)? {
        Self.idKey.withUnsafeBufferPointer { entry(root, named: $0) }
    }

    private static let idKey = Array("id".utf8)

    /// How many members the root has as an export shows the record (see
    /// ``forEachRecordMember(_:)``): one more than it holds when it has no `id`.
    public var recordMemberCount: Int { count(root) + (rootID == nil ? 1 : 0) }

    /// Calls `body` with the root's members as an export shows the record: its `id` member
    /// first (or `nil`, when it has none, where the record is given the id of its file), then
    /// the others in schema order.
    public func forEachRecordMember(_ body: (_ member: (key: Int, value: Place)?) -> Void) {
        let id = rootID
        body(id)
        forEachMember(root) { key, value in
            if key != id?.key { body((key, value)) }
        }
    }

    /// Appends the compact JSON text of the value at `place` (as ``JSONValue/write(to:)``
    /// writes the built value).
    public func writeCompact(_ place: Place, to out: inout [UInt8]) {
        switch kind(place) {
        case .scalar:
            switch scalar(place) {
            case .text: document.withText(place.node) { JSONText.appendQuoted(bytes: $0, to: &out) }
            case .value(let value): value.write(to: &out)
            }
        case .sequence:
            out.append(UInt8(ascii: "["))
            var first = true
            forEachItem(place) { item in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeCompact(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping:
            out.append(UInt8(ascii: "{"))
            var first = true
            forEachMember(place) { key, value in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                document.withText(key) { JSONText.appendQuoted(bytes: $0, to: &out) }
                out.append(UInt8(ascii: ":"))
                writeCompact(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
