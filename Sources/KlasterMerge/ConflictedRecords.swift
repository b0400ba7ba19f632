import Foundation
import KlasterModel
public import KlasterStore

/// The records of a store with an unresolved conflict: files with conflict markers, and paths
/// git's index holds unmerged (among them what git never hands a merge driver: a record deleted
/// on one branch and changed on the other, or added on both).
public struct ConflictedRecord: Hashable, Sendable {
    public var file: RecordFile
    /// 1-based numbers of the marker lines in the file.
    public var markerLines: [Int]
    /// The index stages git holds for the path (1 base, 2 ours, 3 theirs); empty when git
    /// does not hold it unmerged.
    public var stages: Set<Int>

    /// What happened, in a few words.
    public var summary: String {
        var parts: [String] = []
        switch stages {
        case [1, 2]: parts.append("changed by ours, deleted by theirs")
        case [1, 3]: parts.append("deleted by ours, changed by theirs")
        case [2, 3]: parts.append("added by both")
        case [1, 2, 3]: parts.append("changed by both")
        case []: break
        default: parts.append("unmerged in git's index")
        }
        if !markerLines.isEmpty {
            let count = markerLines.count
            parts.append("\(count) marker line\(count == 1 ? "" : "s") from line \(markerLines[0])")
        }
        return parts.joined(separator: "; ")
    }
}

extension ConflictedRecord {
    /// Every conflicted record of `store`, in kind then id order.
    public static func scan(_ store: Store) throws(StoreError) -> [ConflictedRecord] {
        var found: [RecordFile: ConflictedRecord] = [:]
        for file in try store.recordFiles() {
            guard case .success(let bytes) = try store.read(file), mayHaveMarkers(bytes) else { continue }
            let lines = ConflictMarkers.markerLines(in: String(decoding: bytes, as: UTF8.self))
            if !lines.isEmpty { found[file] = ConflictedRecord(file: file, markerLines: lines, stages: []) }
        }
        let git = Git(directory: store.root)
        for (path, stages) in git.unmerged(under: ".") {
            guard let file = recordFile(path, in: store) else { continue }
            found[file, default: ConflictedRecord(file: file, markerLines: [], stages: [])].stages = stages
        }
        return found.values.sorted { $0.file < $1.file }
    }

    /// The record file for a path relative to the store root (`clusters/okip.yaml`).
    static func recordFile(_ path: String, in store: Store) -> RecordFile? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, let kind = RecordKind(rawValue: String(parts[0])), parts[1].hasSuffix(".yaml") else { return nil }
        let id = String(parts[1].dropLast(5))
        guard RecordIDSyntax.isValid(id) else { return nil }
        return store.file(kind, id)
    }

    /// A quick test on bytes: a line that starts with seven `<`, `=`, `|` or `>`.
    static func mayHaveMarkers(_ bytes: [UInt8]) -> Bool {
        var atLineStart = true
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if atLineStart && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "|")) {
                var run = 0
                while i + run < bytes.count && bytes[i + run] == byte { run += 1 }
                if run >= 7 { return true }
            }
            atLineStart = byte == UInt8(ascii: "\n")
            i += 1
        }
        return false
    }
}
