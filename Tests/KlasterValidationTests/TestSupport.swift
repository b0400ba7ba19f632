import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// Shared helpers: inline schemas and records, and the fixture folder.
enum Support {
    static func schema(_ json: String) throws -> JSONSchema {
        try JSONSchema(json: json, file: "inline.schema.json")
    }

    static func document(_ yaml: String) throws -> YAMLNode {
        try #require(try YAMLParser().parse(yaml, file: "record.yaml"))
    }

    static func violations(_ schemaJSON: String, _ yaml: String) throws -> [SchemaViolation] {
        try schema(schemaJSON).validate(document(yaml))
    }

    static var fixtures: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
    }

    static func fixtureSchema(_ name: String) throws -> JSONSchema {
        let url = try fixtures.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        return try JSONSchema(json: [UInt8](data), file: name)
    }

    /// A schema with one property `f` described by `property`.
    static func field(_ property: String, required: Bool = false) -> String {
        """
        {"type": "object", "properties": {"f": \(property)}\(required ? ", \"required\": [\"f\"]" : "")}
        """
    }
}
