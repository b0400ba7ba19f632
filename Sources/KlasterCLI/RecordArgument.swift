import KlasterModel
import KlasterStore

/// A record named on the command line: `members/rudzki`, `member/rudzki`, or the file's path
/// `members/rudzki.yaml`.
struct RecordArgument {
    var kind: RecordKind
    var id: String

    init(_ text: String) throws {
        var text = Substring(text)
        if text.hasSuffix(".yaml") { text = text.dropLast(5) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, let kind = RecordKind(name: String(parts[parts.count - 2])) else {
            throw CLIError("'\(text)': name a record as KIND/ID, e.g. members/rudzki-inkubator-przedsiebiorczosci (kinds: clusters, members, agreements, news)")
        }
        let id = String(parts[parts.count - 1])
        guard RecordIDSyntax.isValid(id) else {
            throw CLIError("'\(id)' is not a valid id: lower-case letters, digits and single hyphens, at most 100 characters")
        }
        self.kind = kind
        self.id = id
    }

    /// The record's file, which must exist.
    func existingFile(in store: Store) throws -> RecordFile {
        let file = store.file(kind, id)
        guard (try? FileIO.read(file.absolutePath, limit: 1)) != nil else {
            throw CLIError("no record \(kind.rawValue)/\(id) (no \(file.relativePath) in \(store.root))")
        }
        return file
    }
}

/// A kind named on the command line.
func parseKind(_ text: String) throws -> RecordKind {
    guard let kind = RecordKind(name: text) else {
        throw CLIError("'\(text)' is not a kind of record (clusters, members, agreements, news)")
    }
    return kind
}
