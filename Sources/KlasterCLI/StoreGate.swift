import ArgumentParser
import KlasterExport
import KlasterModel
import KlasterStore

/// The check before an export: a store with errors is refused (exit status 1, diagnostics on
/// stderr) unless the user allows it.
enum StoreGate {
    /// Throws `ExitCode(1)` after printing the errors when the store has any and `allowInvalid`
    /// is off; with it on, prints how many there are and returns.
    static func check(store: Store, loaded: ExportDataset.Loaded, allowInvalid: Bool) throws {
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        if allowInvalid {
            FileHandleOutput.standardError.write(
                "klaster: warning: exporting a store with \(errors.count) error\(errors.count == 1 ? "" : "s") (--allow-invalid)\n"
            )
            return
        }
        FileHandleOutput.standardError.write(Diagnostic.text(errors))
        FileHandleOutput.standardError.write(
            "klaster: error: the store has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them or export with --allow-invalid\n"
        )
        throw ExitCode(1)
    }
}
