import ArgumentParser
import Foundation
import KlasterMerge
import KlasterStore

extension Klaster {
    struct MergeFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-file",
            abstract: "Git's merge driver: merge BASE, OURS and THEIRS into OURS.",
            discussion: """
                A record of a store is merged field by field as its schema says, keeping ours' \
                layout and comments; conflicting fields are put between git-style markers \
                (with the base when git's merge.conflictStyle is diff3 or zdiff3). Any other file, \
                or a record that does not parse, is merged line by line like 'git merge-file'. \
                Exit status 0: merged cleanly; 1: conflicts remain; 2: could not merge. \
                'klaster git-setup' configures git to call it: \
                klaster merge-file %O %A %B --path %P --marker-size %L
                """
        )

        @Argument(help: "The common ancestor's version (git's %O).")
        var base: String

        @Argument(help: "Our version (git's %A); the result is written here.")
        var ours: String

        @Argument(help: "Their version (git's %B).")
        var theirs: String

        @Option(help: ArgumentHelp("The file's path in the work tree (git's %P): it tells which record this is.", valueName: "path"))
        var path: String?

        @Option(help: ArgumentHelp("The length of conflict markers (git's %L).", valueName: "n"))
        var markerSize: Int = 7

        func run() throws {
            guard (1...1000).contains(markerSize) else { throw CLIError("--marker-size must be between 1 and 1000") }
            let base = try Self.read(self.base)
            let ours = try Self.read(self.ours)
            let theirs = try Self.read(self.theirs)
            let cwd = FileManager.default.currentDirectoryPath
            var markers = ConflictMarkers(size: markerSize)
            var outcome = FileMerge(markers: markers).merge(base: base, ours: ours, theirs: theirs, path: path, workingDirectory: cwd)
            if !outcome.isClean {
                // The style only matters for conflicts: ask git for it only then.
                markers.style = ConflictMarkers.Style(gitValue: Git(directory: cwd).config("merge.conflictStyle"))
                if markers.style != .merge {
                    outcome = FileMerge(markers: markers).merge(base: base, ours: ours, theirs: theirs, path: path, workingDirectory: cwd)
                }
            }
            try AtomicFile.write(outcome.bytes, to: self.ours, sync: false)
            if outcome.isClean { return }
            let name = path ?? self.ours
            for conflict in outcome.conflicts {
                Output.error.write("\(name): \(conflict.rule): \(conflict)\n")
            }
            if outcome.lineConflicts > 0 {
                Output.error.write("\(name): \(outcome.lineConflicts) conflict\(outcome.lineConflicts == 1 ? "" : "s") in a line merge\n")
            }
            if let store = outcome.store, let record = outcome.record {
                ConflictStash(store: store).save(record, base: base, ours: ours, theirs: theirs)
            }
            throw ExitCode(1)
        }

        static func read(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read \(path)")
            }
            return [UInt8](data)
        }
    }
}
