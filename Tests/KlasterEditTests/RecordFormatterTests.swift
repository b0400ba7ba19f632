import KlasterEdit
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML
import Testing

@Suite struct RecordFormatterTests {
    /// The comment texts of a file, in order (`# ...` to the end of the line, outside quotes).
    private func comments(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let hash = line.firstRange(of: " #") ?? (line.hasPrefix("#") ? line.startIndex..<line.startIndex : nil) else { return nil }
            let start = line.hasPrefix("#") ? line.startIndex : line.index(after: hash.lowerBound)
            return String(line[start...])
        }
    }

    @Test(arguments: Samples.records.indices)
    func formattingSamplesIsIdempotentAndKeepsContentAndComments(_ index: Int) throws {
        let record = Samples.records[index]
        let schemas = try #require(Samples.schemas[record.file.kind])
        let formatter = RecordFormatter(schemas: schemas)
        let once = try formatter.format(record.text, file: record.file.relativePath)
        let twice = try formatter.format(once, file: record.file.relativePath)
        #expect(once == twice, "fmt twice must equal fmt once")
        #expect(once.hasSuffix("\n") && !once.hasSuffix("\n\n"))
        let schema = schemas.schemas[0]
        let before = try #require(try YAMLParser().parse(record.text))
        let after = try #require(try YAMLParser().parse(once))
        #expect(schema.jsonValue(of: before).objectValue.map(Self.sortedKeys) == schema.jsonValue(of: after).objectValue.map(Self.sortedKeys))
        #expect(Set(comments(record.text)) == Set(comments(once)), "every comment kept")
        #expect(once.hasPrefix("# yaml-language-server: $schema=../schemas/\(record.file.kind.rawValue).schema.json\n"))
        #expect(schema.validate(after).isEmpty)
    }

    @Test func ordersKeysBySchemaAndQuotesAmbiguousText() throws {
        let schemas = try #require(Samples.schemas[.members])
        let text = "country: NO\nname:\n  pl: X\nid: m\norg_type: company\nsources:\n- {news: a}\n"
        let once = try RecordFormatter(schemas: schemas).format(text)
        #expect(once == "id: m\nname:\n  pl: X\norg_type: company\ncountry: \"NO\"\nsources:\n  - news: a\n")
    }

    @Test func commentsFollowTheirFieldsWhenKeysMove() throws {
        let schemas = try #require(Samples.schemas[.news])
        let text = """
            # head
            lang: pl # eol on lang

            # above title
            # second line
            title: T
            id: nx
            # tail

            """
        let once = try RecordFormatter(schemas: schemas).format(text)
        #expect(once == "# head\nid: nx\n\n# above title\n# second line\ntitle: T\nlang: pl # eol on lang\n# tail\n")
    }

    @Test func anEmptyDocumentKeepsOnlyItsComments() throws {
        #expect(try RecordFormatter(schemas: nil).format("\n# only a note\n\n") == "# only a note\n")
        #expect(try RecordFormatter(schemas: nil).format("") == "")
    }

    private static func sortedKeys(_ object: JSONObject) -> [String: String] {
        Dictionary(object.entries.map { ($0.key, $0.value.jsonText()) }, uniquingKeysWith: { a, _ in a })
    }
}

@Suite struct StoreJournalTests {
    @Test func aJournalIsAppliedWhole() throws {
        let store = try TemporaryStore()
        var overlay = StoreOverlay()
        overlay.write(Array("id: a\nx: \"line\\nbreak\"\n".utf8), at: "news/a.yaml")
        overlay.write([], at: "news/empty.yaml")
        overlay.remove("news/old.yaml")
        try store.write("news/old.yaml", "id: old\n")
        var steps: [Int] = []
        try StoreJournal.apply(overlay, to: store.store) { steps.append($0) }
        #expect(steps == [1, 2, 3, 4, 5])
        #expect(try store.read("news/a.yaml") == "id: a\nx: \"line\\nbreak\"\n")
        #expect(try store.read("news/empty.yaml") == "")
        #expect(!store.exists("news/old.yaml"))
        #expect(!StoreJournal.isPending(in: store.store))
    }

    @Test func aLeftoverJournalIsFinishedAndADamagedOneRefused() throws {
        let store = try TemporaryStore()
        try store.write(".klaster/journal", "klaster-journal 1\nwrite 6 news/b.yaml\nid: b\n\nremove news/c.yaml\nend\n")
        try store.write("news/c.yaml", "id: c\n")
        try StoreJournal.recover(in: store.store)
        #expect(try store.read("news/b.yaml") == "id: b\n")
        #expect(!store.exists("news/c.yaml"))
        #expect(!StoreJournal.isPending(in: store.store))
        try store.write(".klaster/journal", "klaster-journal 1\nwrite 60 news/b.yaml\nid: b\n")
        #expect(throws: (any Error).self) { try StoreJournal.recover(in: store.store) }
        try store.write(".klaster/journal", "klaster-journal 1\nremove ../outside.yaml\nend\n")
        #expect(throws: (any Error).self) { try StoreJournal.recover(in: store.store) }
    }
}
