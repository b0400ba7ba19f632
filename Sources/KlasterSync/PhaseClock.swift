#if canImport(Glibc)
import Glibc
#endif

/// With `KLASTER_SYNC_TIMING` set, prints how long each phase of a sync took to stderr (for the
/// benchmark); otherwise does nothing.
struct PhaseClock {
    private let enabled = getenv("KLASTER_SYNC_TIMING") != nil
    private var last = PhaseClock.now()

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let t = PhaseClock.now()
        let line = Array("sync timing: \(phase): \(Int((t - last) * 1000)) ms\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        last = t
    }
}
