import Foundation
import KlasterYAML

/// Pairs of fields in one mapping where the first date must not come after the second.
enum DateOrder {
    static let pairs: [(String, String)] = [("since", "until"), ("valid_from", "valid_until"), ("published", "modified")]

    /// Walks every mapping of `node` and reports each pair out of order: the later field's
    /// mark, a message and its JSON Pointer.
    static func check(_ node: YAMLNode, report: (Mark, String, String) -> Void) {
        var path: [YAMLPath.Component] = []
        path.reserveCapacity(16)
        walk(node, path: &path, report: report)
    }

    private static func walk(_ node: YAMLNode, path: inout [YAMLPath.Component], report: (Mark, String, String) -> Void) {
        switch node {
        case .scalar:
            return
        case .sequence(let sequence):
            for i in sequence.items.indices {
                if case .scalar = sequence.items[i] { continue }
                path.append(.index(i))
                walk(sequence.items[i], path: &path, report: report)
                path.removeLast()
            }
        case .mapping(let mapping):
            // One pass finds the first entry of each paired name (what `mapping[name]` returns).
            var found = SIMD8<Int32>(repeating: -1)
            var any = false
            for i in mapping.entries.indices {
                guard case .scalar(let key) = mapping.entries[i].key, let slot = slot(of: key.value), found[slot] < 0 else { continue }
                found[slot] = Int32(i)
                any = true
            }
            if any {
                for (n, (first, second)) in pairs.enumerated() {
                    let i = Int(found[2 * n])
                    let j = Int(found[2 * n + 1])
                    guard i >= 0, j >= 0, case .scalar(let a) = mapping.entries[i].value, case .scalar(let b) = mapping.entries[j].value,
                        let start = YAMLTimestamp.parse(a.value), let end = YAMLTimestamp.parse(b.value), start > end
                    else { continue }
                    report(
                        b.span.start,
                        "'\(second)' (\(b.value)) is before '\(first)' (\(a.value))",
                        YAMLPath(path + [.key(second)]).jsonPointer
                    )
                }
            }
            for i in mapping.entries.indices where !mapping.entries[i].isMerged {
                if case .scalar = mapping.entries[i].value { continue }
                guard case .scalar(let key) = mapping.entries[i].key else { continue }
                path.append(.key(key.value))
                walk(mapping.entries[i].value, path: &path, report: report)
                path.removeLast()
            }
        }
    }

    /// The position of `name` in ``pairs`` flattened (first, second, first, ...), if it is there.
    private static func slot(of name: String) -> Int? {
        // Most keys differ in length from every name here: one count, no comparison.
        switch name.utf8.count {
        case 5: name == "since" ? 0 : name == "until" ? 1 : nil
        case 8: name == "modified" ? 5 : nil
        case 9: name == "published" ? 4 : nil
        case 10: name == "valid_from" ? 2 : nil
        case 11: name == "valid_until" ? 3 : nil
        default: nil
        }
    }
}
