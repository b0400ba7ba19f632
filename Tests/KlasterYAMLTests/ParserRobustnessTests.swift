import Foundation
import KlasterYAML
import Testing

/// Hostile and broken input: the parser returns or throws a placed error, and never traps.
@Suite struct ParserRobustnessTests {
    @Test func flowNestedHundredThousandDeep() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(rejection(text))
        #expect(error.code == .tooDeep)
        #expect(error.column == 65)
    }

    @Test func flowMappingsNestedHundredThousandDeep() throws {
        let text = String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let error = try #require(rejection(text))
        #expect(error.code == .tooDeep)
    }

    @Test func blockNestedHundredThousandDeep() throws {
        let text = String(repeating: "- ", count: 100_000) + "x\n"
        let error = try #require(rejection(text))
        #expect(error.code == .tooDeep)
        #expect(error.mark == Mark(offset: 128, line: 1, column: 129))
    }

    @Test func billionLaughsRejected() throws {
        let error = try #require(rejection(ParserRejectionTests.billionLaughs))
        #expect(error.code == .aliasExpansion)
    }

    @Test func wideAliasFanOutRejected() throws {
        let text = "a: &a [x, y]\nb: [" + Array(repeating: "*a", count: 20_000).joined(separator: ", ") + "]\n"
        let error = try #require(rejection(text))
        #expect(error.code == .aliasExpansion)
    }

    @Test func manyKeysStayLinear() throws {
        // 200,000 distinct keys: with a linear duplicate scan this would take minutes.
        let text = (0..<200_000).map { "k\($0): v\n" }.joined()
        let root = try #require(try YAMLParser().parse(text))
        #expect(root.mapping?.entries.count == 200_000)
    }

    /// Valid documents to mutate.
    static let seeds: [String] = [
        "name: Śląski Klaster\nkrs: '0000012345'\nmembers:\n  - id: a\n    roles: [lead, \"x\"]\n  - id: b\n",
        "a: &x {k: [1, 2, {z: 3}]}\nb: *x\nc:\n  <<: *x\n  d: |\n    line\n\n    more\n",
        "- >-\n  folded\n  text\n- \"esc \\u00e9 \\x41 \\t\"\n- 'it''s'\n- ? [c, k]\n  : v\n",
        "%YAML 1.1\n---\n# comment\nemoji: 😀 🇵🇱\ndate: 2024-01-15\nempty:\nnull: ~\n...\n",
        "\u{FEFF}k: v\r\nlist:\r\n  - a\r\n  - b\r\n",
    ]

    static let insertions: [[UInt8]] = [
        Array(":".utf8), Array("-".utf8), Array("&a".utf8), Array("*a".utf8), Array("[".utf8), Array("{".utf8),
        Array("\t".utf8), [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], Array("\n".utf8), Array("'".utf8),
        Array("\"".utf8), Array("!!".utf8), Array("<<: ".utf8), Array("|+".utf8), Array(" #".utf8),
        Array("---\n".utf8), Array("\u{FEFF}".utf8), Array("\r".utf8),
    ]

    @Test func randomMutationsNeverTrap() throws {
        var random = SeededGenerator(seed: 0x4B4C_4153_5445_52)
        var accepted = 0
        var rejected = 0
        for round in 0..<4000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where position < bytes.count:
                    bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                case 1:
                    bytes.removeSubrange(position...)
                case 2 where position < bytes.count:
                    bytes.remove(at: position)
                default:
                    bytes.insert(contentsOf: Self.insertions.randomElement(using: &random) ?? [], at: position)
                }
            }
            do {
                _ = try YAMLParser().parse(bytes, file: "m.yaml")
                accepted += 1
            } catch {
                rejected += 1
                let mark = try #require(error.mark, "no mark: \(error)")
                #expect(mark.line >= 1 && mark.column >= 1, "\(error)")
                #expect(mark.offset >= 0 && mark.offset <= bytes.count, "\(error)")
                #expect(mark == expectedMark(bytes, offset: mark.offset) || bytes.contains(0x0D), "\(error)")
            }
        }
        #expect(accepted > 100)
        #expect(rejected > 1000)
    }
}
