import Dispatch

/// Releases `value` on a background thread instead of the caller's.
///
/// Freeing a store-sized structure (dictionaries of 100,000 paths and hashes) takes a noticeable
/// part of a command's time, spent after its work is done; handed here, it overlaps with what
/// the caller does next (printing, exiting), and a process that exits first simply never pays.
///
/// The background thread lets go of its reference a little later, by which time the caller has
/// let go of its own: the last release, the one that frees, is the background thread's.
package func releaseInBackground<Value>(_ value: consuming Value) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(50)) { withExtendedLifetime(box) {} }
}

/// Carries a value to the thread that releases it; nothing reads it there.
private final class ReleaseBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: consuming Value) {
        self.value = value
    }
}
