import ArgumentParser

/// The `klaster` command: subcommands, global options, and the one place where errors become
/// exit statuses (see ``KlasterMain``).
struct Klaster: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "klaster",
        abstract: "Keep a cluster organisation's records as YAML files: validate, edit, merge, sync and export them.",
        discussion: """
            Exit status: 0 done and nothing wrong; 1 done, and the store has problems (invalid \
            records, unresolved conflicts, a --check that would change files); 2 could not do the job.
            """,
        version: version,
        subcommands: [
            Init.self, Validate.self, List.self, Show.self, New.self, SetFields.self, Rm.self, Mv.self, Fmt.self,
            Export.self, Exporters.self, Status.self, Resolve.self, MergeFile.self, GitSetup.self, Sync.self,
        ]
    )
}

/// Options every command that works on a store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store's folder (default: $KLASTER_STORE, else the nearest folder at or above this one with klaster.yaml).", valueName: "dir"))
    var store: String?
}
