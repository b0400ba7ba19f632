import ArgumentParser
import Foundation
import KlasterEdit
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

extension Klaster {
    struct Fmt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmt",
            abstract: "Lay record files out canonically, keeping their comments.",
            discussion: """
                Keys in the schema's order, two-space indent, block style, plain values that a YAML \
                tool could misread quoted, one line break at the end; comments stay with their \
                fields. With --check, writes nothing: lists the files it would change and exits \
                with status 1 when there are any.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("Record files or folders (default: every record of the store).", valueName: "path"))
        var paths: [String] = []

        @Flag(help: "Only list the files that are not formatted; exit status 1 when there are any.")
        var check = false

        func run() throws {
            let editor: StoreEditor? = check ? nil : try storeOptions.openForWriting()
            let store = try editor?.store ?? storeOptions.open()
            let validator = try editor?.validator ?? StoreValidator(store: store)
            var failed = false
            var changed: [String] = []
            for file in try files(in: store) {
                guard case .success(let bytes) = try store.read(file) else {
                    Output.error.write("\(file.relativePath): error: the file is over the size limit\n")
                    failed = true
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let formatted: String
                do {
                    formatted = try RecordFormatter(schemas: validator.schemas[file.kind]).format(text, file: file.relativePath)
                } catch {
                    Output.error.write(error.description + "\n")
                    failed = true
                    continue
                }
                guard formatted != text else { continue }
                changed.append(file.relativePath)
                if !check { try AtomicFile.write(formatted, to: file.absolutePath) }
            }
            if check || Terminal.isTerminal(.standard) {
                Output.standard.write(changed.map { $0 + "\n" }.joined())
            }
            if failed || (check && !changed.isEmpty) { throw ExitCode(1) }
        }

        /// The record files the paths name: files as they are, folders by the records in them.
        private func files(in store: Store) throws -> [RecordFile] {
            if paths.isEmpty { return try store.recordFiles() }
            var files: [RecordFile] = []
            for path in paths {
                let relative = try store.relativePath(ofUserPath: path)
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: store.root + "/" + relative, isDirectory: &isFolder)
                if isFolder.boolValue || relative.isEmpty {
                    let kinds = RecordKind.allCases.filter { relative.isEmpty || $0.folder == relative }
                    guard !kinds.isEmpty else { throw CLIError("\(path): not a kind folder of the store (clusters, members, agreements, news)") }
                    files += try store.recordFiles(of: kinds)
                } else {
                    let parts = relative.split(separator: "/")
                    guard parts.count == 2, let kind = RecordKind(name: String(parts[0])), parts[1].hasSuffix(".yaml") else {
                        throw CLIError("\(path): not a record file (KIND/ID.yaml)")
                    }
                    files.append(store.file(kind, String(parts[1].dropLast(5))))
                }
            }
            return files
        }
    }
}
