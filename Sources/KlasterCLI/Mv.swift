import ArgumentParser
import KlasterEdit
import KlasterModel
import KlasterStore

extension Klaster {
    struct Mv: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mv",
            abstract: "Rename a record and rewrite every reference to it.",
            discussion: """
                Renames the file, changes its id, and rewrites each reference in every record, each \
                rewrite keeping the rest of its file's bytes. All files change together or none \
                does, even if the process is killed halfway: the next command finishes the change.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The record, as KIND/ID.", valueName: "kind/id"))
        var record: String

        @Argument(help: ArgumentHelp("Its new id.", valueName: "new-id"))
        var newID: String

        func run() throws {
            let editor = try storeOptions.openForWriting()
            let file = try RecordArgument(record).existingFile(in: editor.store)
            let result = try editing { try editor.move(file, to: newID) }
            if !result.problems.isEmpty { throw refuse(result.problems, "renaming \(file.reference)") }
            if Terminal.isTerminal(.standard), result.written {
                let files = Set(result.referrers.map(\.file)).count
                Output.standard.write("\(file.reference) is now \(file.kind.rawValue)/\(newID); \(result.referrers.count) references rewritten in \(files) files\n")
            }
        }
    }
}
