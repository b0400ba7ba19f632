import Foundation
import KlasterExport
import KlasterModel
import KlasterStore

/// Files, tools and temporary folders for the exporter tests.
enum ExportTestSupport {
    /// The package's root folder.
    static let packageRoot: String = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.path
    }()

    static var samples: String { packageRoot + "/samples" }

    /// The first executable named `name` on `PATH`.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to its end and collects its output.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// Runs one of the package's `scripts/*.py` with python3.
    static func python(script: String, _ arguments: [String]) throws -> Output {
        guard let python = which("python3") else { throw TestFailure("python3 is not on PATH") }
        return try run(python, [packageRoot + "/scripts/" + script] + arguments)
    }

    /// The sample store, loaded.
    static func loadSamples(kinds: [KlasterModelKind] = KlasterModelKind.allCases) throws -> ExportDataset {
        let store = try Store.open(at: samples)
        return try ExportDataset.load(from: store, kinds: kinds).dataset
    }
}

typealias KlasterModelKind = RecordKind

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A temporary folder removed when the value goes away.
final class TempFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("klaster-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func bytes(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))
    }

    /// A copy of the sample store at `relative`.
    func copySamples(to relative: String = "store") throws -> String {
        let target = path + "/" + relative
        try FileManager.default.copyItem(atPath: ExportTestSupport.samples, toPath: target)
        return target
    }
}
