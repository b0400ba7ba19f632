#if canImport(Glibc)
import Glibc
#endif
import KlasterStore
import Synchronization

/// Whether standard output or error is a terminal, and writing to them.
enum Terminal {
    static func isTerminal(_ stream: Output) -> Bool {
        isatty(stream == .standard ? 1 : 2) == 1
    }
}

/// Unbuffered writes to stdout and stderr.
enum Output {
    case standard, error

    func write(_ text: String) {
        var text = text
        // A closed pipe (`klaster list | head`) is not an error worth reporting.
        _ = text.withUTF8 { FileIO.writeAll(self == .standard ? 1 : 2, UnsafeRawBufferPointer($0)) }
    }
}

/// A one-line progress indicator on stderr, shown only when stderr is a terminal and the work
/// is large enough to need it.
final class Progress: Sendable {
    private let label: String
    private let enabled: Bool
    private let shown = Mutex(-1)

    init(label: String) {
        self.label = label
        self.enabled = Terminal.isTerminal(.error)
    }

    /// The callback to hand to long work; `nil` when nothing would be shown.
    var callback: (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] done, total in
            guard total >= 2000 else { return }
            let percent = done * 100 / max(total, 1)
            let changed = shown.withLock { last in
                guard percent != last else { return false }
                last = percent
                return true
            }
            if changed { Output.error.write("\r\(label) \(done)/\(total) (\(percent)%)") }
        }
    }

    /// Clears the progress line.
    func finish() {
        let wasShown = shown.withLock { $0 >= 0 }
        if enabled && wasShown { Output.error.write("\r\u{1B}[K") }
    }
}
