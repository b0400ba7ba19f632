import Foundation
import KlasterModel
import KlasterStore
import KlasterYAML
import Testing

/// A temporary folder removed when the value goes away.
final class TempDir {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("klaster-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

@Suite struct StoreTests {
    @Test func locatesByFlagEnvironmentAndParents() throws {
        let dir = try TempDir()
        try dir.write("store/klaster.yaml", "format: 1\nname: Test\n")
        try dir.write("store/members/deep/x.txt", "")
        let root = dir.path + "/store"
        #expect(try StoreLocator.locate(explicit: root, environment: [:], workingDirectory: "/") == root)
        #expect(try StoreLocator.locate(explicit: "store", environment: [:], workingDirectory: dir.path) == root)
        #expect(try StoreLocator.locate(explicit: nil, environment: ["KLASTER_STORE": root], workingDirectory: "/") == root)
        #expect(try StoreLocator.locate(explicit: nil, environment: [:], workingDirectory: root + "/members/deep") == root)
        #expect(throws: StoreError.self) {
            try StoreLocator.locate(explicit: nil, environment: [:], workingDirectory: dir.path)
        }
        let error = #expect(throws: StoreError.self) {
            try StoreLocator.locate(explicit: dir.path, environment: [:], workingDirectory: "/")
        }
        #expect(error?.message.contains("not a Klaster store") == true)
    }

    @Test func readsManifest() throws {
        let dir = try TempDir()
        try dir.write("klaster.yaml", "format: 1\nname: Śląski Klaster\nlanguages: [pl, en]\n")
        let store = try Store.open(at: dir.path)
        #expect(store.manifest == Manifest(name: "Śląski Klaster", languages: ["pl", "en"]))
    }

    @Test(arguments: [
        ("format: 2\nname: x\n", "klaster.yaml:1:9: error: this store has format 2"),
        ("name: x\n", "has no 'format'"),
        ("format: 1\n", "has no 'name'"),
        ("format: 1\nname: x\ncolour: red\n", "klaster.yaml:3:1: error: unknown manifest field 'colour'"),
        ("format: 1\nname: x\nname: y\n", "klaster.yaml:3:1: error: duplicate key 'name'"),
        ("format: 1\nname: x\nlanguages: polish\n", "'languages' must be a list"),
    ])
    func rejectsBadManifest(text: String, expected: String) throws {
        let dir = try TempDir()
        try dir.write("klaster.yaml", text)
        let error = #expect(throws: StoreError.self) { try Store.open(at: dir.path) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func listsRecordsAndStrays() throws {
        let dir = try TempDir()
        try dir.write("klaster.yaml", "format: 1\nname: x\n")
        try dir.write("members/b.yaml", "id: b\n")
        try dir.write("members/a-1.yaml", "id: a-1\n")
        try dir.write("members/Bad_Name.yaml", "")
        try dir.write("members/notes.txt", "")
        try dir.write("members/.swp", "")
        let store = try Store.open(at: dir.path)
        let listing = try store.list(.members)
        #expect(listing.records.map(\.id) == ["a-1", "b"])
        #expect(listing.records.first?.relativePath == "members/a-1.yaml")
        #expect(listing.strays == ["members/Bad_Name.yaml", "members/notes.txt"])
        #expect(try store.list(.news).records.isEmpty)
    }

    @Test(arguments: [
        ("okip", true), ("a-1-b", true), (String(repeating: "a", count: 100), true),
        (String(repeating: "a", count: 101), false), ("", false), ("-a", false), ("a-", false),
        ("a--b", false), ("A", false), ("ą", false), ("a_b", false),
    ])
    func validatesIDs(id: String, valid: Bool) {
        #expect(RecordIDSyntax.isValid(id) == valid)
    }

    @Test func readsAndParsesInParallelInOrder() throws {
        let dir = try TempDir()
        try dir.write("klaster.yaml", "format: 1\nname: x\n")
        for i in 0..<300 { try dir.write("news/n\(i).yaml", "id: n\(i)\ntitle: \(i)\n") }
        try dir.write("news/broken.yaml", "id: [\n")
        let store = try Store.open(at: dir.path)
        let files = try store.recordFiles()
        let titles = store.map(files) { file in
            (try? store.parse(file).get())??.mapping?["title"]?.scalar?.value
        }
        #expect(titles.count == 301)
        #expect(titles[0] == nil)  // broken.yaml sorts first and does not parse
        #expect(Set(titles.compactMap { $0 }) == Set((0..<300).map(String.init)))
        let broken = try store.parse(files[0])
        guard case .failure(let error) = broken else {
            Issue.record("broken.yaml parsed")
            return
        }
        #expect(error.file == "news/broken.yaml")
        #expect(error.line == 2)
    }
}
