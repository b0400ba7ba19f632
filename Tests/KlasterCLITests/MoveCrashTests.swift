import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `mv` changes many files all or nothing, also when the process is killed halfway: after any
/// kill, the next command finds the store wholly before or wholly after the rename, and valid.
@Suite struct MoveCrashTests {
    private let move = ["mv", "clusters/okip", "okip-pl"]
    private let back = ["mv", "clusters/okip-pl", "okip"]

    /// The record files, without temporary files (which the next writer removes).
    private func records(_ store: EditFixture) throws -> [String: Data] {
        try store.snapshot().filter { !($0.key.split(separator: "/").last?.hasPrefix(".") ?? false) }
    }

    /// Lets the next command finish what was interrupted, then checks the store is wholly
    /// before or after and valid; puts it back to before. Returns which state it was in.
    private func settle(_ store: EditFixture, before: [String: Data], after: [String: Data]) throws -> Bool {
        let validate = try store.klaster(["validate"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let now = try records(store)
        #expect(now == before || now == after, "the store is between before and after: \(Set(now.keys).symmetricDifference(before.keys))")
        #expect(!FileManager.default.fileExists(atPath: store.store + "/.klaster/journal"))
        if now == after {
            #expect(try store.klaster(back).status == 0)
            #expect(try records(store) == before)
            return true
        }
        return false
    }

    @Test func killedAfterEachStepTheStoreIsWhollyBeforeOrAfter() throws {
        let store = try EditFixture()
        let before = try records(store)
        let reference = try EditFixture()
        #expect(try reference.klaster(move).status == 0)
        let after = try records(reference)
        var finished = 0
        for step in 1...14 {
            let result = try store.klaster(move, environment: ["KLASTER_TEST_CRASH_AFTER_WRITES": "\(step)"])
            #expect(result.status == 137 || result.status == 0, "\(result.stderr)")
            // Killed once the journal is written: the change must come out whole.
            #expect(try settle(store, before: before, after: after), "step \(step)")
            if result.status == 0 { finished += 1 }
        }
        #expect(finished > 0, "the crash points should run past the end of the change")
        // The next writer clears the temporary files killed writes left behind.
        #expect(try store.klaster(["set", "news/golden", "lang=pl"]).status == 0)
        let litter = try store.snapshot().keys.filter { $0.contains(".klaster-tmp-") }
        #expect(litter.isEmpty, "\(litter)")
    }

    @Test func killMinus9AtRandomMomentsLeavesTheStoreWhollyBeforeOrAfter() throws {
        let store = try EditFixture()
        let before = try records(store)
        let reference = try EditFixture()
        #expect(try reference.klaster(move).status == 0)
        let after = try records(reference)
        var generator = SystemRandomNumberGenerator()
        var outcomes = [false: 0, true: 0]
        for round in 0..<24 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = move + ["--store", store.store]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From at once to past the end of a typical run.
            usleep(UInt32.random(in: 0...UInt32(round < 12 ? 60_000 : 250_000), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            outcomes[try settle(store, before: before, after: after), default: 0] += 1
        }
        #expect(outcomes[false, default: 0] + outcomes[true, default: 0] == 24)
    }
}
