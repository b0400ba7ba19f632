public import KlasterYAML

/// The store's `klaster.yaml`: `format: 1`, a `name`, and optionally the `languages` records are
/// written in.
public struct Manifest: Hashable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    public var name: String
    public var languages: [String]

    public init(format: Int = Manifest.currentFormat, name: String, languages: [String] = []) {
        self.format = format
        self.name = name
        self.languages = languages
    }

    /// Reads a manifest's text; every problem names the file, line and column.
    public init(text: [UInt8], file: String) throws(StoreError) {
        let root: YAMLNode?
        do {
            root = try YAMLParser().parse(text, file: file)
        } catch {
            throw StoreError(.badManifest, error.description)
        }
        guard let root, let map = root.mapping else {
            throw StoreError(.badManifest, "\(file):1:1: error: the manifest must be a mapping with 'format' and 'name'")
        }
        func fail(_ node: YAMLNode, _ message: String) -> StoreError {
            StoreError(.badManifest, "\(file):\(node.span.start.line):\(node.span.start.column): error: \(message)")
        }
        guard let formatNode = map["format"] else { throw fail(root, "the manifest has no 'format' (write 'format: 1')") }
        guard let formatText = formatNode.scalar, formatText.style == .plain, let format = Int(formatText.value) else {
            throw fail(formatNode, "'format' must be a whole number")
        }
        guard format == Manifest.currentFormat else {
            throw fail(formatNode, "this store has format \(format); this klaster reads format \(Manifest.currentFormat)")
        }
        guard let nameNode = map["name"], let name = nameNode.scalar?.value, !name.isEmpty, !nameNode.isNull else {
            throw fail(root, "the manifest has no 'name'")
        }
        var languages: [String] = []
        if let langNode = map["languages"], !langNode.isNull {
            guard let seq = langNode.sequence else { throw fail(langNode, "'languages' must be a list such as [pl, en]") }
            for item in seq.items {
                guard let code = item.scalar?.value, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                    throw fail(item, "'languages' holds two-letter language codes such as pl or en")
                }
                languages.append(code)
            }
        }
        for entry in map.entries {
            guard let key = entry.keyText, ["format", "name", "languages"].contains(key) else {
                throw fail(entry.key, "unknown manifest field '\(entry.keyText ?? "?")' (known: format, name, languages)")
            }
        }
        self.init(format: format, name: name, languages: languages)
    }
}

extension Manifest {
    /// The manifest as YAML text, written through libyaml's emitter.
    public func yamlText() throws(YAMLError) -> String {
        var entries = [
            YAMLMapping.Entry(key: .scalar(YAMLScalar("format")), value: .scalar(YAMLScalar(String(format), tag: "tag:yaml.org,2002:int"))),
            YAMLMapping.Entry(key: .scalar(YAMLScalar("name")), value: .scalar(YAMLScalar(name))),
        ]
        if !languages.isEmpty {
            let items = languages.map { YAMLNode.scalar(YAMLScalar($0)) }
            entries.append(YAMLMapping.Entry(key: .scalar(YAMLScalar("languages")), value: .sequence(YAMLSequence(items, style: .flow))))
        }
        return try YAMLEmitter().emit(.mapping(YAMLMapping(entries)))
    }
}
