import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time: a second writer is turned away at once with exit status 2, a lock
/// left by a killed process is taken over, and writers racing each other never lose an edit.
@Suite struct StoreLockTests {
    /// A Python process that holds the store's lock (flock, with its pid in the file) until killed.
    private final class LockHolder {
        let process = Process()

        init(store: String) throws {
            let script = """
                import fcntl, os, sys, time
                os.makedirs(sys.argv[1] + "/.klaster", exist_ok=True)
                fd = os.open(sys.argv[1] + "/.klaster/lock", os.O_RDWR | os.O_CREAT, 0o644)
                fcntl.flock(fd, fcntl.LOCK_EX)
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\\n".encode())
                print("locked", flush=True)
                time.sleep(60)
                """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, store]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let line = out.fileHandleForReading.availableData
            guard String(decoding: line, as: UTF8.self).hasPrefix("locked") else {
                throw CocoaError(.fileLocking)
            }
        }

        var pid: Int32 { process.processIdentifier }

        func kill9() {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }

        deinit {
            if process.isRunning { kill9() }
        }
    }

    @Test func aSecondWriterIsTurnedAwayAtOnce() throws {
        let store = try EditFixture()
        let holder = try LockHolder(store: store.store)
        let before = try store.snapshot()
        let started = Date()
        let result = try store.klaster(["set", "news/golden", "title=Inny"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("klaster: error: the store is locked by process \(holder.pid)"))
        #expect(elapsed < 5, "a locked store must not make the writer wait")
        #expect(try store.snapshot() == before)
        for arguments in [["new", "news", "x", "title=x", "lang=pl"], ["rm", "news/golden"], ["mv", "news/golden", "g"], ["fmt"]] {
            let refused = try store.klaster(arguments)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderr.hasPrefix("klaster: error: the store is locked by process \(holder.pid)"), "\(arguments)")
        }
        // Readers are not writers: they go ahead.
        #expect(try store.klaster(["validate"]).status == 0)
        #expect(try store.klaster(["fmt", "--check", store.store + "/news/golden.yaml"]).status == 1)
        holder.kill9()
        // The killed holder's lock (its pid still in the file) is stale: the next writer takes it.
        let after = try store.klaster(["set", "news/golden", "title=Inny"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try store.read("news/golden.yaml").contains("\ntitle: Inny   # the title as printed\n"))
    }

    @Test func aLockFileWithoutAHolderIsNoObstacle() throws {
        let store = try EditFixture()
        try store.write(".klaster/lock", "999999\n")
        let result = try store.klaster(["set", "news/golden", "lang=en"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func racingWritersEachSucceedOrAreTurnedAwayAndNoEditIsLost() throws {
        let store = try EditFixture()
        let count = 6
        var processes: [(Process, Pipe)] = []
        for i in 0..<count {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["set", "news/golden", "tags+=t\(i)", "--store", store.store]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            processes.append((process, err))
        }
        for (process, _) in processes { try process.run() }
        var succeeded: [Int] = []
        for (i, (process, err)) in processes.enumerated() {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                succeeded.append(i)
            } else {
                #expect(process.terminationStatus == 2)
                #expect(message.hasPrefix("klaster: error: the store is locked by process "), "\(message)")
            }
        }
        #expect(!succeeded.isEmpty)
        let text = try store.read("news/golden.yaml")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("tags: ") })
        #expect(line.hasPrefix("tags: [ict, multimedia, t"))
        for i in 0..<count {
            #expect(line.contains("t\(i)") == succeeded.contains(i), "t\(i)")
        }
        #expect(try store.klaster(["validate"]).status == 0)
    }
}
