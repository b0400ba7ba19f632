import Foundation
import KlasterYAML

/// A document tree in the form compared with PyYAML: every scalar a string, mappings as ordered
/// pairs, styles, tags and spans left out.
indirect enum CanonicalTree: Equatable, CustomStringConvertible {
    case scalar(String)
    case sequence([CanonicalTree])
    case mapping([Pair])

    struct Pair: Equatable {
        var key: CanonicalTree
        var value: CanonicalTree
    }

    init(_ node: YAMLNode) {
        switch node {
        case .scalar(let s): self = .scalar(s.value)
        case .sequence(let s): self = .sequence(s.items.map(CanonicalTree.init))
        case .mapping(let m): self = .mapping(m.entries.map { Pair(key: CanonicalTree($0.key), value: CanonicalTree($0.value)) })
        }
    }

    /// Reads compose.py's form: `["s", text]`, `["q", [items]]`, `["m", [[key, value], ...]]`.
    init?(json: Any) {
        guard let array = json as? [Any], array.count == 2, let kind = array[0] as? String else { return nil }
        switch kind {
        case "s":
            guard let text = array[1] as? String else { return nil }
            self = .scalar(text)
        case "q":
            guard let items = array[1] as? [Any] else { return nil }
            var trees: [CanonicalTree] = []
            for item in items {
                guard let tree = CanonicalTree(json: item) else { return nil }
                trees.append(tree)
            }
            self = .sequence(trees)
        case "m":
            guard let pairs = array[1] as? [[Any]] else { return nil }
            var result: [Pair] = []
            for pair in pairs {
                guard pair.count == 2, let key = CanonicalTree(json: pair[0]), let value = CanonicalTree(json: pair[1]) else { return nil }
                result.append(Pair(key: key, value: value))
            }
            self = .mapping(result)
        default:
            return nil
        }
    }

    var description: String {
        switch self {
        case .scalar(let text): return text.debugDescription
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Runs PyYAML's C parser (`yaml.compose(..., Loader=yaml.CSafeLoader)`) over documents, in one
/// `python3` process, through the `Fixtures/compose.py` script.
enum PyYAMLComposer {
    /// What PyYAML made of one document.
    enum Outcome {
        case tree(CanonicalTree?)
        case error(String)
    }

    /// True when `python3` runs and has PyYAML with its C extension.
    static let isAvailable: Bool = {
        guard let status = try? run(["-c", "import yaml; assert yaml.__with_libyaml__"]).status else { return false }
        return status == 0
    }()

    static var fixtures: URL {
        get throws {
            guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
                throw CocoaError(.fileNoSuchFile)
            }
            return url
        }
    }

    static func compose(_ documents: [String]) throws -> [Outcome] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("klaster-compose-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: documents).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = try fixtures.appendingPathComponent("compose.py").path
        let (status, output) = try run([script, input.path])
        guard status == 0, let results = try JSONSerialization.jsonObject(with: output) as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return results.map { result in
            if let message = result["error"] as? String { return .error(message) }
            if result["tree"] is NSNull { return .tree(nil) }
            return .tree(result["tree"].flatMap(CanonicalTree.init(json:)))
        }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
