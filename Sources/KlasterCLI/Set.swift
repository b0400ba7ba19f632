import ArgumentParser
import KlasterEdit
import KlasterModel
import KlasterStore
import KlasterYAML

extension Klaster {
    struct SetFields: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change fields of a record, keeping every other byte of its file.",
            discussion: """
                FIELD is a dotted path: name.pl, sources[0].url (a list element by index; the next \
                index adds one), memberships[cluster=okip].roles (an element of a keyed list by its \
                key; a new key adds an element). VALUE is read as the schema's type for the field: \
                text stays text (krs=0000012345), numbers and true/false where the field takes them, \
                a list as [a, b]. FIELD+=VALUE adds to a list, FIELD-=VALUE removes from it. \
                The result is validated with the store around it; when it would bring in errors, \
                they are printed, nothing is written, and the exit status is 1.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The record, as KIND/ID.", valueName: "kind/id"))
        var record: String

        @Argument(help: ArgumentHelp("Changes: FIELD=VALUE, FIELD+=VALUE, FIELD-=VALUE.", valueName: "field=value"))
        var changes: [String] = []

        @Option(name: .customLong("unset"), help: ArgumentHelp("Remove a field or list element (repeatable).", valueName: "field"))
        var unset: [String] = []

        func validate() throws {
            if changes.isEmpty && unset.isEmpty {
                throw ValidationError("name at least one change (FIELD=VALUE) or --unset FIELD")
            }
        }

        func run() throws {
            let assignments = try changes.map { try FieldAssignment(parsing: $0) }
            let paths = try unset.map { text in
                guard let path = YAMLPath(parsing: text), !path.isRoot else { throw CLIError("--unset: '\(text)' is not a field path") }
                return path
            }
            let editor = try storeOptions.openForWriting()
            let file = try RecordArgument(record).existingFile(in: editor.store)
            let result = try editing { try editor.set(file, assignments: assignments, unset: paths) }
            if !result.problems.isEmpty { throw refuse(result.problems, "the change to \(file.relativePath)") }
        }
    }
}
