import Foundation
import KlasterYAML
import Testing

/// The parser's trees, every scalar taken as a string, equal what PyYAML's C parser composes, on
/// the hand-written fixtures in `Fixtures/yaml-corpus/` and documents from ``CorpusGenerator``.
@Suite struct ParserDifferentialTests {
    static let generatedCount = 240

    static func corpus() throws -> [(name: String, text: String)] {
        let folder = try PyYAMLComposer.fixtures.appendingPathComponent("yaml-corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var documents: [(String, String)] = try files.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return (name, String(decoding: data, as: UTF8.self))
        }
        var generator = CorpusGenerator(seed: 20_261_123)
        for i in 0..<generatedCount {
            documents.append(("generated #\(i)", generator.document()))
        }
        return documents
    }

    @Test(.enabled(if: PyYAMLComposer.isAvailable, "python3 with PyYAML and its C loader (libyaml) is not installed"))
    func treesEqualPyYAML() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count >= 200)
        let outcomes = try PyYAMLComposer.compose(corpus.map(\.text))
        try #require(outcomes.count == corpus.count)
        var compared = 0
        for ((name, text), outcome) in zip(corpus, outcomes) {
            let expected: CanonicalTree?
            switch outcome {
            case .error(let message):
                Issue.record("PyYAML rejects \(name) (\(message)):\n\(text)")
                continue
            case .tree(let tree):
                expected = tree
            }
            do {
                let root = try YAMLParser().parse(text, file: name)
                let actual = root.map(CanonicalTree.init)
                #expect(actual == expected, "\(name) differs:\n\(text)\nKlaster: \(actual.map(\.description) ?? "nil")\nPyYAML:  \(expected.map(\.description) ?? "nil")")
                if let root {
                    let problems = inconsistentSpans(in: root, of: Array(text.utf8))
                    #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
                }
                compared += 1
            } catch {
                Issue.record("Klaster rejects \(name), PyYAML accepts it: \(error)\n\(text)")
            }
        }
        #expect(compared == corpus.count)
    }

    @Test func corpusCoversTheFeatures() throws {
        let texts = try Self.corpus().map(\.text)
        for feature in ["|\n", "|-", "|+", ">\n", ">-", ">+", "|2", "[", "{", "&", "*", "<<:", "\\u", "\\x", "\\t", "? ", "---", "...", "#", "\r\n", "ż", "😀"] {
            #expect(texts.contains { $0.contains(feature) }, "no document has \(feature.debugDescription)")
        }
        #expect(texts.contains { $0.split(separator: "\n").contains { $0.utf8.count > 1000 } })
    }
}
