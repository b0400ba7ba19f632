import Foundation
import KlasterYAML

#if canImport(Glibc)
import Glibc
#endif

/// yaml-bench: CPU time per record of reading record files with KlasterYAML.
///
///     yaml-bench generate DIR [N]     write N (default 2000) record files into DIR
///     yaml-bench bench [-r R] [-m parse|decode|encode] FILE...
///                                     parse, parse+decode, and encode (the decoded records back
///                                     to YAML text), every file R rounds (default 10)
///     yaml-bench parse FILE...        parse each file once and print what came of it
///     yaml-bench hostile DIR          write a billion-laughs file and files nested 100,000 deep
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The best of `rounds` rounds (after a warm-up), in CPU microseconds per file.
func measure<Input>(rounds: Int, files: [Input], _ body: (Input) throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for round in 0...rounds {
        let start = cpuSeconds()
        for file in files { try body(file) }
        let elapsed = cpuSeconds() - start
        if round > 0 { best = min(best, elapsed) }
    }
    return best * 1e6 / Double(files.count)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: yaml-bench generate|bench|parse ...") }
arguments.removeFirst()

switch command {
case "generate":
    guard let folder = arguments.first else { fail("usage: yaml-bench generate DIR [N]") }
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
    var corpus = RecordCorpus(seed: 2026)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var sizes: [Int] = []
    for i in 0..<count {
        let text = corpus.record(index: i)
        sizes.append(text.utf8.count)
        try text.write(toFile: "\(folder)/member-\(i).yaml", atomically: false, encoding: .utf8)
    }
    print("generated \(count) records, \(sizes.min() ?? 0)-\(sizes.max() ?? 0) bytes, mean \(sizes.reduce(0, +) / max(1, count))")

case "bench":
    var rounds = 10
    if arguments.first == "-r", arguments.count > 1 {
        rounds = Int(arguments[1]) ?? 10
        arguments.removeFirst(2)
    }
    var modes: Set<String> = ["parse", "decode", "encode"]
    if arguments.first == "-m", arguments.count > 1 {
        modes = [arguments[1]]
        arguments.removeFirst(2)
    }
    guard !arguments.isEmpty else { fail("usage: yaml-bench bench [-r R] [-m parse|decode|encode] FILE...") }
    let files = try arguments.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
    let parser = YAMLParser()
    let decoder = YAMLDecoder()
    if modes.contains("parse") {
    let parse = try measure(rounds: rounds, files: files) { bytes in
        guard try parser.parse(bytes) != nil else { fail("an empty record") }
    }
    print(String(format: "swift-parse %.3f %d", parse, files.count))
    }
    if modes.contains("decode") {
    let decode = try measure(rounds: rounds, files: files) { bytes in
        let record = try decoder.decode(MemberRecord.self, from: bytes)
        if record.id.isEmpty { fail("a record without an id") }
    }
    print(String(format: "swift-parse-decode %.3f %d", decode, files.count))
    }
    if modes.contains("encode") {
    let records = try files.map { try decoder.decode(MemberRecord.self, from: $0) }
    let encoder = YAMLEncoder()
    let encode = try measure(rounds: rounds, files: records) { record in
        let text = try encoder.encode(record)
        if text.isEmpty { fail("an empty encoding") }
    }
    print(String(format: "swift-encode %.3f %d", encode, records.count))
    }

case "parse":
    for path in arguments {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let root = try YAMLParser().parse(bytes, file: path)
            print("\(path): parsed (\(root == nil ? "no document" : "one document"))")
        } catch {
            print(error)
        }
    }

case "hostile":
    guard let folder = arguments.first else { fail("usage: yaml-bench hostile DIR") }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var laughs = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for (previous, name) in zip(names, names.dropFirst()) {
        laughs.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
    }
    let files = [
        "billion-laughs.yaml": laughs.joined(separator: "\n") + "\n",
        "deep-flow.yaml": String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
        "deep-block.yaml": String(repeating: "- ", count: 100_000) + "x\n",
        "deep-mapping.yaml": String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + "\n",
    ]
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try text.write(toFile: "\(folder)/\(name)", atomically: false, encoding: .utf8)
    }

default:
    fail("unknown command \(command)")
}
