import Dispatch
import Foundation
import KlasterModel
import Yams

// yams-load STORE [--serial]
//
// The Yams peer of klaster-load: lists the four kind folders, reads every record file and decodes
// it with Yams's YAMLDecoder into its KlasterModel type, on all cores unless --serial. Prints
// "records R bytes B"; exits 1 when any record fails (the first failures are printed).

var arguments = Array(CommandLine.arguments.dropFirst())
let serial = arguments.contains("--serial")
arguments.removeAll { $0 == "--serial" }
guard arguments.count == 1 else {
    print("usage: yams-load STORE [--serial]")
    exit(2)
}
let root = arguments[0]
let kinds = ["clusters", "members", "agreements", "news"]

var files: [(kind: String, path: String)] = []
for kind in kinds {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + kind)) ?? []
    for name in names.sorted() where name.hasSuffix(".yaml") {
        files.append((kind, root + "/" + kind + "/" + name))
    }
}

/// Loads one record file.
enum Loader {
    /// Bytes read, or the failure, of one file.
    static func load(kind: String, path: String) -> Result<Int, any Error> {
        Result {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let decoder = YAMLDecoder()
            switch kind {
            case "clusters": _ = try decoder.decode(Cluster.self, from: text)
            case "members": _ = try decoder.decode(Member.self, from: text)
            case "agreements": _ = try decoder.decode(Agreement.self, from: text)
            default: _ = try decoder.decode(News.self, from: text)
            }
            return text.utf8.count
        }
    }
}

/// Results filled in by index from concurrent workers.
final class Results: @unchecked Sendable {
    var items: [Result<Int, any Error>?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
}

let all = files
let results = Results(count: all.count)
if serial {
    for (position, file) in all.enumerated() { results.items[position] = Loader.load(kind: file.kind, path: file.path) }
} else {
    let chunk = 64
    results.items.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: (all.count + chunk - 1) / chunk) { block in
            for position in block * chunk..<min(all.count, (block + 1) * chunk) {
                slots[position] = Loader.load(kind: all[position].kind, path: all[position].path)
            }
        }
    }
}
var bytes = 0
var failures: [String] = []
for (position, result) in results.items.enumerated() {
    switch result {
    case .success(let size)?: bytes += size
    case .failure(let error)?: failures.append("\(all[position].path): \(error)")
    case nil: failures.append("\(all[position].path): not loaded")
    }
}
print("records \(all.count - failures.count) bytes \(bytes)")
for failure in failures.prefix(5) { print("error: \(failure)") }
exit(failures.isEmpty ? 0 : 1)
