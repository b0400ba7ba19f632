import ArgumentParser
import Foundation
import KlasterExport
import KlasterModel
import KlasterStore
import KlasterValidation

extension Klaster {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the store: json, csv, html, or a plugin's format.",
            discussion: """
                json writes one document (to stdout unless --out names a file); csv and html write \
                a folder, which --out names (a new or empty folder, or one an earlier export of the \
                same format wrote; it is replaced). Any other FORMAT runs the program \
                klaster-export-FORMAT from the store's exporters/ folder or PATH, with the JSON \
                export on stdin and the --out value (or -) as its argument; its exit status is passed on.

                The store is validated first: an invalid store is refused with exit status 1 and \
                its diagnostics, unless --allow-invalid.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The format (see 'klaster exporters').", valueName: "format"))
        var format: String

        @Option(name: .long, help: ArgumentHelp("Where to write: a file, a folder, or - for stdout.", valueName: "path"))
        var out: String?

        @Option(name: .long, help: ArgumentHelp("Export only this kind (repeatable).", valueName: "kind"))
        var kind: [String] = []

        @Option(name: .long, help: ArgumentHelp("html: a folder of NAME.mustache files that replace the built-in templates.", valueName: "dir"))
        var template: String?

        @Flag(name: .long, help: "csv: UTF-8 with BOM, ';', CRLF and formulas made inert, as Excel with a Polish locale opens it.")
        var excel = false

        @Flag(name: .long, help: "Export even when the store has errors.")
        var allowInvalid = false

        func run() throws {
            let store = try Store.locate(explicit: storeOptions.store)
            var registry = ExporterRegistry.builtIn
            registry.registerPlugins(storeRoot: store.root)
            let kinds = try selectedKinds()
            let progress = TerminalProgress.forStandardError()
            do {
                let exporter = try registry.exporter(named: format)
                if exporter.output == .folder {
                    guard let out, out != "-" else { throw ExportError(.badOptions, "\(format) writes a folder: give it with --out DIR") }
                    try OutputFiles.checkFolder(out, format: exporter.name)
                }
                let clock = ContinuousClock()
                let started = clock.now
                let validator = try StoreValidator(store: store)
                let report = try validator.validate { done, total in
                    progress?.update("validating", done: done, total: total)
                }
                progress?.finish("validating")
                try StoreGate.check(report.diagnostics, allowInvalid: allowInvalid)
                let validatedAt = clock.now
                let validatedMemory = Self.memory()
                let dataset = try ExportDataset.streaming(from: store, kinds: kinds, schemas: validator.schemas, files: report.files)
                let listedAt = clock.now
                let options = ExportOptions(out: out, templateDirectory: template, excel: excel, progress: progress)
                try exporter.export(dataset, options: options)
                if ProcessInfo.processInfo.environment["KLASTER_TIMING"] != nil {
                    Output.error.write(
                        "klaster: timing: \(dataset.count) records, validate \(validatedAt - started), list \(listedAt - validatedAt), read and export \(clock.now - listedAt); memory after validating \(validatedMemory), at the end \(Self.memory())\n"
                    )
                }
            } catch let error as ExportError {
                throw CLIError(error.message, status: error.code == .pluginFailed ? error.status : 2)
            }
        }

        /// The process's peak and current resident memory (Linux), for `KLASTER_TIMING`.
        private static func memory() -> String {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
            func field(_ name: String) -> String {
                let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
                return line.split(whereSeparator: \.isWhitespace).dropFirst().joined(separator: " ")
            }
            return "peak \(field("VmHWM")), now \(field("VmRSS"))"
        }

        private func selectedKinds() throws -> [RecordKind] {
            if kind.isEmpty { return RecordKind.allCases }
            var chosen: Set<RecordKind> = []
            for name in kind {
                guard let k = RecordKind(name: name) else {
                    throw CLIError("--kind: '\(name)' is not a kind (clusters, members, agreements, news)")
                }
                chosen.insert(k)
            }
            return RecordKind.allCases.filter(chosen.contains)
        }
    }
}
