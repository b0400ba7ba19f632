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
        let reader = CanonicalReader(schema: self, document: document)
        if let leadingID {
            out += "{\n".utf8
            var first = true
            reader.forEachRecordMember { member in
                CanonicalReader.startLine(&first, indent: indent + 1, &out)
                if let (key, value) = member {
                    reader.writeMember(key, value, indent: indent + 1, to: &out)
                } else {
                    out += "\"id\": ".utf8
                    JSONText.appendQuoted(leadingID, to: &out)
                }
            }
            out.append(0x0A)
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: "}"))
        } else {
            reader.writePretty(reader.root, indent: indent, to: &out)
        }
    }
}

extension CanonicalReader {
    /// Appends the value at `place` as ``JSONValue/writePretty(to:indent:)`` writes the value it
    /// means: a non-empty collection one item or member per line, anything else compact.
    fileprivate func writePretty(_ place: Place, indent: Int, to out: inout [UInt8]) {
        switch kind(place) {
        case .scalar:
            switch scalar(place) {
            case .text: document.withText(place.node) { JSONText.appendQuoted(bytes: $0, to: &out) }
            case .value(let value): value.writePretty(to: &out, indent: indent)
            }
        case .sequence, .mapping:
            guard count(place) > 0 else {
                out += (kind(place) == .sequence ? "[]" : "{}").utf8
                return
            }
            out += (kind(place) == .sequence ? "[\n" : "{\n").utf8
            var first = true
            if kind(place) == .sequence {
                forEachItem(place) { item in
                    Self.startLine(&first, indent: indent + 1, &out)
                    writePretty(item, indent: indent + 1, to: &out)
                }
            } else {
                forEachMember(place) { key, value in
                    Self.startLine(&first, indent: indent + 1, &out)
                    writeMember(key, value, indent: indent + 1, to: &out)
                }
            }
            out.append(0x0A)
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: kind(place) == .sequence ? "]" : "}"))
        }
    }

    /// Starts the line of an item or a member: after the first, the line before ends with a
    /// comma (as `writePretty` joins them); then the indent.
    fileprivate static func startLine(_ first: inout Bool, indent: Int, _ out: inout [UInt8]) {
        if !first { out += ",\n".utf8 }
        first = false
        JSONValue.indent(indent, &out)
    }

    /// Appends `"key": value`, the value nested `indent` levels deep.
    fileprivate func writeMember(_ key: Int, _ value: Place, indent: Int, to out: inout [UInt8]) {
        document.withText(key) { JSONText.appendQuoted(bytes: $0, to: &out) }
        out += ": ".utf8
        writePretty(value, indent: indent, to: &out)
    }
}
