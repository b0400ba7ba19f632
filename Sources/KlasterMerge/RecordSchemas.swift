import Foundation
public import KlasterModel
public import KlasterValidation

/// The schemas that apply to one kind of record: the one bundled with Klaster, then the store's
/// own `schemas/<kind>.schema.json` when it has one (SPEC §2: validation applies both).
public enum RecordSchemas {
    /// Compiles the schemas for `kind`; a store schema that does not compile is an error.
    public static func schemaSet(for kind: RecordKind, storeRoot: String?) throws(SchemaError) -> SchemaSet {
        var schemas: [JSONSchema] = []
        if let bundled = BundledSchemas.all.first(where: { $0.kind == kind.folder }) {
            schemas.append(try JSONSchema(json: bundled.text, file: bundled.file))
        }
        if let storeRoot {
            let file = "schemas/\(kind.folder).schema.json"
            if let data = FileManager.default.contents(atPath: storeRoot + "/" + file) {
                let bytes = [UInt8](data)
                let same = BundledSchemas.all.contains { $0.kind == kind.folder && Array($0.text.utf8) == bytes }
                if !same { schemas.append(try JSONSchema(json: bytes, file: file)) }
            }
        }
        return SchemaSet(schemas)
    }
}
