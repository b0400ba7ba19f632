import ArgumentParser
import KlasterEdit
import KlasterModel
import KlasterStore

extension Klaster {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a record that validates, with the schema modeline for editors.",
            discussion: """
                Fields are given as FIELD=VALUE, with the paths and typing of 'klaster set' \
                (name.pl=..., sources[0].url=..., roles=[a, b]); the schema's required fields must \
                be among them. Prints the new file's path. Exit status 1, writing nothing, when \
                the record would not validate.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The kind of record: clusters, members, agreements or news.", valueName: "kind"))
        var kind: String

        @Argument(help: ArgumentHelp("The new record's id (its file name): lower-case letters, digits and hyphens.", valueName: "id"))
        var id: String

        @Argument(help: ArgumentHelp("Field values, FIELD=VALUE.", valueName: "field=value"))
        var fields: [String] = []

        func run() throws {
            let kind = try parseKind(kind)
            let assignments = try fields.map { try FieldAssignment(parsing: $0) }
            let editor = try storeOptions.openForWriting()
            let result = try editing { try editor.create(kind: kind, id: id, assignments: assignments) }
            if !result.problems.isEmpty { throw refuse(result.problems, "\(kind.rawValue)/\(id)") }
            Output.standard.write(editor.store.file(kind, id).relativePath + "\n")
        }
    }
}
