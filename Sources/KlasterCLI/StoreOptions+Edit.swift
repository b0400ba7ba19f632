import KlasterEdit
import KlasterModel
import KlasterStore
import KlasterYAML

#if canImport(Glibc)
import Glibc
#endif

extension StoreOptions {
    /// The store, with the lock taken for writing (or `the store is locked by process N`, exit 2)
    /// and any change a killed writer left unfinished completed.
    func openForWriting() throws -> StoreEditor {
        try StoreEditor(store: try open(), afterStep: Self.testCrashHook())
    }

    /// `KLASTER_TEST_CRASH_AFTER_WRITES=k` makes a multi-file change stop the process dead after
    /// its k-th durable step, as a `kill -9` would: the tests' way to interrupt `mv` at a chosen
    /// point. Unset in normal use.
    private static func testCrashHook() -> (@Sendable (Int) -> Void)? {
        guard let text = getenv("KLASTER_TEST_CRASH_AFTER_WRITES").map({ String(cString: $0) }), let limit = Int(text) else {
            return nil
        }
        return { step in
            if step >= limit { _exit(137) }
        }
    }
}

/// Reports a change that was not written because it would bring errors into the store: the
/// errors on stderr in the compiler convention, then the refusal; exit status 1.
func refuse(_ problems: [Diagnostic], _ what: String) -> CLIError {
    Output.error.write(Diagnostic.text(problems))
    let count = problems.count == 1 ? "1 error" : "\(problems.count) errors"
    return CLIError("\(what) would leave the store invalid (\(count) above); nothing was written", status: 1)
}

/// Runs an edit, reporting the editor's refusals (a missing element, an edit it cannot splice)
/// as `klaster: error: FILE: message`, exit status 2.
func editing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as YAMLError {
        let file = error.file.isEmpty ? "" : error.file + ": "
        throw CLIError(file + error.message)
    }
}
