import Foundation
import KlasterExport
import KlasterModel
import KlasterStore
import Mustache
import Testing

/// Exports that read the store a chunk at a time (what `klaster export` does) write the same
/// bytes as exports of the whole store held in memory, for any chunk size; and the site's own
/// HTML escaping is swift-mustache's.
@Suite struct StreamingExportTests {
    /// The samples plus records that make chunk boundaries matter: a member first in id order
    /// whose keyed list is empty (it only becomes a keyed list's table when a later record
    /// fills it), and news that refer to records read in later chunks.
    static func edgeStore(_ dir: TempFolder) throws -> String {
        let root = try dir.copySamples()
        try dir.write(
            "store/members/aaa-empty-memberships.yaml",
            """
            id: aaa-empty-memberships
            name:
              pl: Pusta Sp. z o.o.
            org_type: company
            country: PL
            memberships: []
            people: []

            """
        )
        try dir.write(
            "store/news/000-first.yaml",
            """
            id: 000-first
            title: Pierwsza <b>wiadomość</b> & "cytat"
            lang: pl
            published: "2014-01-02"
            about:
              - member:uniwersytet-slaski-w-katowicach
              - cluster:okip
              - member:aaa-empty-memberships

            """
        )
        return root
    }

    /// Every file under `folder`, by relative path, with its bytes.
    static func tree(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isFolder)
            if !isFolder.boolValue { out[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
        }
        return out
    }

    @Test(arguments: [1, 2, 7])
    func streamingWritesWhatTheWholeDatasetWrites(chunkLimit: Int) throws {
        let dir = try TempFolder()
        let store = try Store.open(at: try Self.edgeStore(dir))
        let whole = try ExportDataset.load(from: store).dataset
        let streamed = try ExportDataset.streaming(from: store, chunkLimit: chunkLimit)
        #expect(streamed.count == whole.count)

        try JSONExporter().export(whole, options: ExportOptions(out: dir.path + "/whole.json"))
        try JSONExporter().export(streamed, options: ExportOptions(out: dir.path + "/streamed.json"))
        #expect(try dir.bytes("whole.json") == dir.bytes("streamed.json"))

        for excel in [false, true] {
            try CSVExporter().export(whole, options: ExportOptions(out: dir.path + "/whole-csv-\(excel)", excel: excel))
            try CSVExporter().export(streamed, options: ExportOptions(out: dir.path + "/streamed-csv-\(excel)", excel: excel))
            let a = try Self.tree(dir.path + "/whole-csv-\(excel)")
            #expect(a.count > 4)
            #expect(a == (try Self.tree(dir.path + "/streamed-csv-\(excel)")))
            // The empty list gives no cell of its own: memberships has its own table.
            let members = try dir.read("streamed-csv-\(excel)/members.csv")
            let header = try #require(members.split(whereSeparator: \.isNewline).first)
            #expect(!header.split(separator: excel ? ";" : ",").contains("memberships"))
        }

        try HTMLExporter().export(whole, options: ExportOptions(out: dir.path + "/whole-site"))
        try HTMLExporter().export(streamed, options: ExportOptions(out: dir.path + "/streamed-site"))
        let site = try Self.tree(dir.path + "/whole-site")
        #expect(site.count > 20)
        #expect(site == (try Self.tree(dir.path + "/streamed-site")))
        // A link made in the first chunk to a record read later is there both ways.
        let member = try dir.read("streamed-site/members/aaa-empty-memberships.html")
        #expect(member.contains("href=\"../news/000-first.html\""))
    }

    @Test func recordTextIsEscapedExactlyAsSwiftMustacheEscapes() throws {
        let dir = try TempFolder()
        _ = try dir.copySamples()
        var random = SplitMix(seed: 7)
        let alphabet = Array("<>&\"'=/ aąbcćeęlłnńoósśzźżAZ09\\`{}#;")
        var titles: [String] = []
        for i in 0..<120 {
            let length = 1 + Int(random.next() % 24)
            var title = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            if title.trimmingCharacters(in: .whitespaces).isEmpty { title = "x" + title }
            titles.append(title)
            let quoted = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
            try dir.write(
                "store/news/t\(i).yaml",
                "id: t\(i)\ntitle: \(quoted)\nlang: pl\npublished: \"2020-01-01\"\n"
            )
        }
        let store = try Store.open(at: dir.path + "/store")
        let dataset = try ExportDataset.streaming(from: store, kinds: [.news], chunkLimit: 16)
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/site"))
        let mustache = try MustacheTemplate(string: "{{t}}")
        for (i, title) in titles.enumerated() {
            let page = try dir.read("site/news/t\(i).html")
            let expected = mustache.render(["t": title])
            #expect(page.contains("<h1>" + expected + "</h1>"), "\(title)")
            #expect(!page.contains("<h1>" + title + "</h1>") || expected == title)
        }
        // A character made of `<` and a combining mark is one that swift-mustache's own escaping
        // leaves as it is; the site escapes its `<` all the same.
        try dir.write("store/news/t0.yaml", "id: t0\ntitle: \"a<\u{301}script>\"\nlang: pl\npublished: \"2020-01-01\"\n")
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/site"))
        #expect(try dir.read("site/news/t0.html").contains("<h1>a&lt;\u{301}script&gt;</h1>"))
    }

    @Test func templatesWrittenForTheEarlierContextsStillWork() throws {
        let dir = try TempFolder()
        let root = try dir.copySamples()
        try dir.write(
            "templates/layout.mustache",
            "<title>{{title}}</title><nav>{{#nav}}<a href=\"{{root}}{{href}}\">{{label}}</a>{{/nav}}</nav>{{{content}}}\n"
        )
        try dir.write(
            "templates/value.mustache",
            "{{#isText}}{{#href}}<a class=\"mine\" href=\"{{href}}\">{{text}}</a>{{/href}}{{^href}}<i>{{text}}</i>{{/href}}{{/isText}}"
                + "{{#isList}}<ol>{{#items}}<li>{{> value}}</li>{{/items}}</ol>{{/isList}}{{#isObject}}{{> fields}}{{/isObject}}"
        )
        let dataset = try ExportDataset.streaming(from: Store.open(at: root))
        try HTMLExporter().export(dataset, options: ExportOptions(out: dir.path + "/site", templateDirectory: dir.path + "/templates"))
        let page = try dir.read("site/clusters/okip.html")
        #expect(page.contains("<nav><a href=\"../index.html\">Overview</a><a href=\"../clusters.html\">Clusters</a>"))
        #expect(page.contains("<a class=\"mine\" href=\"http://www.klasterip.pl\">http://www.klasterip.pl</a>"))
        #expect(page.contains("<ol><li>"))
        #expect(page.contains("<i>"))
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
