import Glibc
import KlasterModel
import KlasterStore
import KlasterYAML

// klaster-load STORE [--serial]
//
// Open and load: opens the store, reads every record file, parses it and decodes it into its
// KlasterModel type (Cluster, Member, Agreement, News), on all cores unless --serial. Prints
// "records R bytes B" and exits 1 when any record fails to read, parse or decode (the first
// failures are printed), so it doubles as a check that generated stores fit the model.

var arguments = Array(CommandLine.arguments.dropFirst())
let serial = arguments.contains("--serial")
arguments.removeAll { $0 == "--serial" }
guard arguments.count == 1 else {
    print("usage: klaster-load STORE [--serial]")
    exit(2)
}

/// What loading one file gave: its size, or why it failed.
enum Loaded: Sendable {
    case record(bytes: Int)
    case failure(String)
}

/// Loads one record file.
enum Loader {
    static func load(_ store: Store, _ file: RecordFile) -> Loaded {
        let decoder = YAMLDecoder(limits: store.limits)
        do {
            let bytes: [UInt8]
            switch try store.read(file) {
            case .success(let read): bytes = read
            case .failure(let error): return .failure("\(file): \(error)")
            }
            let path = file.relativePath
            switch file.kind {
            case .clusters: _ = try decoder.decode(Cluster.self, from: bytes, file: path)
            case .members: _ = try decoder.decode(Member.self, from: bytes, file: path)
            case .agreements: _ = try decoder.decode(Agreement.self, from: bytes, file: path)
            case .news: _ = try decoder.decode(News.self, from: bytes, file: path)
            }
            return .record(bytes: bytes.count)
        } catch {
            return .failure("\(file): \(error)")
        }
    }
}

do {
    let store = try Store.open(at: arguments[0])
    let files = try store.recordFiles()
    let results = serial ? files.map { Loader.load(store, $0) } : store.map(files) { Loader.load(store, $0) }
    var bytes = 0
    var failures: [String] = []
    for result in results {
        switch result {
        case .record(let size): bytes += size
        case .failure(let message): failures.append(message)
        }
    }
    print("records \(results.count - failures.count) bytes \(bytes)")
    for failure in failures.prefix(5) { print("error: \(failure)") }
    exit(failures.isEmpty ? 0 : 1)
} catch {
    print("error: \(error)")
    exit(1)
}
