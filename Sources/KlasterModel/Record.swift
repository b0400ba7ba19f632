/// A type whose coded fields mirror the properties of a JSON Schema object, in the same order.
///
/// `schemaKeys` lists the property names as the schema writes them; a test compares them with
/// `schemas/<kind>.schema.json`, so a field added on one side only is caught.
public protocol SchemaMirroring {
    /// The schema's property names for this type, in schema order.
    static var schemaKeys: [String] { get }
}

/// One of the four record kinds: a value read from `<kind>/<id>.yaml`.
///
/// A record's `id` equals its file stem and never changes; other records refer to it by that id.
public protocol Record: Codable, Hashable, Sendable, SchemaMirroring {
    /// The folder this kind lives in and the schema that describes it.
    static var kind: RecordKind { get }
    /// The record's id, typed by its kind.
    var id: RecordID<Self> { get }
}

extension Record {
    /// The mixed-kind reference to this record (`cluster:okip`).
    public var reference: RecordRef { RecordRef(kind: Self.kind, id: id.rawValue) }

    /// The file's path relative to the store root (`clusters/okip.yaml`).
    public var relativePath: String { "\(Self.kind.folder)/\(id.rawValue).yaml" }
}
