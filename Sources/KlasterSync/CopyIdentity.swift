import Foundation
public import KlasterStore

/// The id of one copy of a store: a random UUID in `.klaster/copy-id`, made on first use.
///
/// Copying a store's folder copies its id; ``StoreSync`` notices two folders with one id and
/// gives the other copy a new one.
public enum CopyIdentity {
    public static func path(root: String) -> String { root + "/" + Store.stateFolder + "/copy-id" }

    /// The copy's id, or `nil` when it has none yet (or the file does not hold one).
    public static func load(root: String) -> String? {
        guard case .bytes(let bytes)? = try? FileIO.read(path(root: root), limit: 4096) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return isValid(text) ? text : nil
    }

    /// The copy's id, made and saved when it has none.
    public static func ensure(root: String) throws(StoreError) -> String {
        if let id = load(root: root) { return id }
        return try assignNew(root: root)
    }

    /// Gives the copy a fresh id.
    public static func assignNew(root: String) throws(StoreError) -> String {
        let id = UUID().uuidString.lowercased()
        try AtomicFile.makeFolder(root + "/" + Store.stateFolder)
        try AtomicFile.write(id + "\n", to: path(root: root))
        return id
    }

    /// Ids are lowercase UUIDs: safe as folder names.
    static func isValid(_ text: String) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: text) != nil && text == text.lowercased()
    }
}
