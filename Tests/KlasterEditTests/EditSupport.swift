import Foundation
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// The package's `samples/` store, its schemas and its record texts.
enum Samples {
    static let root: String = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("samples").path
    }()

    static let store: Store = try! Store.open(at: root)

    static let schemas: [RecordKind: SchemaSet] = try! StoreValidator(store: store).schemas

    /// Every record: its file and text.
    static let records: [(file: RecordFile, text: String)] = {
        let files = try! store.recordFiles()
        return files.map { file in
            guard case .success(let bytes) = try! store.read(file) else { return (file, "") }
            return (file, String(decoding: bytes, as: UTF8.self))
        }
    }()
}

/// An empty store in a temporary folder.
final class TemporaryStore {
    let root: String
    let store: Store

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("klaster-edit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/news", withIntermediateDirectories: true)
        try Data("format: 1\nname: test\n".utf8).write(to: URL(fileURLWithPath: root + "/klaster.yaml"))
        store = try Store.open(at: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: root + "/" + relative, encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }
}
