import KlasterExport

#if canImport(Glibc)
import Glibc
#endif

/// Progress of long work on stderr, on one line rewritten in place, only when stderr is a
/// terminal; at most ten updates a second.
final class TerminalProgress: ExportProgress, @unchecked Sendable {
    private var lastPrint: timespec = timespec()
    private var shown = false
    private var lock = pthread_mutex_t()

    private init() { pthread_mutex_init(&lock, nil) }

    /// A progress line for stderr, or `nil` when stderr is not a terminal.
    static func forStandardError() -> TerminalProgress? {
        isatty(2) != 0 ? TerminalProgress() : nil
    }

    func update(_ phase: String, done: Int, total: Int) {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let elapsed = Double(now.tv_sec - lastPrint.tv_sec) + Double(now.tv_nsec - lastPrint.tv_nsec) / 1e9
        guard elapsed >= 0.1 || done == total else { return }
        lastPrint = now
        let percent = total > 0 ? done * 100 / total : 100
        Output.error.write("\r\u{1B}[K\(phase): \(done)/\(total) records (\(percent)%)")
        shown = true
    }

    func finish(_ phase: String) {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        if shown { Output.error.write("\r\u{1B}[K") }
        shown = false
    }
}
