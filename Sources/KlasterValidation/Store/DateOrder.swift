import Foundation
import KlasterYAML

/// Pairs of fields in one mapping where the first date must not come after the second.
enum DateOrder {
    static let pairs: [(String, String)] = [("since", "until"), ("valid_from", "valid_until"), ("published", "modified")]

    /// Walks every mapping of `node` and reports each pair out of order: the later field's
    /// mark, a message and its JSON Pointer.
    static func check(_ node: YAMLNode, report: (Mark, String, String) -> Void) {
        var path: [YAMLPath.Component] = []
        walk(node, path: &path, report: report)
    }

    private static func walk(_ node: YAMLNode, path: inout [YAMLPath.Component], report: (Mark, String, String) -> Void) {
        switch node {
        case .scalar:
            return
        case .sequence(let sequence):
            for (i, item) in sequence.items.enumerated() where item.scalar == nil {
                path.append(.index(i))
                walk(item, path: &path, report: report)
                path.removeLast()
            }
        case .mapping(let mapping):
            for (first, second) in pairs {
                guard let a = mapping[first]?.scalar, let b = mapping[second]?.scalar,
                    let start = YAMLTimestamp.parse(a.value), let end = YAMLTimestamp.parse(b.value), start > end
                else { continue }
                report(
                    b.span.start,
                    "'\(second)' (\(b.value)) is before '\(first)' (\(a.value))",
                    YAMLPath(path + [.key(second)]).jsonPointer
                )
            }
            for entry in mapping.entries where !entry.isMerged && entry.value.scalar == nil {
                guard let key = entry.keyText else { continue }
                path.append(.key(key))
                walk(entry.value, path: &path, report: report)
                path.removeLast()
            }
        }
    }
}
