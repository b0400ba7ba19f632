import Foundation
import KlasterYAML
import Testing

/// Building nodes and comparing texts line by line, for the editor's tests.
enum EditorSupport {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The lines that differ between two texts, once their common first and last lines are set
    /// aside: what a line diff shows as removed and added. Lines keep their `\r`.
    static func changedLines(from old: String, to new: String) -> (removed: [String], added: [String]) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        return (Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
    }

    /// For each case, whether PyYAML reads `new` as `old` with the Python statement `change`
    /// applied to it (`d` is the loaded document): an oracle independent of libyaml's reading.
    static func pyYAMLAgrees(_ cases: [(old: String, new: String, change: String)]) throws -> [String] {
        let script = """
            import sys, json, yaml
            Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
            out = []
            for case in json.load(sys.stdin):
                try:
                    d = yaml.load(case['old'], Loader=Loader)
                    scope = {'d': d}
                    exec(case['change'], scope)
                    got = yaml.load(case['new'], Loader=Loader)
                    out.append('ok' if got == scope['d'] else 'differs: %r != %r' % (got, scope['d']))
                except Exception as e:
                    out.append('error: %s' % e)
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let payload = try JSONSerialization.data(withJSONObject: cases.map { ["old": $0.old, "new": $0.new, "change": $0.change] })
        let writer = Thread {
            input.fileHandleForWriting.write(payload)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String].self, from: data)
    }
}

extension YAMLNode {
    static func str(_ text: String) -> YAMLNode { .scalar(YAMLScalar(text)) }

    static func int(_ value: Int) -> YAMLNode { .scalar(YAMLScalar(String(value), tag: "tag:yaml.org,2002:int")) }

    static func seq(_ items: [YAMLNode], flow: Bool = false) -> YAMLNode {
        .sequence(YAMLSequence(items, style: flow ? .flow : .block))
    }

    static func map(_ entries: KeyValuePairs<String, YAMLNode>, flow: Bool = false) -> YAMLNode {
        .mapping(YAMLMapping(entries.map { YAMLMapping.Entry(key: .str($0.key), value: $0.value) }, style: flow ? .flow : .block))
    }
}
