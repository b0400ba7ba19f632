import Foundation

// klaster-gen: deterministic Klaster stores for the benchmark.
//
//   klaster-gen store DIR N [--seed S]
//   klaster-gen copy SRC DST [--edit P] [--add P] [--delete P] [--seed S]
//   klaster-gen record KIND INDEX N [--seed S] [--edit V]
//
// P is a share of the source's records, as a fraction (0.01) or a percentage (1%).

let usage = """
    usage: klaster-gen store DIR N [--seed S]
           klaster-gen copy SRC DST [--edit P] [--add P] [--delete P] [--seed S]
           klaster-gen record KIND INDEX N [--seed S] [--edit V]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var positional: [String] = []
var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument.hasPrefix("--") {
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value\n\(usage)") }
        options[String(argument.dropFirst(2))] = value
    } else {
        positional.append(argument)
    }
}

func share(_ name: String, _ options: [String: String]) -> Double {
    guard let text = options[name] else { return 0 }
    let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
    guard let value, value >= 0, value <= 1 else { fail("--\(name) must be a share between 0 and 1 (or 0% to 100%)") }
    return value
}

let seedText = options["seed"] ?? "1"
guard let seed = UInt64(seedText) else { fail("--seed must be a non-negative integer") }

do {
    switch positional.first {
    case "store":
        guard positional.count == 3, let total = Int(positional[2]), total >= 4 else { fail(usage) }
        try StoreGenerator.writeStore(root: positional[1], plan: StorePlan(total: total, seed: seed))
    case "copy":
        guard positional.count == 3 else { fail(usage) }
        let copy = StoreCopy(
            source: positional[1], destination: positional[2],
            editShare: share("edit", options), addShare: share("add", options), deleteShare: share("delete", options),
            seed: options["seed"] == nil ? 2 : seed
        )
        let summary = try copy.run()
        print("copied \(summary.copied), edited \(summary.edited), added \(summary.added), deleted \(summary.deleted)")
    case "record":
        guard positional.count == 4, StoreGenerator.kinds.contains(positional[1]),
            let index = Int(positional[2]), let total = Int(positional[3]), total >= 4
        else { fail(usage) }
        let writer = RecordWriter(plan: StorePlan(total: total, seed: seed))
        let record = StoreGenerator.record(writer, kind: positional[1], index: index, edit: options["edit"].flatMap(Int.init))
        print(record.path)
        print(record.text, terminator: "")
    default:
        fail(usage)
    }
} catch {
    fail("klaster-gen: \(error)")
}
