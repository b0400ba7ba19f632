import Foundation
@testable import KlasterYAML
import Testing

/// The decoder reads ordinary files straight from libyaml's events and leaves the rest to the
/// parser's tree. Both roads must give the same values, the same coding paths and the same
/// errors, at the same places: checked on the parser's differential corpus, on random mutations
/// of it, and on documents made to leave the fast path.
@Suite struct DecoderFastPathTests {
    /// Any YAML value, decoded through the public `Decoder` API only, remembering the coding
    /// path each node was decoded under.
    indirect enum Value: Decodable, Equatable {
        case map(path: String, [Pair])
        case list(path: String, [Value])
        case null(path: String)
        case bool(Bool)
        case int(Int)
        case double(String)
        case string(String)

        struct Pair: Equatable {
            var key: String
            var value: Value
        }

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let path = YAMLPath(decoder.codingPath.map { $0.intValue.map(YAMLPath.Component.index) ?? .key($0.stringValue) }).description
            if let map = try? decoder.container(keyedBy: AnyKey.self) {
                self = .map(path: path, try map.allKeys.map { Pair(key: $0.stringValue, value: try map.decode(Value.self, forKey: $0)) })
                return
            }
            if var list = try? decoder.unkeyedContainer() {
                var items: [Value] = []
                while !list.isAtEnd { items.append(try list.decode(Value.self)) }
                self = .list(path: path, items)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null(path: path)
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Int.self) {
                self = .int(value)
            } else if let value = try? single.decode(Double.self) {
                self = .double(value.isNaN ? "nan" : "\(value)")
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// A shape most documents do not have, so that decoding fails somewhere inside them.
    struct Strict: Decodable {
        var name: String
        var items: [Int]
    }

    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case error(YAMLError)
    }

    /// Decoding by the fast path (from the bytes) and by the tree (parsed first).
    static func bothWays<T: Decodable & Equatable>(_ type: T.Type, _ text: String) -> (fast: Outcome<T>, tree: Outcome<T>) {
        bothWays(type, bytes: Array(text.utf8))
    }

    static func bothWays<T: Decodable & Equatable>(_ type: T.Type, bytes: [UInt8]) -> (fast: Outcome<T>, tree: Outcome<T>) {
        let decoder = YAMLDecoder()
        let fast: Outcome<T>
        do { fast = .value(try decoder.decode(T.self, from: bytes, file: "f.yaml")) } catch { fast = .error(error) }
        let tree: Outcome<T>
        do {
            let root = try YAMLParser().parse(bytes, file: "f.yaml")
                ?? .scalar(YAMLScalar("", span: Span(start: Mark(offset: 0, line: 1, column: 1), end: Mark(offset: 0, line: 1, column: 1))))
            tree = .value(try decoder.decode(T.self, from: root, file: "f.yaml"))
        } catch {
            tree = .error(error)
        }
        return (fast, tree)
    }

    static func takesFastPath(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { FlatBuilder.build($0, limits: .default) != nil }
    }

    @Test func corpusDecodesTheSameBothWays() throws {
        let corpus = try ParserDifferentialTests.corpus()
        var fast = 0
        for (name, text) in corpus {
            let values = Self.bothWays(Value.self, text)
            #expect(values.fast == values.tree, "\(name):\n\(text)")
            let strict = Self.bothWays(StrictValue.self, text)
            #expect(strict.fast == strict.tree, "\(name):\n\(text)")
            if Self.takesFastPath(text) { fast += 1 }
        }
        // The generator writes non-ASCII keys into most documents, and merges and complex keys
        // into some: those go through the tree; still, many documents take the fast path.
        #expect(fast >= 50)
        #expect(fast < corpus.count)
    }

    /// Record files are the ordinary case: every sample takes the fast path.
    @Test func everySampleRecordTakesTheFastPath() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../samples").standardizedFileURL
        var count = 0
        for kind in ["clusters", "members", "agreements", "news"] {
            let folder = samples.appendingPathComponent(kind)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                #expect(Self.takesFastPath(text), "\(kind)/\(name)")
                let values = Self.bothWays(Value.self, text)
                #expect(values.fast == values.tree, "\(kind)/\(name)")
                count += 1
            }
        }
        #expect(count >= 20)
    }

    @Test func mutationsDecodeOrFailTheSameBothWays() throws {
        let seeds = try ParserDifferentialTests.corpus().prefix(60).map { Array($0.text.utf8) } + ParserRobustnessTests.seeds.map { Array($0.utf8) }
        var random = SeededGenerator(seed: 0x4641_5354)
        var failures = 0
        for round in 0..<1500 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                if Bool.random(using: &random), position < bytes.count {
                    bytes.remove(at: position)
                } else {
                    bytes.insert(contentsOf: ParserRobustnessTests.insertions.randomElement(using: &random) ?? [], at: position)
                }
            }
            // Invalid UTF-8 cannot be a Swift string; decode the bytes as they are.
            let (fast, tree) = Self.bothWays(Value.self, bytes: bytes)
            #expect(fast == tree, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if case .error = fast { failures += 1 }
        }
        #expect(failures > 100)
    }

    /// Documents the fast path leaves to the parser, and what each must still give.
    @Test(arguments: [
        "a: &x {k: 1}\nb:\n  <<: *x\n  m: 2\n",  // merge key
        "? [a, b]\n: v\n",  // a key that is a list
        "é: 1\ne\u{301}: 2\n",  // keys equal only by canonical equivalence: a duplicate
        "a: 1\na: 2\n",  // duplicate key
        (0..<40).map { "k\($0): \($0)\n" }.joined(),  // a large mapping
        "x: !custom 1\n",  // forbidden tag
        "a: 1\n---\nb: 2\n",  // two documents
        "a: *nope\n",  // unknown alias
    ])
    func leftToTheParser(_ text: String) {
        #expect(!Self.takesFastPath(text))
        let values = Self.bothWays(Value.self, text)
        #expect(values.fast == values.tree)
    }

    @Test func aliasesAreCopiedWithTheirAnchorsPlaces() throws {
        let text = "base: &b\n  name: x\n  items: [1, 2]\ncopy: *b\nlist: [*b, *b]\n"
        #expect(Self.takesFastPath(text))
        let values = Self.bothWays(Value.self, text)
        #expect(values.fast == values.tree)
        struct Holder: Decodable { var copy: [String: [Int]] }
        let error = try #require(throws: YAMLError.self) { try YAMLDecoder().decode(Holder.self, from: text) }
        #expect(error.path == "copy.name")
        #expect(error.mark?.line == 2 && error.mark?.column == 9)
    }

    /// ``Strict`` as an `Equatable` outcome.
    struct StrictValue: Decodable, Equatable {
        var name: String
        var items: [Int]
        init(from decoder: any Decoder) throws {
            let strict = try Strict(from: decoder)
            name = strict.name
            items = strict.items
        }
    }
}
