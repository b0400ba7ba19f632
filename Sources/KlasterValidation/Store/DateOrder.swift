import Foundation
import KlasterYAML

/// Pairs of fields in one mapping where the first date must not come after the second.
enum DateOrder {
    static let pairs: [(String, String)] = [("since", "until"), ("valid_from", "valid_until"), ("published", "modified")]

    /// Walks every mapping of `document` and reports each pair out of order: the later field's
    /// mark, a message and its JSON Pointer.
    static func check<Document: ValidatedDocument>(_ document: Document, report: (Mark, String, String) -> Void) {
        var path: [Step<Document.Node>] = []
        path.reserveCapacity(16)
        walk(document, document.root, path: &path, report: report)
    }

    /// A step of the path walked: an item's position, or a key's node (its text is made only
    /// for a finding's pointer).
    private enum Step<Node> {
        case index(Int)
        case key(Node)
    }

    private static func walk<Document: ValidatedDocument>(
        _ document: Document,
        _ node: Document.Node,
        path: inout [Step<Document.Node>],
        report: (Mark, String, String) -> Void
    ) {
        switch document.kind(node) {
        case .scalar:
            return
        case .sequence:
            document.forEachItem(node) { i, item in
                if document.kind(item) == .scalar { return true }
                path.append(.index(i))
                walk(document, item, path: &path, report: report)
                path.removeLast()
                return true
            }
        case .mapping:
            // One pass finds the first entry of each paired name (what `mapping[name]` returns);
            // most mappings have none, and no table to allocate.
            var found: [Document.Node?] = []
            document.forEachEntry(node) { key, value, _ in
                guard let slot = slot(of: key, in: document) else { return true }
                if found.isEmpty { found = Array(repeating: nil, count: 2 * pairs.count) }
                if found[slot] == nil { found[slot] = value }
                return true
            }
            if !found.isEmpty {
                for (n, (first, second)) in pairs.enumerated() {
                    guard let a = found[2 * n], let b = found[2 * n + 1], document.kind(a) == .scalar, document.kind(b) == .scalar
                    else { continue }
                    let (from, to) = (document.text(a), document.text(b))
                    guard let start = YAMLTimestamp.parse(from), let end = YAMLTimestamp.parse(to), start > end else { continue }
                    var components: [YAMLPath.Component] = path.map { step in
                        switch step {
                        case .index(let i): .index(i)
                        case .key(let key): .key(document.text(key))
                        }
                    }
                    components.append(.key(second))
                    report(document.start(b), "'\(second)' (\(to)) is before '\(first)' (\(from))", YAMLPath(components).jsonPointer)
                }
            }
            document.forEachEntry(node) { key, value, merged in
                guard !merged, document.kind(value) != .scalar, document.kind(key) == .scalar else { return true }
                path.append(.key(key))
                walk(document, value, path: &path, report: report)
                path.removeLast()
                return true
            }
        }
    }

    /// The position of key `key`'s name in ``pairs`` flattened (first, second, first, ...), if
    /// it is there.
    private static func slot<Document: ValidatedDocument>(of key: Document.Node, in document: Document) -> Int? {
        guard document.kind(key) == .scalar else { return nil }
        // Most keys differ in length from every name here: one count, no comparison.
        switch document.textCount(key) {
        case 5: return document.isKey(key, named: "since") ? 0 : document.isKey(key, named: "until") ? 1 : nil
        case 8: return document.isKey(key, named: "modified") ? 5 : nil
        case 9: return document.isKey(key, named: "published") ? 4 : nil
        case 10: return document.isKey(key, named: "valid_from") ? 2 : nil
        case 11: return document.isKey(key, named: "valid_until") ? 3 : nil
        default: return nil
        }
    }
}
