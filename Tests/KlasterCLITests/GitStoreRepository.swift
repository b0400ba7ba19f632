import Foundation

/// A git repository holding a copy of `samples/` as a store in its `store/` folder, with the
/// merge driver configured by `klaster git-setup` (unless asked not to), and one commit on `main`.
final class GitStoreRepository {
    let dir: TempDir
    var top: String { dir.path }
    var store: String { dir.path + "/store" }

    init(driver: Bool = true, conflictStyle: String? = nil) throws {
        dir = try TempDir()
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@example.invalid")
        try git("config", "user.name", "Test")
        if let conflictStyle { try git("config", "merge.conflictStyle", conflictStyle) }
        try dir.copy(packageFolder: "samples", to: "store")
        if driver {
            let setup = try CLIRunner.run(["git-setup"], in: store)
            guard setup.status == 0 else { throw Failure("git-setup failed: \(setup.stderr)") }
        }
        try git("add", "-A")
        try git("commit", "-q", "-m", "base")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs git in the repository; throws when it fails unless `allowFailure`.
    @discardableResult
    func git(_ arguments: String..., allowFailure: Bool = false) throws -> CLIRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: top)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        let output = CLIRunner.Output(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
        if output.status != 0 && !allowFailure {
            throw Failure("git \(arguments.joined(separator: " ")) failed: \(output.stderr)\(output.stdout)")
        }
        return output
    }

    func read(_ path: String) throws -> String { try dir.read("store/" + path) }

    func write(_ path: String, _ text: String) throws { try dir.write("store/" + path, text) }

    /// Replaces `old` by `new` in a store file; throws when `old` is not there.
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw Failure("\(path) has no '\(old)'") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Commits the changes `body` makes on a new branch `name` made from `main`, then returns to `main`.
    func branch(_ name: String, _ body: () throws -> Void) throws {
        try git("checkout", "-q", "-b", name, "main")
        try body()
        try git("add", "-A")
        try git("commit", "-q", "-m", name)
        try git("checkout", "-q", "main")
    }

    /// Commits the changes `body` makes on `main`.
    func onMain(_ body: () throws -> Void) throws {
        try body()
        try git("add", "-A")
        try git("commit", "-q", "-m", "ours")
    }

    /// `git merge NAME`; its output and status.
    func merge(_ name: String) throws -> CLIRunner.Output {
        try git("merge", "--no-edit", name, allowFailure: true)
    }
}
