/// Why a YAML document could not be read, written or decoded, and where.
///
/// The user sees it as `file:line:column: error: message [rule]` (see ``description``), never as
/// a Swift dump. `path` is the coding path inside the document (`memberships[2].since`) when the
/// error is about a value, and empty when it is about the text.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The text is not well-formed YAML.
        case syntax = "yaml-syntax"
        /// A mapping has the same key twice.
        case duplicateKey = "yaml-duplicate-key"
        /// A tag other than YAML's core ones (`!custom`, `!!python/object`).
        case forbiddenTag = "yaml-tag"
        /// Bytes that are not UTF-8.
        case invalidUTF8 = "yaml-encoding"
        /// A NUL byte.
        case nulByte = "yaml-nul"
        /// More than one document in one file.
        case multipleDocuments = "yaml-multiple-documents"
        /// Collections nested deeper than the limit.
        case tooDeep = "yaml-too-deep"
        /// Aliases that would expand to more nodes than the limit.
        case aliasExpansion = "yaml-alias-expansion"
        /// A file over the size limit.
        case tooLarge = "yaml-too-large"
        /// An alias to an anchor that was never defined, or a bad `<<` merge.
        case badAlias = "yaml-alias"
        /// A value that does not have the type asked for.
        case typeMismatch = "yaml-type"
        /// A required value that is absent.
        case missingValue = "yaml-missing"
        /// A path or an edit that does not fit the document.
        case badEdit = "yaml-edit"
        /// A value that cannot be written as YAML.
        case emit = "yaml-emit"
    }

    public var code: Code
    public var message: String
    /// The file the document came from, as the user named it; empty when there is none.
    public var file: String
    /// Where the problem is; `nil` when it has no place in the text.
    public var mark: Mark?
    /// The coding path inside the document, in the user's notation (`memberships[2].since`).
    public var path: String

    public init(_ code: Code, _ message: String, file: String = "", mark: Mark? = nil, path: String = "") {
        self.code = code
        self.message = message
        self.file = file
        self.mark = mark
        self.path = path
    }

    public var line: Int { mark?.line ?? 0 }
    public var column: Int { mark?.column ?? 0 }

    /// `file:line:column: error: message [rule]`, the compiler convention.
    public var description: String {
        var location = file.isEmpty ? "<input>" : file
        if let mark { location += ":\(mark.line):\(mark.column)" }
        let at = path.isEmpty ? "" : " (at \(path))"
        return "\(location): error: \(message)\(at) [\(code.rawValue)]"
    }
}
