/// Why a schema file could not be read or compiled: bad JSON, a `$ref` that leads nowhere, a
/// pattern that is not a regular expression, a keyword with a value of the wrong kind.
public struct SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// The file is not JSON (RFC 8259), or nests deeper than the reader allows.
        case json
        /// A keyword's value has the wrong type or shape (`minLength: "3"`).
        case keyword
        /// A `$ref` that is not a local reference, or points at nothing.
        case ref
        /// A `pattern` that does not compile.
        case pattern
    }

    public var code: Code
    public var message: String
    /// The schema file, as the caller named it.
    public var file: String
    /// A JSON Pointer into the schema document (`/properties/founded/format`), or the byte offset
    /// for JSON syntax errors (`@123`).
    public var location: String

    public init(_ code: Code, _ message: String, file: String = "", location: String = "") {
        self.code = code
        self.message = message
        self.file = file
        self.location = location
    }

    public var description: String {
        var prefix = file.isEmpty ? "schema" : file
        if !location.isEmpty { prefix += " at \(location)" }
        return "\(prefix): \(message)"
    }
}
