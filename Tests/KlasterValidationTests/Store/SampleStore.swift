import Foundation
import KlasterStore

/// A copy of the package's `samples/` store in a temporary folder, to break on purpose.
final class SampleStore {
    let root: String

    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("klaster-samples-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("samples"), to: base)
        root = base.standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    /// Replaces the first occurrence of `old` in a file; fails the caller when it is absent.
    func replace(_ relative: String, _ old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    /// The 1-based line of the first occurrence of `needle` in a file.
    func line(of needle: String, in relative: String) throws -> Int {
        let lines = try read(relative).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { throw CocoaError(.fileReadCorruptFile) }
        return index + 1
    }

    func open() throws -> Store { try Store.open(at: root) }
}
