import ArgumentParser
import KlasterStore
import KlasterYAML

#if canImport(Glibc)
import Glibc
#endif

/// Runs the command and maps every outcome to the contract's exit statuses: 0 done, 1 done with
/// problems in the store, 2 could not do the job. Errors go to stderr as one line,
/// `klaster: error: ...`; no stack traces.
@main
enum KlasterMain {
    static func main() {
        let code: Int32
        do {
            var command = try Klaster.parseAsRoot()
            try command.run()
            code = 0
        } catch {
            code = report(error)
        }
        fflush(nil)
        exit(code)
    }

    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let exit as ExitCode:
            return exit.rawValue
        case let store as StoreError:
            printError(store.message)
            return 2
        case let yaml as YAMLError:
            printError(yaml.description)
            return 2
        case let cli as CLIError:
            printError(cli.message)
            return cli.status
        default:
            let status = Klaster.exitCode(for: error)
            let message = Klaster.fullMessage(for: error)
            if status == .success {
                // --help and --version.
                if !message.isEmpty { print(message) }
                return 0
            }
            // Usage errors: ArgumentParser would say 64; the contract says 2.
            Output.error.write(
                "klaster: error: " + Klaster.message(for: error) + " (see 'klaster --help')\n"
            )
            return 2
        }
    }

    static func printError(_ message: String) {
        let text = message.hasPrefix("klaster: ") ? message : "klaster: error: \(message)"
        Output.error.write(text + "\n")
    }
}

/// An error the CLI reports as it is, with the status it names.
struct CLIError: Error {
    var message: String
    var status: Int32

    init(_ message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }
}
