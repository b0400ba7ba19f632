import ArgumentParser
import Foundation
import KlasterMerge
import KlasterStore
import KlasterValidation

extension Klaster {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make a new, empty store.",
            discussion: """
                Writes klaster.yaml, the folders clusters/, members/, agreements/ and news/, a \
                .gitignore that keeps .klaster/ out of git, a .gitattributes that routes record files \
                to Klaster's merge driver, and a copy of the schemas in schemas/ for editors. Inside \
                a git work tree it also configures git's merge driver, as 'klaster git-setup' does.
                """
        )

        @Argument(help: ArgumentHelp("The folder to make the store in (default: this one).", valueName: "dir"))
        var directory: String?

        @Option(help: "The store's name (default: the folder's name).")
        var name: String?

        @Option(help: ArgumentHelp("The languages records are written in.", valueName: "codes"))
        var languages: String = "pl,en"

        func run() throws {
            let cwd = FileManager.default.currentDirectoryPath
            let root = URL(fileURLWithPath: directory ?? ".", relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
            let codes = languages.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for code in codes where ISOCode.checkLanguage(code) != nil {
                throw CLIError("--languages: '\(code)' is not an ISO 639-1 language code")
            }
            let manifest = Manifest(name: name ?? URL(fileURLWithPath: root).lastPathComponent, languages: codes)
            let creation = try Store.create(
                at: root,
                manifest: manifest,
                schemas: BundledSchemas.all.map { (file: $0.file, text: $0.text) }
            )
            print("Made a Klaster store in \(root):")
            for path in creation.written { print("  \(path)") }
            let setup = KlasterMerge.GitSetup(store: creation.store, executable: KlasterMerge.GitSetup.currentExecutable)
            if setup.topLevel != nil {
                print("In the git work tree at \(setup.topLevel ?? root):")
                for line in try setup.run() { print("  \(line)") }
            }
        }
    }
}
