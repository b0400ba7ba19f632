/// One finding about a store: where it is, how bad, which rule, and what to do about it.
///
/// Printed in the compiler convention, `file:line:column: severity: message [rule]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// The file, relative to the store root (`clusters/okip.yaml`).
    public var file: String
    /// 1-based; 0 when the finding has no place in the file.
    public var line: Int
    /// 1-based, in Unicode scalars; 0 when the finding has no place in the file.
    public var column: Int
    public var severity: Severity
    /// A stable rule id (`format`, `ref`, `nip`, `yaml-duplicate-key`).
    public var rule: String
    public var message: String
    /// A JSON Pointer into the record (`/memberships/2/since`); empty for the whole record.
    public var path: String

    public init(
        file: String,
        line: Int,
        column: Int,
        severity: Severity = .error,
        rule: String,
        message: String,
        path: String = ""
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.message = message
        self.path = path
    }

    public var description: String {
        var location = file
        if line > 0 { location += ":\(line):\(column)" }
        return "\(location): \(severity.rawValue): \(message) [\(rule)]"
    }
}
