import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exporter that is a program: `klaster-export-NAME`, found in the store's `exporters/`
/// folder or on `PATH`.
///
/// It gets the JSON export (as ``JSONExporter`` writes it) on stdin and one argument, the
/// `--out` value (`-` when none was given); its stdout and stderr are the caller's, the
/// environment has `KLASTER_STORE` set to the store's folder. A status other than 0 is
/// reported as ``ExportError/Code/pluginFailed`` with that status, for the CLI to pass on.
public struct PluginExporter: Exporter {
    /// The prefix of a plugin program's file name.
    public static let prefix = "klaster-export-"

    public let name: String
    /// The program's absolute path.
    public let path: String
    /// The store's folder, given to the program as `KLASTER_STORE`.
    public let storeRoot: String?

    public init(name: String, path: String, storeRoot: String? = nil) {
        self.name = name
        self.path = path
        self.storeRoot = storeRoot
    }

    public var summary: String { "plugin \(path)" }
    public var output: ExportOutput { .file }

    public func export(_ dataset: ExportDataset, options: ExportOptions) throws(ExportError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [options.out ?? "-"]
        var environment = ProcessInfo.processInfo.environment
        if let storeRoot { environment["KLASTER_STORE"] = storeRoot }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        // A plugin that stops reading must not kill Klaster: writes then fail with EPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw ExportError(.plugin, "\(path): cannot run: \(error.localizedDescription)")
        }
        let descriptor = input.fileHandleForWriting.fileDescriptor
        let sink = ByteSink(descriptor: descriptor, name: "\(path) (stdin)")
        var writeError: ExportError?
        do {
            try JSONExporter.write(dataset, to: sink, progress: options.progress)
            try sink.flush()
        } catch {
            writeError = error
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            throw ExportError(.pluginFailed, "exporter \(name) (\(path)) was killed by signal \(status)", status: 2)
        }
        if status != 0 {
            throw ExportError(.pluginFailed, "exporter \(name) (\(path)) exited with status \(status)", status: status)
        }
        // A plugin that exits 0 without reading all of its input has chosen to; anything else
        // going wrong while writing to it is an error.
        if let writeError, !writeError.message.contains("Broken pipe") { throw writeError }
    }

    /// The plugin programs in `folders`, first folder first: executable files named
    /// `klaster-export-NAME`; a name found twice keeps its first program.
    public static func discover(in folders: [String], storeRoot: String? = nil) -> [PluginExporter] {
        var found: [PluginExporter] = []
        var seen: Set<String> = []
        let manager = FileManager.default
        for folder in folders where !folder.isEmpty {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for file in names.sorted() where file.hasPrefix(prefix) && file.count > prefix.count {
                let path = (folder.hasSuffix("/") ? folder : folder + "/") + file
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                    manager.isExecutableFile(atPath: path)
                else { continue }
                let name = String(file.dropFirst(prefix.count))
                if seen.insert(name).inserted {
                    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                    found.append(PluginExporter(name: name, path: absolute, storeRoot: storeRoot))
                }
            }
        }
        return found
    }

    /// The folders plugins are looked for in: the store's `exporters/`, then `path` (a `PATH`
    /// value; the process's own when `nil`).
    public static func searchFolders(storeRoot: String?, path: String? = nil) -> [String] {
        var folders: [String] = []
        if let storeRoot { folders.append(storeRoot + "/exporters") }
        let search = path ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        folders += search.split(separator: ":").map(String.init)
        return folders
    }
}
