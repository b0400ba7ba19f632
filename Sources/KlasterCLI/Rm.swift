import ArgumentParser
import KlasterEdit
import KlasterModel
import KlasterStore

extension Klaster {
    struct Rm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a record; refused while other records refer to it.",
            discussion: """
                While other records refer to it, lists each reference (file:line:column) and exits \
                with status 1, deleting nothing. --force deletes it anyway, leaving those \
                references dangling (listed as warnings).
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The record, as KIND/ID.", valueName: "kind/id"))
        var record: String

        @Flag(help: "Delete even when other records refer to it.")
        var force = false

        func run() throws {
            let editor = try storeOptions.openForWriting()
            let file = try RecordArgument(record).existingFile(in: editor.store)
            let result = try editor.remove(file, force: force)
            let severity = result.written ? "warning" : "note"
            for reference in result.referrers {
                Output.error.write(
                    "\(reference.file.relativePath):\(reference.line):\(reference.column): \(severity): "
                        + "'\(reference.path)' refers to \(file.reference)\n"
                )
            }
            if !result.written {
                let count = result.referrers.count == 1 ? "1 reference" : "\(result.referrers.count) references"
                throw CLIError(
                    "\(file.reference) is still referred to (\(count) above); remove those references first, or use --force",
                    status: 1
                )
            }
        }
    }
}
