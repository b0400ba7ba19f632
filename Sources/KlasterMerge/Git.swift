import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git` for the few things the merge driver and conflict commands need from it.
public struct Git: Sendable {
    /// The folder git runs in.
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Git's output and exit status; `nil` when git cannot be run at all.
    ///
    /// Spawned with `posix_spawnp` and reaped with `waitpid`: Foundation's `Process` waits for a
    /// child by polling its run loop, which costs tens of milliseconds a call, too much for a
    /// merge driver git runs once per file.
    public func run(_ arguments: [String]) -> (status: Int32, output: [UInt8])? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = ["git", "-C", directory] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, &cArguments, environ)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            return nil
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(pipe[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }

    /// Git's output as text when it succeeds, without the final line break.
    public func text(_ arguments: [String]) -> String? {
        guard let result = run(arguments), result.status == 0 else { return nil }
        var text = String(decoding: result.output, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The work tree's top folder, when `directory` is inside one.
    public var topLevel: String? { text(["rev-parse", "--show-toplevel"]) }

    /// `git config --get KEY`.
    public func config(_ key: String) -> String? { text(["config", "--get", key]) }

    /// The commit being merged in: from the `GITHEAD_<sha>` variable `git merge` sets for merge
    /// drivers, else `MERGE_HEAD`, `CHERRY_PICK_HEAD`, `REVERT_HEAD` or `REBASE_HEAD`.
    public func otherHead(environment: [String: String]? = nil) -> String? {
        let environment = environment ?? ProcessInfo.processInfo.environment
        for key in environment.keys.sorted() where key.hasPrefix("GITHEAD_") {
            let sha = String(key.dropFirst("GITHEAD_".count))
            if sha.count >= 40, sha.allSatisfy(\.isHexDigit) { return sha }
        }
        for head in ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD"] {
            if let sha = text(["rev-parse", "-q", "--verify", head]) { return sha }
        }
        return nil
    }

    /// True when `commit` has a file at `path` (relative to the top folder).
    public func exists(_ path: String, in commit: String) -> Bool {
        run(["cat-file", "-e", "\(commit):\(path)"])?.status == 0
    }

    /// One stage of an unmerged path in the index (1 base, 2 ours, 3 theirs); `nil` when the
    /// index has no such stage.
    public func stage(_ number: Int, of path: String) -> [UInt8]? {
        guard let result = run(["show", ":\(number):\(path)"]), result.status == 0 else { return nil }
        return result.output
    }

    /// The unmerged paths under `prefix` (relative to the top folder), with the stages each has.
    public func unmerged(under prefix: String = "") -> [String: Set<Int>] {
        var args = ["ls-files", "-u", "-z"]
        if !prefix.isEmpty { args += ["--", prefix] }
        guard let result = run(args), result.status == 0 else { return [:] }
        var out: [String: Set<Int>] = [:]
        for entry in result.output.split(separator: 0) {
            // "<mode> <sha> <stage>\t<path>"
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let head = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard head.count == 3, let stage = Int(head[2]) else { continue }
            out[path, default: []].insert(stage)
        }
        return out
    }
}
