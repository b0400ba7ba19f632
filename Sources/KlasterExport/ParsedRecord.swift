public import KlasterModel
import KlasterValidation
import KlasterYAML

/// A record as a streaming export has just read it, before its value is built: an exporter that
/// writes text can write it straight from the parsed file (``writePrettyJSON(to:indent:)``);
/// ``record`` builds the value for any other use.
public struct ParsedRecord {
    public let kind: RecordKind
    public let id: String
    /// Relative to the store root: `clusters/okip.yaml`.
    public let file: String
    let content: Content

    enum Content {
        /// An ordinary file, read flat, and the schema that types it.
        case flat(FlatYAML, JSONSchema)
        /// A record whose value is built already (held in memory, or read through the tree).
        case value(JSONValue)
    }

    init(_ record: ExportRecord) {
        kind = record.kind
        id = record.id
        file = record.file
        content = .value(record.value)
    }

    init(kind: RecordKind, id: String, file: String, flat: FlatYAML, schema: JSONSchema) {
        self.kind = kind
        self.id = id
        self.file = file
        content = .flat(flat, schema)
    }

    /// The record, its value built (as ``ExportDataset/records(of:)`` gives it).
    public var record: ExportRecord {
        switch content {
        case .value(let value):
            ExportRecord(kind: kind, id: id, file: file, value: value)
        case .flat(let document, let schema):
            ExportRecord(kind: kind, id: id, file: file, value: ExportDataset.withID(schema.canonicalJSON(of: document), id))
        }
    }

    /// Appends the record's value as indented JSON text, nested `indent` levels deep: what
    /// `record.value.writePretty(to: &out, indent: indent)` appends, without building the value.
    public func writePrettyJSON(to out: inout [UInt8], indent: Int) {
        switch content {
        case .value(let value):
            value.writePretty(to: &out, indent: indent)
        case .flat(let document, let schema):
            schema.writeCanonicalJSON(of: document, leadingID: id, indent: indent, to: &out)
        }
    }
}
