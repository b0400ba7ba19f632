import Foundation
import KlasterModel
import KlasterYAML

/// Files of the package the tests read: the schemas and the sample store.
enum PackageFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The schema of `kind`, parsed with the YAML parser so that property order is kept (JSON is YAML).
    static func schema(_ kind: RecordKind) throws -> YAMLMapping? {
        let text = try String(contentsOf: url("schemas/\(kind.rawValue).schema.json"), encoding: .utf8)
        return try YAMLParser().parse(text, file: "schemas/\(kind.rawValue).schema.json")?.mapping
    }

    /// The record files of `kind` in the sample store, sorted by name.
    static func sampleFiles(_ kind: RecordKind) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: url("samples/\(kind.folder)"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "yaml" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The first `python3` on `PATH`.
    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

extension YAMLNode {
    /// The text of a scalar node.
    var text: String? { scalar?.value }

    /// The node at a path of mapping keys.
    func at(_ keys: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?.mapping?[key] }
        return node
    }
}
