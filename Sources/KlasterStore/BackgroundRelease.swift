import Dispatch

/// Releases `value` on a background thread instead of the caller's.
///
/// Freeing a store-sized structure (dictionaries of 100,000 paths and hashes) takes a noticeable
/// part of a command's time, spent after its work is done; handed here, it overlaps with what
/// the caller does next (printing, exiting), and a process that exits first simply never pays.
package func releaseInBackground<Value>(_ value: consuming Value) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
}

/// Carries a value to the thread that releases it; nothing reads it there.
private final class ReleaseBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: consuming Value) {
        self.value = value
    }
}
