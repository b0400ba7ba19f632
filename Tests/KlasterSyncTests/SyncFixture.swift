import Foundation
import KlasterStore
import KlasterSync

/// Copies of a small store in a temporary folder, records written and read as plain text, and
/// syncs run through the library.
final class SyncFixture {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "klaster-sync-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new empty store `name` in the fixture's folder.
    func store(_ name: String) -> String {
        let root = folder + "/" + name
        for kind in ["clusters", "members", "agreements", "news"] {
            try? FileManager.default.createDirectory(atPath: root + "/" + kind, withIntermediateDirectories: true)
        }
        write(root, "klaster.yaml", "format: 1\nname: Test store\n")
        return root
    }

    func write(_ root: String, _ path: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: root + "/" + path, contents: Data(text.utf8))
    }

    func remove(_ root: String, _ path: String) {
        try? FileManager.default.removeItem(atPath: root + "/" + path)
    }

    func read(_ root: String, _ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every record file of a store: path → text.
    func records(_ root: String) -> [String: String] {
        var out: [String: String] = [:]
        for kind in ["clusters", "members", "agreements", "news"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + kind)) ?? []
            for name in names where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
                out[kind + "/" + name] = read(root, kind + "/" + name)
            }
        }
        return out
    }

    /// Syncs `here` with `there`, from `here`.
    @discardableResult
    func sync(_ here: String, _ there: String, dryRun: Bool = false) throws -> SyncReport {
        try StoreSync(here: Store.open(at: here), otherPath: there).run(dryRun: dryRun)
    }

    /// A cluster record with the fields the tests edit.
    static func cluster(_ id: String, name: String, shortName: String? = nil, city: String? = nil, tags: [String] = []) -> String {
        var text = "id: \(id)\nname:\n  pl: \(name)\n"
        if let shortName { text += "short_name: \(shortName)\n" }
        text += "country: PL\n"
        if let city { text += "city: \(city)\n" }
        if !tags.isEmpty { text += "tags: [\(tags.joined(separator: ", "))]\n" }
        text += "sources:\n  - url: https://example.org/\(id)\n"
        return text
    }
}
