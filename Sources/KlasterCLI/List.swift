import ArgumentParser
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

extension Klaster {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the records of one kind, filtered by field values.",
            discussion: """
                Fields are dotted paths (name.pl, address.city, memberships.cluster); a path through \
                a list matches when any element does. --where F=V keeps records whose field F has \
                the text V; repeat it to require several.
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv
        }

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("clusters, members, agreements or news.", valueName: "kind"))
        var kind: String

        @Option(name: .customLong("where"), help: ArgumentHelp("Keep records whose field has this text.", valueName: "field=value"))
        var filters: [String] = []

        @Option(help: ArgumentHelp("The fields to show, comma-separated (default: id and name or title).", valueName: "a,b"))
        var fields: String?

        @Option(help: "Output format: table, json or csv.")
        var format: OutputFormat = .table

        func run() throws {
            let kind = try parseKind(kind)
            let conditions = try filters.map(Condition.init)
            let columns = try (fields.map { $0.split(separator: ",").map(String.init) } ?? Self.defaultFields(kind)).map { name in
                guard let path = YAMLPath(parsing: name.trimmedOfWhitespace()) else { throw CLIError("--fields: '\(name)' is not a field path") }
                return (name: name.trimmedOfWhitespace(), path: path)
            }
            let store = try storeOptions.open()
            let files = try store.list(kind).records
            let trees = store.map(files) { file in (try? store.parse(file).get()) ?? nil }
            let validator = try StoreValidator(store: store)
            let schema = validator.schemas[kind]?.schemas.first
            var rows: [[JSONValue]] = []
            var unreadable = 0
            for tree in trees {
                guard let tree, tree.mapping != nil else {
                    unreadable += 1
                    continue
                }
                guard conditions.allSatisfy({ $0.matches(tree) }) else { continue }
                let typed = schema?.jsonValue(of: tree) ?? tree.coreJSON
                rows.append(columns.map { FieldLookup.value(at: $0.path, in: typed) })
            }
            if unreadable > 0 {
                Output.error.write("klaster: warning: \(unreadable) \(kind.rawValue) files could not be read and are not listed (see 'klaster validate')\n")
            }
            let names = columns.map(\.name)
            switch format {
            case .table: Output.standard.write(TableWriter.table(header: names, rows: rows.map { $0.map(FieldLookup.display) }))
            case .csv: Output.standard.write(TableWriter.csv(header: names, rows: rows.map { $0.map(FieldLookup.display) }))
            case .json:
                let objects = rows.map { row in JSONValue.object(JSONObject(zip(names, row).map { (key: $0, value: $1) })) }
                Output.standard.write(JSONValue.array(objects).prettyJSONText())
            }
        }

        static func defaultFields(_ kind: RecordKind) -> [String] {
            switch kind {
            case .clusters, .members: ["id", "name"]
            case .agreements, .news: ["id", "title"]
            }
        }
    }
}

/// `--where field=value`.
struct Condition {
    var path: YAMLPath
    var value: String

    init(_ text: String) throws {
        guard let eq = text.firstIndex(of: "="), let path = YAMLPath(parsing: String(text[..<eq]).trimmedOfWhitespace()) else {
            throw CLIError("--where '\(text)': write FIELD=VALUE, e.g. --where country=PL")
        }
        self.path = path
        self.value = String(text[text.index(after: eq)...])
    }

    func matches(_ tree: YAMLNode) -> Bool {
        FieldLookup.scalars(at: path.components[...], in: tree).contains(value)
    }
}
