import Foundation
import KlasterSync
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `klaster sync` killed at random moments, over and over, with edits on both copies between:
/// each time a fresh sync finishes the job, the copies converge, every edit is there, no file is
/// torn and both stores validate.
@Suite struct SyncCrashTests {
    /// Two copies of a store and the values the tests put in, to look for afterwards.
    final class Pair {
        let dir: TempDir
        var a: String { dir.path + "/a" }
        var b: String { dir.path + "/b" }
        var city: [String: String] = [:]
        var shortName: [String: String] = [:]
        var present: Set<String> = []
        var deleted: Set<String> = []
        var counter = 0

        init(records: Int) throws {
            dir = try TempDir()
            for root in ["a", "b"] {
                try dir.write(root + "/klaster.yaml", "format: 1\nname: Crash test\n")
                for kind in ["clusters", "members", "agreements", "news"] {
                    try FileManager.default.createDirectory(atPath: dir.path + "/" + root + "/" + kind, withIntermediateDirectories: true)
                }
            }
            for i in 0..<records { try add("a", "shared-\(i)") }
        }

        func token() -> String {
            counter += 1
            return "v\(counter)"
        }

        func path(_ id: String) -> String { "clusters/\(id).yaml" }

        func add(_ side: String, _ id: String) throws {
            try dir.write("\(side)/\(path(id))", "id: \(id)\nname:\n  pl: Klaster \(id)\ncountry: PL\nsources:\n  - url: https://example.org/\(id)\n")
            present.insert(id)
        }

        /// Sets a one-line scalar field of a record in one copy, as a person editing it would.
        func set(_ side: String, _ id: String, _ field: String, _ value: String) throws {
            var lines = try dir.read("\(side)/\(path(id))").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let i = lines.firstIndex(where: { $0.hasPrefix(field + ": ") }) {
                lines[i] = "\(field): \(value)"
            } else {
                let at = lines.firstIndex(of: "country: PL")! + 1
                lines.insert("\(field): \(value)", at: at)
            }
            try dir.write("\(side)/\(path(id))", lines.joined(separator: "\n"))
        }

        /// A round of edits on both copies that do not conflict.
        func edit(round: Int, random: inout SeededGenerator) throws {
            let shared = present.filter { $0.hasPrefix("shared-") }.sorted()
            let forA = shared[Int(random.next() % UInt64(shared.count))]
            let value = token()
            try set("a", forA, "city", value)
            city[forA] = value
            let forB = shared[Int(random.next() % UInt64(shared.count))]
            let short = token()
            try set("b", forB, "short_name", short)
            shortName[forB] = short
            if random.next() % 3 == 0 { try add("a", "a-\(round)") }
            if random.next() % 3 == 0 { try add("b", "b-\(round)") }
            if random.next() % 4 == 0, let gone = present.filter({ $0.hasPrefix("b-") }).sorted().first {
                try FileManager.default.removeItem(atPath: b + "/" + path(gone))
                present.remove(gone)
                deleted.insert(gone)
            }
        }

        func records(_ root: String) throws -> [String: String] {
            var out: [String: String] = [:]
            for kind in ["clusters", "members", "agreements", "news"] {
                for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + kind) where !name.hasPrefix(".") {
                    out[kind + "/" + name] = try String(contentsOfFile: root + "/" + kind + "/" + name, encoding: .utf8)
                }
            }
            return out
        }

        /// The copies are identical and hold every edit; nothing is torn or left behind.
        func check(validate: Bool) throws {
            let ra = try records(a)
            let rb = try records(b)
            #expect(ra == rb, "the copies differ: \(Set(ra.keys).symmetricDifference(rb.keys)) \(ra.filter { rb[$0.key] != $0.value }.keys.sorted())")
            #expect(Set(ra.keys) == Set(present.map(path)))
            for (id, value) in city { #expect(ra[path(id)]?.contains("city: \(value)\n") == true, "city \(value) of \(id) lost") }
            for (id, value) in shortName { #expect(ra[path(id)]?.contains("short_name: \(value)\n") == true, "short_name \(value) of \(id) lost") }
            for id in deleted { #expect(ra[path(id)] == nil) }
            for text in ra.values { #expect(text.hasSuffix("\n") && text.hasPrefix("id: "), "torn file: \(text)") }
            for root in [a, b] {
                let litter = try FileManager.default.contentsOfDirectory(atPath: root + "/clusters").filter { $0.hasPrefix(".") }
                #expect(litter.isEmpty, "\(litter)")
            }
            for root in [a, b] { try checkObjects(root) }
            if validate {
                for root in [a, b] {
                    let result = try CLIRunner.run(["validate", "--store", root])
                    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
                }
            }
        }

        /// Every version a base of the copy refers to is in its object store: pruning never
        /// takes one a base still needs, whenever the sync before was killed.
        func checkObjects(_ root: String) throws {
            let peers = root + "/.klaster/peers"
            var referenced: Set<String> = []
            for peer in try FileManager.default.contentsOfDirectory(atPath: peers) {
                let text = try String(contentsOfFile: peers + "/" + peer + "/base", encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let fields = line.split(separator: " ").map(String.init)
                    if fields.first == "record" { referenced.insert(fields[1]) }
                    if fields.first == "pending", fields[4] != "-" { referenced.insert(fields[4]) }
                }
            }
            var stored: Set<String> = []
            let objects = root + "/.klaster/objects"
            for sub in try FileManager.default.contentsOfDirectory(atPath: objects) {
                for name in try FileManager.default.contentsOfDirectory(atPath: objects + "/" + sub) where !name.hasPrefix(".") {
                    stored.insert(name)
                }
            }
            #expect(referenced.subtracting(stored).isEmpty, "objects missing in \(root): \(referenced.subtracting(stored).sorted())")
            // Objects are written in place (their name is their hash): one a killed sync left
            // short must never be what a base refers to.
            for hash in referenced.intersection(stored) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: objects + "/" + hash.prefix(2) + "/" + hash))
                #expect(SHA256.hex(bytes) == hash, "object \(hash) in \(root) is torn")
            }
        }

        func sync(environment: [String: String] = [:]) throws -> CLIRunner.Output {
            try CLIRunner.run(["sync", b, "--store", a], environment: environment)
        }
    }

    @Test func interruptedSyncsAreFinishedByTheNext() throws {
        let pair = try Pair(records: 12)
        #expect(try pair.sync().status == 0)
        try pair.check(validate: true)
        var random = SeededGenerator(seed: 8)
        var finished = 0
        for round in 0..<60 {
            try pair.edit(round: round, random: &random)
            let k = 1 + Int(random.next() % 9)
            let crashed = try pair.sync(environment: ["KLASTER_TEST_CRASH_AFTER_WRITES": "\(k)"])
            #expect(crashed.status == 137 || crashed.status == 0, "\(crashed.stderr)")
            if crashed.status == 0 { finished += 1 }
            let fresh = try pair.sync()
            #expect(fresh.status == 0, "round \(round): \(fresh.stdout)\(fresh.stderr)")
            try pair.check(validate: round % 15 == 14)
        }
        #expect(finished < 60, "the crash points should fall inside the sync")
    }

    /// A conflict interrupted at each write: the next sync reports it (exit 1), the other copy
    /// keeps its version, and once resolved here it goes to the other copy with no new conflict.
    @Test func interruptedConflictsAreNotedAndResolvable() throws {
        for k in 1...4 {
            let pair = try Pair(records: 3)
            #expect(try pair.sync().status == 0)
            try pair.set("a", "shared-0", "city", "Gliwice")
            try pair.set("b", "shared-0", "city", "Bytom")
            try pair.set("b", "shared-1", "city", "Zabrze")
            let theirs = try pair.dir.read("b/clusters/shared-0.yaml")
            let crashed = try pair.sync(environment: ["KLASTER_TEST_CRASH_AFTER_WRITES": "\(k)"])
            #expect(crashed.status == 137 || crashed.status == 1, "\(crashed.stderr)")
            let fresh = try pair.sync()
            #expect(fresh.status == 1, "k=\(k): \(fresh.stdout)\(fresh.stderr)")
            #expect(try pair.dir.read("a/clusters/shared-0.yaml").contains("<<<<<<<"))
            #expect(try pair.dir.read("b/clusters/shared-0.yaml") == theirs)
            #expect(try pair.dir.read("a/clusters/shared-1.yaml").contains("city: Zabrze"))
            let resolve = try CLIRunner.run(["resolve", "clusters/shared-0", "--ours", "--store", pair.a])
            #expect(resolve.status == 0, "\(resolve.stdout)\(resolve.stderr)")
            let done = try pair.sync()
            #expect(done.status == 0, "k=\(k): \(done.stdout)\(done.stderr)")
            #expect(try pair.dir.read("b/clusters/shared-0.yaml").contains("city: Gliwice"))
            #expect(try pair.records(pair.a) == pair.records(pair.b))
        }
    }

    @Test func killMinus9AtRandomMomentsIsHarmless() throws {
        let pair = try Pair(records: 200)
        #expect(try pair.sync().status == 0)
        var random = SeededGenerator(seed: 9)
        var killed = 0
        for round in 0..<50 {
            try pair.edit(round: round, random: &random)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["sync", pair.b, "--store", pair.a]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.next() % 120_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let fresh = try pair.sync()
            #expect(fresh.status == 0, "round \(round): \(fresh.stdout)\(fresh.stderr)")
            try pair.check(validate: round % 10 == 9)
        }
        #expect(killed > 10, "most runs should be killed before they finish")
    }
}

/// SplitMix64, so a failing run repeats.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
