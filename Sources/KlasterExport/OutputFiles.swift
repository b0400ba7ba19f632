import Foundation
import KlasterStore

/// Where exports write: one file written in place of the old one only when complete, or a
/// folder built beside the target and moved into place at the end, so a failed export never
/// leaves a half-written result, and a new export leaves no stale files of an old one.
public enum OutputFiles {
    /// The file a folder export leaves in its folder, to recognise a folder it may replace.
    public static let marker = ".klaster-export"

    /// Runs `body` with a sink on a temporary file beside `path`, then renames it to `path`.
    public static func writeFile(_ path: String, _ body: (ByteSink) throws(ExportError) -> Void) throws(ExportError) {
        let temp = temporaryName(for: path)
        do {
            let sink = try ByteSink(creating: temp)
            try body(sink)
            try sink.flush()
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temp)
            throw ExportError(.io, "\(path): cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// Checks that `path` may become a folder export: absent, an empty folder, or an earlier
    /// export of the same format (it holds the marker).
    public static func checkFolder(_ path: String, format: String) throws(ExportError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw ExportError(.badOptions, "\(path) exists and is not a folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        let mark = (try? String(contentsOfFile: path + "/" + marker, encoding: .utf8)) ?? ""
        guard mark.hasPrefix("klaster export \(format)") else {
            throw ExportError(
                .badOptions,
                "\(path) is a folder that holds other files; give an empty or new folder (or one an earlier `klaster export \(format)` wrote)"
            )
        }
    }

    /// Builds a folder export: `body` gets a new temporary folder beside `path`; when it returns,
    /// the folder gets the marker and replaces `path`.
    public static func writeFolder(_ path: String, format: String, _ body: (String) throws(ExportError) -> Void) throws(ExportError) {
        try checkFolder(path, format: format)
        let temp = temporaryName(for: path)
        let manager = FileManager.default
        do {
            try makeFolder(temp)
            try body(temp)
            try writeText("klaster export \(format)\n", to: temp + "/" + marker)
        } catch {
            try? manager.removeItem(atPath: temp)
            throw error
        }
        if manager.fileExists(atPath: path) {
            do {
                try manager.removeItem(atPath: path)
            } catch {
                try? manager.removeItem(atPath: temp)
                throw ExportError(.io, "\(path): cannot replace the earlier export: \(error.localizedDescription)")
            }
        }
        guard rename(temp, path) == 0 else {
            try? manager.removeItem(atPath: temp)
            throw ExportError(.io, "\(path): cannot write: \(String(cString: strerror(errno)))")
        }
    }

    public static func makeFolder(_ path: String) throws(ExportError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ExportError(.io, "\(path): cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Creates (or truncates) the file at `path` with `text`, in one write and no buffer of
    /// its own; no `fsync` (a folder export is made visible by one rename at the end).
    public static func writeText(_ text: String, to path: String) throws(ExportError) {
        var text = text
        if let error = text.withUTF8({ write(UnsafeRawBufferPointer($0), to: path) }) { throw error }
    }

    /// ``writeText(_:to:)`` for UTF-8 bytes.
    public static func writeBytes(_ bytes: [UInt8], to path: String) throws(ExportError) {
        if let error = bytes.withUnsafeBytes({ write($0, to: path) }) { throw error }
    }

    /// Writes `bytes` to a new file at `path`; what went wrong, if anything.
    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> ExportError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return ExportError(.io, "\(path): cannot write: \(FileIO.errnoText())") }
        let written = FileIO.writeAll(fd, bytes)
        let failure = written ? nil : FileIO.errnoText()
        let closed = close(fd) == 0
        if let failure { return ExportError(.io, "\(path): cannot write: \(failure)") }
        if !closed { return ExportError(.io, "\(path): cannot write: \(FileIO.errnoText())") }
        return nil
    }

    /// A file's bytes, or `nil` when there is no such file.
    static func readIfPresent(_ path: String) throws(ExportError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError(.io, "\(path): cannot read")
        }
        return [UInt8](data)
    }

    private static func temporaryName(for path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let url = URL(fileURLWithPath: trimmed)
        let folder = url.deletingLastPathComponent().path
        return folder + "/." + url.lastPathComponent + ".klaster-tmp-\(getpid())"
    }
}
