import ArgumentParser
import KlasterMerge
import KlasterStore
import KlasterSync

extension Klaster {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List the records with unresolved conflicts, and what changed since the last sync with each known copy.",
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
            } else {
                print("Unresolved conflicts (\(conflicted.count)):")
                for record in conflicted {
                    print("  \(record.file.reference): \(record.summary)")
                }
            }
            for peer in try PeerStatus.all(of: store) {
                print("")
                print("Since the last sync with \(peer.location ?? "copy") (\(peer.peer)): " + (peer.changes.isEmpty ? "no changes here" : "\(peer.changes.count) change\(peer.changes.count == 1 ? "" : "s") here"))
                for change in peer.changes {
                    print("  \(change.effect.rawValue): \(change.path)")
                }
                for path in peer.pendingConflicts {
                    print("  conflict from that sync, not yet synced again: \(path)")
                }
                for path in peer.keptAfterDeletion {
                    print("  kept after a delete-vs-edit conflict in that sync (deleted in one copy, changed in the other; delete it again if it should go): \(path)")
                }
            }
            if !conflicted.isEmpty { throw ExitCode(1) }
        }
    }
}
