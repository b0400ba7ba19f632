import ArgumentParser
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

extension Klaster {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print one record, as its YAML file or as JSON typed by the schema."
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case yaml, json
        }

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The record, as KIND/ID (members/rudzki-inkubator-przedsiebiorczosci).", valueName: "kind/id"))
        var record: String

        @Option(help: "Output format: yaml (the file as it is) or json.")
        var format: OutputFormat = .yaml

        func run() throws {
            let store = try storeOptions.open()
            let file = try RecordArgument(record).existingFile(in: store)
            switch format {
            case .yaml:
                guard case .success(let bytes) = try store.read(file) else {
                    throw CLIError("\(file.relativePath): the file is over the size limit")
                }
                Output.standard.write(String(decoding: bytes, as: UTF8.self))
            case .json:
                let root = try store.parse(file).get()
                guard let root else { throw CLIError("\(file.relativePath): the file is empty") }
                let validator = try StoreValidator(store: store)
                guard let schema = validator.schemas[file.kind]?.schemas.first else {
                    throw CLIError("no schema for \(file.kind)")
                }
                Output.standard.write(schema.jsonValue(of: root).prettyJSONText())
            }
        }
    }
}
