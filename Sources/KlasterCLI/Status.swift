import ArgumentParser
import KlasterMerge
import KlasterStore

extension Klaster {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the records with unresolved conflicts.",
            discussion: """
                A record is conflicted when its file has conflict markers, or when git's index holds \
                it unmerged (a record deleted on one branch and changed on the other, or added on \
                both, which git does not hand to the merge driver). Finish each with 'klaster \
                resolve KIND/ID --ours|--theirs|--mark'. Exit status 1 when any remain.
                """
        )

        @OptionGroup var options: StoreOptions

        func run() throws {
            let store = try Store.locate(explicit: options.store)
            let conflicted = try ConflictedRecord.scan(store)
            if conflicted.isEmpty {
                print("No unresolved conflicts.")
                return
            }
            print("Unresolved conflicts (\(conflicted.count)):")
            for record in conflicted {
                print("  \(record.file.reference): \(record.summary)")
            }
            throw ExitCode(1)
        }
    }
}
