import ArgumentParser
import KlasterMerge
import KlasterStore

extension Klaster {
    struct GitSetup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "git-setup",
            abstract: "Configure this clone's git to merge record files with Klaster.",
            discussion: """
                Sets merge.klaster.driver and merge.klaster.name in the clone's own git config (the \
                driver line names this klaster binary by its absolute path), and checks that \
                .gitattributes sends every record file to the driver, adding the lines it lacks. \
                Prints what it checked and did. 'klaster init' does the same in a git work tree.
                """
        )

        @OptionGroup var options: StoreOptions

        func run() throws {
            let store = try Store.locate(explicit: options.store)
            let setup = KlasterMerge.GitSetup(store: store, executable: KlasterMerge.GitSetup.currentExecutable)
            for line in try setup.run() { print(line) }
        }
    }
}
