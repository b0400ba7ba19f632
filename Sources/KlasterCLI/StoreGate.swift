import ArgumentParser
import KlasterModel

/// The check before an export, on the findings of ``StoreValidator``: a store with errors is refused (exit status 1, diagnostics on
/// stderr) unless the user allows it.
enum StoreGate {
    /// Throws `ExitCode(1)` after printing the errors when the store has any and `allowInvalid`
    /// is off; with it on, prints how many there are and returns.
    static func check(_ diagnostics: [Diagnostic], allowInvalid: Bool) throws {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        if allowInvalid {
            Output.error.write(
                "klaster: warning: exporting a store with \(errors.count) error\(errors.count == 1 ? "" : "s") (--allow-invalid)\n"
            )
            return
        }
        Output.error.write(Diagnostic.text(errors))
        Output.error.write(
            "klaster: error: the store has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them or export with --allow-invalid\n"
        )
        throw ExitCode(1)
    }
}
