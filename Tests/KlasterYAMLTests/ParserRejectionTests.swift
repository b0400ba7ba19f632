import KlasterYAML
import Testing

/// Every kind of input the contract rejects: the error's code, place and message.
@Suite struct ParserRejectionTests {
    @Test func syntaxError() throws {
        let error = try #require(rejection("name: Klaster\nmembers: [a, b\nkrs: 1\n"))
        #expect(error.code == .syntax)
        #expect(error.line == 3)
        #expect(error.column == 4)
        #expect(error.message.contains("flow sequence"))
        #expect(error.description.hasPrefix("records/x.yaml:3:4: error: "))
        #expect(error.description.hasSuffix("[yaml-syntax]"))
    }

    @Test func badIndentation() throws {
        let error = try #require(rejection("a:\n  b: 1\n c: 2\n"))
        #expect(error.code == .syntax)
        #expect(error.line == 3)
        #expect(error.column == 2)
    }

    @Test func duplicateKeyAtSecondOccurrence() throws {
        let error = try #require(rejection("name: a\nkrs: '1'\nname: b\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.message.contains("'name'"))
        #expect(error.message.contains("line 1"))
    }

    @Test func duplicateKeyNestedAndQuoted() throws {
        let error = try #require(rejection("outer:\n  x: 1\n  y: 2\n  \"x\": 3\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message.contains("line 2"))
    }

    @Test func duplicateKeysCompareAsText() throws {
        // Keys compare as Swift strings: canonically equivalent spellings are one key, also
        // between an ASCII key and a non-ASCII one (KELVIN SIGN is `K`); keys one byte apart
        // and a mapping nested between them are not.
        for (first, second) in [("caf\u{E9}", "cafe\u{301}"), ("K", "\u{212A}"), ("\u{212A}", "K")] {
            let error = try #require(rejection("a: 1\n\(first): 1\nb: {\(second): 2}\n\(second): 3\n"))
            #expect(error.code == .duplicateKey)
            #expect(error.line == 4)
        }
        let distinct = try YAMLParser().parse(Array("ab: 1\nba: 2\nsub: {ab: 1, ba: 2}\nAb: 3\nabc: 4\n".utf8), file: "x.yaml")
        #expect(distinct?.mapping?.entries.count == 5)
    }

    @Test func duplicateKeyInLargeMapping() throws {
        // Past the linear-scan size, the lookup goes through the hashed index.
        var text = (0..<40).map { "key\($0): \($0)\n" }.joined()
        text += "key7: again\n"
        let error = try #require(rejection(text))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 41)
        #expect(error.message.contains("line 8"))
    }

    @Test func duplicateComplexKey() throws {
        let error = try #require(rejection("? [a, b]\n: 1\n? [a, b]\n: 2\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message.contains("line 1"))
    }

    @Test func duplicateAliasKeyReportedWhereWritten() throws {
        let error = try #require(rejection("a: &k x\nm:\n  x: 1\n  *k : 2\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message.contains("line 3"))
    }

    @Test func pythonTag() throws {
        let error = try #require(rejection("name: ok\nrun: !!python/object/apply:os.system [\"ls\"]\n"))
        #expect(error.code == .forbiddenTag)
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message.contains("!!python/object/apply:os.system"))
    }

    @Test func customTag() throws {
        let error = try #require(rejection("- 1\n- !custom {a: 1}\n"))
        #expect(error.code == .forbiddenTag)
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message.contains("!custom"))
    }

    @Test func coreTagsAccepted() throws {
        let text = "a: !!str 1\nb: !!int 2\nc: !!float 3.5\nd: !!bool true\ne: !!null ~\nf: !!seq [x]\ng: !!map {x: 1}\nh: ! z\n"
        let root = try #require(try YAMLParser().parse(text))
        let map = try #require(root.mapping)
        #expect(map["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(map["f"]?.sequence?.tag == "tag:yaml.org,2002:seq")
        #expect(map["h"]?.tag == nil)
    }

    /// Bytes that are not UTF-8, with the offset and column of the first bad byte.
    static let invalidSamples: [(bytes: [UInt8], offset: Int, line: Int, column: Int)] = [
        ([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], 3, 1, 4),  // a lead byte without its continuation
        ([0x61, 0x3A, 0x20, 0xC0, 0xAF, 0x0A], 3, 1, 4),  // an overlong "/"
        ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A], 3, 1, 4),  // a UTF-16 surrogate
        ([0x61, 0x3A, 0x20, 0xC5, 0x9B, 0x0A, 0x62, 0x3A, 0x20, 0xC5, 0x9B, 0xFF, 0x0A], 11, 2, 5),  // 0xFF after "ś"
        ([0x61, 0x3A, 0x20, 0xF0, 0x9F, 0x98], 3, 1, 4),  // an emoji cut short at the end
    ]

    @Test(arguments: 0..<invalidSamples.count)
    func invalidUTF8(_ index: Int) throws {
        let sample = Self.invalidSamples[index]
        let error = try #require(rejection(sample.bytes))
        #expect(error.code == .invalidUTF8)
        #expect(error.mark == Mark(offset: sample.offset, line: sample.line, column: sample.column))
        #expect(error.message.contains("UTF-8"))
    }

    @Test func nulByte() throws {
        let error = try #require(rejection(Array("a: 1\nżb: x".utf8) + [0] + Array("y\n".utf8)))
        #expect(error.code == .nulByte)
        #expect(error.mark == Mark(offset: 11, line: 2, column: 6))
        #expect(error.message.contains("NUL"))
    }

    @Test func secondDocument() throws {
        let error = try #require(rejection("a: 1\n---\nb: 2\n"))
        #expect(error.code == .multipleDocuments)
        #expect(error.line == 2)
        #expect(error.column == 1)
        #expect(error.message.contains("second"))
    }

    @Test func oneDocumentWithMarkersAccepted() throws {
        let root = try YAMLParser().parse("%YAML 1.1\n--- # the record\na: 1\n...\n# end\n")
        #expect(root?.mapping?["a"]?.scalar?.value == "1")
    }

    @Test func nestingPastLimit() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try YAMLParser().parse(deepest) != nil)
        let error = try #require(rejection(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        #expect(error.code == .tooDeep)
        #expect(error.mark == Mark(offset: 64, line: 1, column: 65))
        #expect(error.message.contains("64"))
    }

    @Test func blockNestingPastLimit() throws {
        let text = (0..<70).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        let error = try #require(rejection(text))
        #expect(error.code == .tooDeep)
        #expect(error.line == 65)
        #expect(error.column == 65)
    }

    @Test func billionLaughs() throws {
        let error = try #require(rejection(Self.billionLaughs))
        #expect(error.code == .aliasExpansion)
        #expect(error.line == 5)
        #expect(error.column == 8)
        #expect(error.message.contains("10000"))
    }

    /// Nine levels of nine aliases each: 9^9 nodes once expanded.
    static let billionLaughs: String = {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aliasesWithinLimitAccepted() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        let root = try #require(try YAMLParser().parse(text))
        #expect(root.mapping?["b"]?.sequence?.items.count == 3)
        let limited = try #require(rejection(text, limits: YAMLLimits(maxAliasExpansion: 11)))
        #expect(limited.code == .aliasExpansion)
        #expect(limited.mark == Mark(offset: 28, line: 2, column: 13))
    }

    @Test func undefinedAlias() throws {
        let error = try #require(rejection("a: 1\nb: *nowhere\n"))
        #expect(error.code == .badAlias)
        #expect(error.mark == Mark(offset: 8, line: 2, column: 4))
        #expect(error.message.contains("*nowhere"))
    }

    @Test func recursiveAlias() throws {
        let error = try #require(rejection("a: &x [1, *x]\n"))
        #expect(error.code == .badAlias)
        #expect(error.column == 11)
    }

    @Test func fileOverSizeLimit() throws {
        var bytes = Array("a: ".utf8)
        bytes += [UInt8](repeating: 0x78, count: (8 << 20) - 3)
        #expect(bytes.count == 8 << 20)
        #expect(try YAMLParser().parse(bytes)?.mapping?["a"]?.scalar?.value.utf8.count == (8 << 20) - 3)
        bytes.append(0x0A)
        let error = try #require(rejection(bytes))
        #expect(error.code == .tooLarge)
        #expect(error.mark == Mark(offset: 0, line: 1, column: 1))
        #expect(error.message.contains("8388609"))
    }

    @Test func byteOrderMarkAccepted() throws {
        let text = "\u{FEFF}imię: Łódź\nkrs: '1'\n"
        let root = try #require(try YAMLParser().parse(text))
        let map = try #require(root.mapping)
        #expect(map.span.start == Mark(offset: 3, line: 1, column: 1))
        let name = try #require(map["imię"]?.scalar)
        #expect(name.value == "Łódź")
        #expect(name.span.start == Mark(offset: 10, line: 1, column: 7))
        #expect(name.span.end == Mark(offset: 17, line: 1, column: 11))
        #expect(slice(text, name.span) == "Łódź")
        #expect(map["krs"]?.scalar?.span.start == Mark(offset: 23, line: 2, column: 6))
    }

    @Test func byteOrderMarkThenErrorsCountFromAfterIt() throws {
        let nul = try #require(rejection([0xEF, 0xBB, 0xBF, 0x61, 0x3A, 0x20, 0x00]))
        #expect(nul.mark == Mark(offset: 6, line: 1, column: 4))
        let syntax = try #require(rejection("\u{FEFF}a: [\n"))
        #expect(syntax.code == .syntax)
        #expect(syntax.line == 2)
    }

    @Test func badMergeValue() throws {
        let error = try #require(rejection("a:\n  <<: 5\n  b: 1\n"))
        #expect(error.code == .badAlias)
        #expect(error.mark == Mark(offset: 9, line: 2, column: 7))
        #expect(error.message.contains("<<"))
    }
}
