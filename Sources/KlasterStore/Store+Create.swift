import KlasterModel
import KlasterYAML

extension Store {
    /// What `klaster init` wrote, for the message it prints.
    public struct Creation: Sendable {
        public var store: Store
        /// Paths relative to the store root, in the order written.
        public var written: [String]
    }

    /// The lines `.gitattributes` needs so that git merges record files with Klaster's driver.
    public static let gitAttributesLines = RecordKind.allCases.map { "\($0.folder)/*.yaml merge=klaster" }

    /// Makes a new, empty store at `root`: the manifest, the kind folders, `.gitignore` (with
    /// `.klaster/`), `.gitattributes` (routing record files to the `klaster` merge driver) and a
    /// copy of the schemas in `schemas/`. Refuses a folder that already holds a store. Lines are
    /// added to an existing `.gitignore` or `.gitattributes`, never removed.
    public static func create(
        at root: String,
        manifest: Manifest,
        schemas: [(file: String, text: String)]
    ) throws(StoreError) -> Creation {
        try AtomicFile.makeFolder(root)
        let manifestPath = root + "/" + StoreLocator.manifestName
        if (try? FileIO.read(manifestPath, limit: 1 << 20)) != nil {
            throw StoreError(.badArgument, "\(root) is already a Klaster store (it has \(StoreLocator.manifestName))")
        }
        var written: [String] = []
        for kind in RecordKind.allCases {
            try AtomicFile.makeFolder(root + "/" + kind.folder)
        }
        try AtomicFile.makeFolder(root + "/schemas")
        for schema in schemas {
            try AtomicFile.write(schema.text, to: root + "/schemas/" + schema.file)
            written.append("schemas/" + schema.file)
        }
        if try appendMissingLines([Store.stateFolder + "/"], to: root + "/.gitignore") { written.append(".gitignore") }
        let attributes = ["# Record files merge field by field through Klaster's merge driver ('klaster git-setup')."]
            + gitAttributesLines
        if try appendMissingLines(attributes, to: root + "/.gitattributes") { written.append(".gitattributes") }
        let text: String
        do {
            text = try manifest.yamlText()
        } catch {
            throw StoreError(.badArgument, "cannot write the manifest: \(error.message)")
        }
        // The manifest last: until it exists, the folder is not a store.
        try AtomicFile.write(text, to: manifestPath)
        written.insert(StoreLocator.manifestName, at: 0)
        return Creation(store: Store(root: root, manifest: manifest), written: written)
    }

    /// Appends the lines a text file lacks; `true` when it wrote anything.
    package static func appendMissingLines(_ lines: [String], to path: String) throws(StoreError) -> Bool {
        var existing = ""
        if case .bytes(let bytes) = try? FileIO.read(path, limit: 1 << 20) {
            existing = String(decoding: bytes, as: UTF8.self)
        }
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmedOfWhitespace() })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return false }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try AtomicFile.write(text, to: path)
        return true
    }
}
