public import KlasterYAML
import KlasterModel

extension JSONSchema {
    /// Appends ``canonicalJSON(of:)-(FlatYAML)`` of a flat document to `out` as indented JSON
    /// text: byte for byte what `canonicalJSON(of: document).writePretty(to: &out, indent:
    /// indent)` appends, written straight from the document (through a ``CanonicalReader``: its
    /// strings escaped from its bytes, no value built).
    ///
    /// With `leadingID`, the root object is written as exports show a record: its `id` member
    /// first, or, when it has none, `"id": leadingID` first.
    public func writeCanonicalJSON(of document: FlatYAML, leadingID: String? = nil, indent: Int, to out: inout [UInt8]) {
        var writer = PrettyJSONWriter(reader: CanonicalReader(schema: self, document: document))
        writer.write(writer.reader.root, indent: indent, leadingID: leadingID, to: &out)
    }
}

/// Writes a flat document as ``JSONValue/writePretty(to:indent:)`` writes its canonical value.
private struct PrettyJSONWriter {
    let reader: CanonicalReader
    /// The members of the mappings being written, innermost last (one list for all of them,
    /// so that a record's mappings share its storage).
    private var members: [(key: Int, value: CanonicalReader.Place)] = []

    init(reader: CanonicalReader) {
        self.reader = reader
    }

    mutating func write(_ place: CanonicalReader.Place, indent: Int, leadingID: String?, to out: inout [UInt8]) {
        let reader = self.reader
        switch reader.kind(place) {
        case .scalar:
            switch reader.scalar(place) {
            case .text: reader.document.withText(place.node) { JSONText.appendQuoted(bytes: $0, to: &out) }
            case .value(let value): value.writePretty(to: &out, indent: indent)
            }
        case .sequence:
            guard reader.count(place) > 0 else {
                out += "[]".utf8
                return
            }
            out += "[\n".utf8
            var left = reader.count(place)
            reader.forEachItem(place) { item in
                JSONValue.indent(indent + 1, &out)
                write(item, indent: indent + 1, leadingID: nil, to: &out)
                left -= 1
                if left > 0 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .mapping:
            writeMapping(place, indent: indent, leadingID: leadingID, to: &out)
        }
    }

    private mutating func writeMapping(_ place: CanonicalReader.Place, indent: Int, leadingID: String?, to out: inout [UInt8]) {
        let reader = self.reader
        let base = members.count
        reader.appendMembers(place, to: &members)
        var count = members.count - base
        var syntheticID = false
        if leadingID != nil {
            var i = base
            while i < members.count, !reader.isID(members[i].key) { i += 1 }
            if i == members.count {
                syntheticID = true
                count += 1
            } else if i > base {
                let id = members.remove(at: i)
                members.insert(id, at: base)
            }
        }
        if count == 0 {
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
            if written < count { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        var i = base
        while i < members.count {
            let (key, value) = members[i]
            JSONValue.indent(indent + 1, &out)
            reader.document.withText(key) { JSONText.appendQuoted(bytes: $0, to: &out) }
            out += ": ".utf8
            write(value, indent: indent + 1, leadingID: nil, to: &out)
            written += 1
            if written < count { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
            i += 1
        }
        members.removeSubrange(base...)
        JSONValue.indent(indent, &out)
        out.append(UInt8(ascii: "}"))
    }
}
