import Foundation
import KlasterYAML

/// Pairs of fields in one mapping where the first date must not come after the second.
enum DateOrder {
    static let pairs: [(String, String)] = [("since", "until"), ("valid_from", "valid_until"), ("published", "modified")]

    /// Walks every mapping of `node` and reports each pair out of order.
    static func check(_ node: YAMLNode, path: YAMLPath, report: (Mark, String, String) -> Void) {
        switch node {
        case .scalar:
            return
        case .sequence(let sequence):
            for (i, item) in sequence.items.enumerated() {
                check(item, path: path.appending(index: i), report: report)
            }
        case .mapping(let mapping):
            for (first, second) in pairs {
                guard let a = mapping[first]?.scalar, let b = mapping[second]?.scalar,
                    let start = YAMLTimestamp.parse(a.value), let end = YAMLTimestamp.parse(b.value), start > end
                else { continue }
                report(
                    b.span.start,
                    "'\(second)' (\(b.value)) is before '\(first)' (\(a.value))",
                    path.appending(key: second).jsonPointer
                )
            }
            for entry in mapping.entries where !entry.isMerged {
                guard let key = entry.keyText, entry.value.scalar == nil else { continue }
                check(entry.value, path: path.appending(key: key), report: report)
            }
        }
    }
}
