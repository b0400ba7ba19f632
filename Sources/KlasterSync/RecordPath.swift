import KlasterModel

/// Record paths relative to a store's root, as sync names records: `members/anna.yaml`.
enum RecordPath {
    /// True for `<kind folder>/<valid id>.yaml`, and nothing else (no `..`, no slashes).
    static func isRecordPath(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isRecordPath(bytes: $0) }
    }

    private static let folders = RecordKind.allCases.map { Array(($0.folder + "/").utf8) }

    /// The same test on bytes, without allocating: base files hold one path a line.
    static func isRecordPath(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let folder = folders.first(where: { bytes.count > $0.count && bytes.starts(with: $0) }) else { return false }
        let name = UnsafeBufferPointer(rebasing: bytes[folder.count...])
        guard name.count > 5, name.count <= 105, Array(name[(name.count - 5)...]) == yaml else { return false }
        let id = name[..<(name.count - 5)]
        var previousHyphen = true
        for byte in id {
            let isHyphen = byte == UInt8(ascii: "-")
            let ok = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if isHyphen {
                if previousHyphen { return false }
            } else if !ok {
                return false
            }
            previousHyphen = isHyphen
        }
        return !previousHyphen
    }

    private static let yaml = Array(".yaml".utf8)

    /// The slow, obvious form of ``isRecordPath(bytes:)``, which tests compare it with.
    static func isRecordPathBySyntax(_ path: String) -> Bool {
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
