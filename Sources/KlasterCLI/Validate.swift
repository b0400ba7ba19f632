import ArgumentParser
import Foundation
import KlasterModel
import KlasterStore
import KlasterValidation

extension Klaster {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check the store: YAML, schemas, identifiers and references between records.",
            discussion: """
                Prints one finding per line, file:line:column: severity: message [rule]. Exit status \
                0 when there are no errors (and, with --strict, no warnings), 1 when there are.
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json, sarif
        }

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("Record files to report on (default: the whole store); they are checked in the context of the store.", valueName: "path"))
        var paths: [String] = []

        @Option(help: "Output format: text, json or sarif.")
        var format: OutputFormat = .text

        @Flag(help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            let store = try storeOptions.open()
            let only = try paths.isEmpty ? nil : Set(paths.map { try store.relativePath(ofUserPath: $0) })
            let validator = try StoreValidator(store: store)
            let progress = Progress(label: "validating")
            let report = try validator.validate(only: only, progress: progress.callback)
            progress.finish()
            switch format {
            case .text:
                Output.standard.write(Diagnostic.text(report.diagnostics))
                if Terminal.isTerminal(.standard) {
                    let summary = "\(report.recordCount) records checked: \(report.errorCount) errors, \(report.warningCount) warnings"
                    Output.error.write(summary + "\n")
                }
            case .json:
                Output.standard.write(Diagnostic.json(report.diagnostics))
            case .sarif:
                Output.standard.write(Diagnostic.sarif(report.diagnostics, toolVersion: Klaster.version))
            }
            if !report.passes(strict: strict) { throw ExitCode(1) }
        }
    }
}
