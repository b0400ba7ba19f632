/// Why a template did not parse, and where: the template's name, and the line and column
/// (both from 1; columns count characters) of the tag at fault.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A tag opened (`{{`) and never closed.
        case unclosedTag
        /// `{{#name}}` or `{{^name}}` without its `{{/name}}`.
        case unclosedSection(String)
        /// `{{/name}}` that closes no open section, or not the innermost one (`expected`).
        case unexpectedClose(String, expected: String?)
        /// `{{=...=}}` that does not give two delimiters.
        case badDelimiters
        /// A tag without a name (`{{}}`, `{{#}}`).
        case emptyName
        /// A tag this engine does not support (inheritance: `{{<parent}}`, `{{$block}}`).
        case unsupported(String)
    }

    public var template: String
    public var line: Int
    public var column: Int
    public var reason: Reason

    public init(template: String, line: Int, column: Int, reason: Reason) {
        self.template = template
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// What is wrong, without the place.
    public var message: String {
        switch reason {
        case .unclosedTag: "unclosed tag"
        case .unclosedSection(let name): "section {{#\(name)}} is not closed"
        case .unexpectedClose(let name, let expected?): "{{/\(name)}} closes {{#\(expected)}}"
        case .unexpectedClose(let name, nil): "{{/\(name)}} closes no section"
        case .badDelimiters: "bad delimiters: {{=OPEN CLOSE=}} takes two delimiters without spaces or '='"
        case .emptyName: "a tag without a name"
        case .unsupported(let tag): "\(tag) is not supported"
        }
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}
