public import KlasterStore
public import KlasterYAML

/// One field change named on the command line: `F=V` sets, `F+=V` adds to a list (once),
/// `F-=V` removes from a list.
///
/// `F` is a ``YAMLPath`` (`name.pl`, `sources[0].url`, `memberships[cluster=okip].roles`); the
/// `=` that splits it from the value is the first one outside brackets, so a `[field=value]`
/// step is part of the path. `V` is the text as typed: the schema decides what it means (see
/// ``SchemaValue``).
public struct FieldAssignment: Hashable, Sendable, CustomStringConvertible {
    public enum Operation: String, Hashable, Sendable {
        case set = "="
        case add = "+="
        case remove = "-="
    }

    public var path: YAMLPath
    public var operation: Operation
    public var value: String

    public init(path: YAMLPath, operation: Operation = .set, value: String) {
        self.path = path
        self.operation = operation
        self.value = value
    }

    /// Parses `F=V`, `F+=V` or `F-=V`; throws a `.badArgument` error naming the argument.
    public init(parsing argument: String) throws(StoreError) {
        var depth = 0
        var split: String.Index?
        for index in argument.indices {
            switch argument[index] {
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            case "=" where depth == 0:
                split = index
            default: break
            }
            if split != nil { break }
        }
        guard let split else {
            throw StoreError(.badArgument, "'\(argument)': write a field change as FIELD=VALUE (or FIELD+=VALUE, FIELD-=VALUE for a list)")
        }
        var field = argument[..<split]
        var operation = Operation.set
        if field.hasSuffix("+") {
            operation = .add
            field = field.dropLast()
        } else if field.hasSuffix("-") {
            operation = .remove
            field = field.dropLast()
        }
        guard !field.isEmpty, let path = YAMLPath(parsing: String(field)) else {
            throw StoreError(
                .badArgument,
                "'\(field)' is not a field path: use dotted names, [N] for a list element, [key=value] for a keyed element (memberships[cluster=okip].roles)"
            )
        }
        self.init(path: path, operation: operation, value: String(argument[argument.index(after: split)...]))
    }

    public var description: String { "\(path)\(operation.rawValue)\(value)" }
}
