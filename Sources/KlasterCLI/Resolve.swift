import ArgumentParser
import KlasterMerge
import KlasterModel
import KlasterStore

extension Klaster {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Finish a conflicted record.",
            discussion: """
                --ours or --theirs merges the record again taking that side of every conflicting \
                field (what merged cleanly stays), or that side's deletion; --mark accepts the file \
                as you edited it, once it has no markers and parses. In a git merge the record is \
                then staged ('git add', or 'git rm' for a deletion).
                """
        )

        @OptionGroup var options: StoreOptions

        @Argument(help: ArgumentHelp("The record, as kind/id (clusters/okip).", valueName: "kind/id"))
        var record: String

        @Flag(help: "Take ours' side of every conflict.")
        var ours = false

        @Flag(help: "Take theirs' side of every conflict.")
        var theirs = false

        @Flag(help: "Accept the file as it is now.")
        var mark = false

        func run() throws {
            let chosen = [ours, theirs, mark].filter { $0 }.count
            guard chosen == 1 else { throw CLIError("give exactly one of --ours, --theirs and --mark") }
            let parts = record.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let kind = RecordKind(name: String(parts[0])), RecordIDSyntax.isValid(parts[1]) else {
                throw CLIError("'\(record)' is not KIND/ID (clusters/okip)")
            }
            let store = try Store.locate(explicit: options.store)
            let choice: ConflictResolver.Choice = ours ? .ours : theirs ? .theirs : .mark
            let result = Result { () throws(StoreError) in
                try ConflictResolver(store: store).resolve(store.file(kind, String(parts[1])), choice)
            }
            switch result {
            case .success(let message):
                print(message)
            case .failure(let error):
                throw error.code == .badArgument ? CLIError(error.message, status: 1) : CLIError(error.message)
            }
        }
    }
}
