import Foundation
import KlasterValidation
import Testing

/// Runs `Fixtures/differential.py`: Python's `jsonschema` (Draft202012Validator with its format
/// checker) on JSON instances, as the reference verdicts for differential tests.
enum PythonOracle {
    struct Result {
        var valid: Bool
        /// JSON Pointers of the top-level errors' instance locations.
        var pointers: Set<String>
    }

    static func validate(schema: JSONValue, instances: [JSONValue]) throws -> (uriChecked: Bool, results: [Result]) {
        let python = try #require(Self.python(), "python3 is not on PATH")
        let request = JSONValue.object(JSONObject([("schema", schema), ("instances", .array(instances))]))
        let script = try Support.fixtures.appendingPathComponent("differential.py")
        let output = try Self.run(python, [script.path], input: request.jsonText())
        let response = try #require(try JSONReader().read(output).objectValue)
        let results = try #require(response["results"]?.arrayValue).map { result in
            let object = result.objectValue
            return Result(
                valid: object?["valid"] == .bool(true),
                pointers: Set((object?["pointers"]?.arrayValue ?? []).compactMap(\.stringValue))
            )
        }
        return (response["uri_checked"] == .bool(true), results)
    }

    /// Runs a Python program given as text, with `input` on its standard input.
    static func runScript(_ script: String, input: String) throws -> String {
        let python = try #require(Self.python(), "python3 is not on PATH")
        return try run(python, ["-c", script], input: input)
    }

    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func run(_ executable: URL, _ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonFailure(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }
}
