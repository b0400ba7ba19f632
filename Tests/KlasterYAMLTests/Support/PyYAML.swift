import Foundation

/// Runs PyYAML (the C loader when built in) on a batch of inputs, for cross-checks against a
/// widely used YAML 1.1 implementation.
enum PyYAML {
    /// For each document, its type after `yaml.load(doc, Loader=CSafeLoader)` ("str", "int",
    /// "bool", "NoneType", "error" when loading fails) and, for strings, the value.
    struct Reading: Decodable, Equatable {
        var type: String
        var value: String?
    }

    private static let script = """
        import sys, json, yaml
        Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
        docs = json.load(sys.stdin)
        out = []
        for doc in docs:
            try:
                v = yaml.load(doc, Loader=Loader)
                if isinstance(v, dict) and list(v.keys()) == ['v'] and isinstance(v['v'], str):
                    v = v['v']
                out.append({'type': type(v).__name__, 'value': v if isinstance(v, str) else None})
            except Exception as e:
                out.append({'type': 'error', 'value': str(e)})
        json.dump(out, sys.stdout)
        """

    /// Loads each document; a document that is a mapping `{v: <string>}` reads as that string.
    static func load(_ documents: [String]) throws -> [Reading] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let payload = try JSONSerialization.data(withJSONObject: documents)
        let writer = Thread {
            input.fileHandleForWriting.write(payload)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PyYAMLFailure(status: process.terminationStatus) }
        return try JSONDecoder().decode([Reading].self, from: data)
    }

    struct PyYAMLFailure: Error {
        var status: Int32
    }
}
