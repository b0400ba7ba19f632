import KlasterModel

/// Record paths relative to a store's root, as sync names records: `members/anna.yaml`.
enum RecordPath {
    /// True for `<kind folder>/<valid id>.yaml`, and nothing else (no `..`, no slashes).
    static func isRecordPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, RecordKind.allCases.contains(where: { $0.folder == parts[0] }), parts[1].hasSuffix(".yaml") else {
            return false
        }
        return RecordIDSyntax.isValid(String(parts[1].dropLast(5)))
    }

    /// The kind and id of a record path.
    static func split(_ path: String) -> (RecordKind, String)? {
        guard isRecordPath(path) else { return nil }
        let parts = path.split(separator: "/")
        guard let kind = RecordKind.allCases.first(where: { $0.folder == parts[0] }) else { return nil }
        return (kind, String(parts[1].dropLast(5)))
    }
}
