import Foundation
import KlasterStore
import Testing

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFiles() throws {
        let dir = try TempDir()
        let path = dir.path + "/a.yaml"
        try AtomicFile.write("one\n", to: path)
        try AtomicFile.write("two — ąę\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two — ąę\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.yaml"])
        try AtomicFile.remove(path)
        try AtomicFile.remove(path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func failsCleanlyInAMissingFolder() throws {
        let dir = try TempDir()
        let error = #expect(throws: StoreError.self) { try AtomicFile.write("x", to: dir.path + "/nope/a.yaml") }
        #expect(error?.message.contains("nope/a.yaml: cannot write") == true)
    }

    @Test func makesNestedFolders() throws {
        let dir = try TempDir()
        try AtomicFile.makeFolder(dir.path + "/a/b/c")
        try AtomicFile.makeFolder(dir.path + "/a/b/c")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.path + "/a/b/c", isDirectory: &isDir) && isDir.boolValue)
    }
}

@Suite struct StoreLockTests {
    @Test func secondWriterIsRefusedWithTheHoldersPID() throws {
        let dir = try TempDir()
        let first = try StoreLock(storeRoot: dir.path)
        let error = #expect(throws: StoreError.self) { try StoreLock(storeRoot: dir.path) }
        #expect(error?.code == .locked)
        #expect(error?.message.hasPrefix("the store is locked by process \(ProcessInfo.processInfo.processIdentifier)") == true)
        _ = first
    }

    @Test func lockIsFreeAfterRelease() throws {
        let dir = try TempDir()
        do { _ = try StoreLock(storeRoot: dir.path) }
        let again = try StoreLock(storeRoot: dir.path)
        #expect(again.path.hasSuffix("/.klaster/lock"))
    }

    @Test func lockLeftByAKilledProcessIsTakenOver() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path + "/.klaster", withIntermediateDirectories: true)
        // One process that takes the lock as klaster does (flock), says so, and is then killed.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import fcntl,os,sys,time\nf=open(sys.argv[1],'w')\nfcntl.flock(f,fcntl.LOCK_EX)\nf.write(str(os.getpid()));f.flush()\nprint('held',flush=True)\ntime.sleep(60)",
            dir.path + "/.klaster/lock",
        ]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += chunk
        }
        #expect(String(decoding: said, as: UTF8.self) == "held\n")
        let error = #expect(throws: StoreError.self) { try StoreLock(storeRoot: dir.path) }
        #expect(error?.message.hasPrefix("the store is locked by process \(holder.processIdentifier)") == true)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let taken = try StoreLock(storeRoot: dir.path)
        #expect(try String(contentsOfFile: taken.path, encoding: .utf8) == "\(ProcessInfo.processInfo.processIdentifier)\n")
    }
}
