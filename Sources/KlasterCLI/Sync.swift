import ArgumentParser
import KlasterModel
import KlasterStore
import KlasterSync

#if canImport(Glibc)
import Glibc
#endif

extension Klaster {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Merge this copy of the store with another copy, both ways.",
            discussion: """
                Records added, changed or deleted in either copy since the two last synced are \
                brought into the other; a record changed in both is merged field by field. A \
                conflict is written with markers into this copy only (the other keeps its \
                version) and is finished with 'klaster resolve' and another sync. Safe to \
                interrupt: running it again finishes the job. Exit status 1 when conflicts remain.
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var options: StoreOptions

        @Argument(help: ArgumentHelp("The other copy's folder.", valueName: "other"))
        var other: String

        @Flag(help: "Print what would be done, and write nothing.")
        var dryRun = false

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let store = try options.open()
            var sync = try StoreSync(here: store, otherPath: other)
            sync.afterWrite = Self.testCrashHook()
            let progress = TerminalProgress.forStandardError()
            if let progress { sync.progress = { phase, done, total in progress.update(phase, done: done, total: total) } }
            let report: SyncReport
            do {
                report = try sync.run(dryRun: dryRun)
                progress?.finish("")
            } catch {
                progress?.finish("")
                throw error
            }
            switch format {
            case .text: print(report.text, terminator: "")
            case .json: print(report.json)
            }
            if report.hasConflicts { throw ExitCode(1) }
        }

        /// `KLASTER_TEST_CRASH_AFTER_WRITES=k` stops the process dead after the sync's k-th
        /// durable write, as a `kill -9` would: the tests' way to interrupt it at a chosen point.
        private static func testCrashHook() -> (@Sendable (Int) -> Void)? {
            guard let text = getenv("KLASTER_TEST_CRASH_AFTER_WRITES").map({ String(cString: $0) }), let limit = Int(text) else {
                return nil
            }
            return { step in
                if step >= limit { _exit(137) }
            }
        }
    }
}

extension SyncReport {
    /// One line per record touched, then the notes, then a summary per copy.
    var text: String {
        var out = ""
        for note in notes { out += "note: \(note)\n" }
        for entry in entries {
            let here = entry.here.map { "here: \($0.rawValue)" }
            let there = entry.there.map { "there: \($0.rawValue)" }
            var line = "\(entry.path): " + [here, there].compactMap { $0 }.joined(separator: ", ")
            if here == nil && there == nil { line += "unchanged" }
            if let conflict = entry.conflict { line += " — conflict: \(conflict)" }
            out += line + "\n"
        }
        for path in unresolved { out += "\(path): unresolved conflict from an earlier sync; resolve it, then sync again\n" }
        let prefix = dryRun ? "would be " : ""
        out += "\(dryRun ? "dry run, nothing written. " : "")this copy (\(here)): \(Self.summary(hereCounts, prefix))\n"
        out += "other copy (\(there)): \(Self.summary(thereCounts, prefix))\n"
        return out
    }

    static func summary(_ counts: Counts, _ prefix: String) -> String {
        "\(counts.added) \(prefix)added, \(counts.changed) \(prefix)changed, \(counts.deleted) \(prefix)deleted, \(counts.conflicted) \(prefix)conflicted"
    }

    /// The plan as data: the copies, every entry, unresolved conflicts, the counts.
    var json: String {
        func counts(_ c: Counts) -> String {
            "{\"added\": \(c.added), \"changed\": \(c.changed), \"deleted\": \(c.deleted), \"conflicted\": \(c.conflicted)}"
        }
        var out = "{\n  \"dryRun\": \(dryRun),\n"
        out += "  \"here\": {\"path\": \(JSONText.quote(here)), \"copy\": \(JSONText.quote(hereID)), \"summary\": \(counts(hereCounts))},\n"
        out += "  \"there\": {\"path\": \(JSONText.quote(there)), \"copy\": \(JSONText.quote(thereID)), \"summary\": \(counts(thereCounts))},\n"
        out += "  \"changes\": ["
        for (i, entry) in entries.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"path\": \(JSONText.quote(entry.path))"
            out += ", \"here\": " + (entry.here.map { JSONText.quote($0.rawValue) } ?? "null")
            out += ", \"there\": " + (entry.there.map { JSONText.quote($0.rawValue) } ?? "null")
            out += ", \"conflict\": " + (entry.conflict.map(JSONText.quote) ?? "null") + "}"
        }
        out += entries.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"unresolved\": [" + unresolved.map(JSONText.quote).joined(separator: ", ") + "],\n"
        out += "  \"notes\": [" + notes.map(JSONText.quote).joined(separator: ", ") + "]\n}"
        return out
    }
}
