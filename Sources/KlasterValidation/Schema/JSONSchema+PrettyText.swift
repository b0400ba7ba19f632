public import KlasterYAML
import KlasterModel

extension JSONSchema {
    /// Appends ``canonicalJSON(of:)`` of a flat document to `out` as indented JSON text: byte for
    /// byte what `canonicalJSON(of: document).writePretty(to: &out, indent: indent)` appends,
    /// written straight from the document (its strings escaped from its bytes, no value built).
    ///
    /// With `leadingID`, the root object is written as exports show a record: its `id` member
    /// first, or, when it has none, `"id": leadingID` first.
    public func writeCanonicalJSON(of document: FlatYAML, leadingID: String? = nil, indent: Int, to out: inout [UInt8]) {
        var writer = PrettyJSONWriter(schema: self, document: document)
        writer.write(document.root, at: .single(root), indent: indent, leadingID: leadingID, to: &out)
    }
}

/// Writes a flat document as ``JSONValue/writePretty(to:indent:)`` writes its canonical value.
private struct PrettyJSONWriter {
    let schema: JSONSchema
    let document: FlatYAML
    /// One mapping's members being ordered (reused by every mapping at the same depth or below
    /// once it is written).
    private var scratch: [(key: Int, value: Int, rank: Int)] = []

    init(schema: JSONSchema, document: FlatYAML) {
        self.schema = schema
        self.document = document
    }

    mutating func write(_ node: Int, at location: SchemaLocation, indent: Int, leadingID: String?, to out: inout [UInt8]) {
        let document = self.document
        switch document.kind(node) {
        case .scalar:
            switch document.typedValue(node, expecting: schema.expectedTypes(location)) {
            case .text: document.withText(node) { JSONText.appendQuoted(bytes: $0, to: &out) }
            case .value(let value): value.writePretty(to: &out, indent: indent)
            }
        case .sequence:
            guard document.count(node) > 0 else {
                out += "[]".utf8
                return
            }
            let itemLocation = schema.child(of: location, key: nil)
            out += "[\n".utf8
            let last = document.count(node) - 1
            document.forEachItem(node) { position, item in
                JSONValue.indent(indent + 1, &out)
                write(item, at: itemLocation, indent: indent + 1, leadingID: nil, to: &out)
                if position < last { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
                return true
            }
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .mapping:
            writeMapping(node, at: location, indent: indent, leadingID: leadingID, to: &out)
        }
    }

    private mutating func writeMapping(_ node: Int, at location: SchemaLocation, indent: Int, leadingID: String?, to out: inout [UInt8]) {
        // The members in schema order (a stable sort by rank, as ``JSONSchema/orderedBySchema``),
        // collected on the scratch list past what enclosing mappings keep there.
        let base = scratch.count
        defer { scratch.removeSubrange(base...) }
        collect(node, at: location)
        var members = scratch.count - base
        if members > 1, !zip(scratch[base...], scratch[(base + 1)...]).allSatisfy({ $0.rank <= $1.rank }) {
            let sorted = scratch[base...].enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
            scratch.replaceSubrange(base..., with: sorted)
        }
        var syntheticID = false
        if leadingID != nil {
            if let i = scratch[base...].firstIndex(where: { isID($0.key) }) {
                if i > base {
                    let id = scratch.remove(at: i)
                    scratch.insert(id, at: base)
                }
            } else {
                syntheticID = true
                members += 1
            }
        }
        guard members > 0 else {
            out += "{}".utf8
            return
        }
        out += "{\n".utf8
        var written = 0
        if syntheticID, let leadingID {
            JSONValue.indent(indent + 1, &out)
            out += "\"id\": ".utf8
            JSONText.appendQuoted(leadingID, to: &out)
            written += 1
            if written < members { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        let document = self.document
        var i = base
        while i < scratch.count {
            let (key, value, _) = scratch[i]
            JSONValue.indent(indent + 1, &out)
            document.withText(key) { JSONText.appendQuoted(bytes: $0, to: &out) }
            out += ": ".utf8
            write(value, at: childLocation(of: location, key: key), indent: indent + 1, leadingID: nil, to: &out)
            written += 1
            if written < members { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
            i += 1
        }
        JSONValue.indent(indent, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Puts the members of mapping `node` on the scratch list with their rank in the schema's
    /// property order at `location` (the order's length for a key it does not name).
    private mutating func collect(_ node: Int, at location: SchemaLocation) {
        let document = self.document
        if case .single(let s) = location, s < schema.singleOrders.count {
            let keys = schema.nodes[s].keys
            let ranks = schema.singleKeyRanks[s]
            let order = schema.singleOrders[s]
            document.forEachEntry(node) { key, value in
                // A key the node's table holds has its rank there; any other is looked up by
                // its text, as ``JSONSchema/orderedBySchema`` looks every key up.
                let rank = document.withText(key) { keys.index(ofBytes: $0) }.map { ranks[$0] } ?? order[document.string(key)] ?? order.count
                scratch.append((key, value, rank))
                return true
            }
        } else {
            let order = schema.propertyOrder(at: location)
            document.forEachEntry(node) { key, value in
                scratch.append((key, value, order[document.string(key)] ?? order.count))
                return true
            }
        }
    }

    /// ``JSONSchema/child(of:key:)`` of a member, its key found by its bytes where it can be.
    private func childLocation(of location: SchemaLocation, key: Int) -> SchemaLocation {
        guard case .single(let s) = location else { return schema.child(of: location, key: document.string(key)) }
        let nodes = schema.nodes
        return document.withText(key) { nodes[s].keys.index(ofBytes: $0) }.map { nodes[s].keyedLocation[$0] } ?? nodes[s].otherMemberLocation
    }

    private func isID(_ key: Int) -> Bool {
        document.withText(key) { $0.count == 2 && $0[0] == UInt8(ascii: "i") && $0[1] == UInt8(ascii: "d") }
    }
}
