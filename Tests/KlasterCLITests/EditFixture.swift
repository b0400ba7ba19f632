import Foundation

/// A copy of `samples/` with a commented record added, for the editing commands' tests.
struct EditFixture {
    static let golden = """
        # yaml-language-server: $schema=../schemas/news.schema.json
        # A record for the editing tests: comments everywhere.
        id: golden
        title: Klastry na Śląsku   # the title as printed
        lang: pl
        published: "2015-06-24"

        # Who the news is about.
        about:
          - cluster:okip   # the umbrella
          - member:rudzki-inkubator-przedsiebiorczosci
        tags: [ict, multimedia]
        people:
          - id: bogdan-wegrzynek
            name: Bogdan Węgrzynek # spelled as on the site
            positions:
              - role: president
                organisation: cluster:okip
        # Trailing note about the record.

        """

    let dir: TempDir
    var store: String { dir.path + "/s" }

    init() throws {
        dir = try TempDir()
        try dir.copy(packageFolder: "samples", to: "s")
        try dir.write("s/news/golden.yaml", Self.golden)
    }

    func read(_ relative: String) throws -> String { try dir.read("s/" + relative) }

    func write(_ relative: String, _ text: String) throws { try dir.write("s/" + relative, text) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: store + "/" + relative) }

    /// Runs `klaster` with `--store` pointing at the fixture.
    func klaster(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments + ["--store", store], environment: environment)
    }

    /// Every record file's bytes, by path relative to the store.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for kind in ["clusters", "members", "agreements", "news"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: store + "/" + kind) {
                files[kind + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: store + "/" + kind + "/" + name))
            }
        }
        return files
    }
}
