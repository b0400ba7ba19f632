/// A fixed set of strings (field names, a kind's record ids) with a cheap look-up by text:
/// ``TextHash`` and linear probing, instead of a `Dictionary`'s seeded SipHash, which dominated
/// the cost of finding a member's subschema and of resolving references.
///
/// The hash is of the bytes, so a string canonically equivalent to a key but spelt with other
/// code points is not found: fine for field names and record ids (ASCII), not for arbitrary text.
struct KeyTable: Sendable {
    private(set) var keys: [String] = []
    /// Indices into ``keys``, or -1; a power of two at least twice as long as ``keys``.
    private var slots: [Int32] = [-1, -1]

    init(_ keys: [String] = []) {
        self.keys = keys
        var size = 2
        while size < 2 * keys.count { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        for (i, key) in keys.enumerated() {
            var slot = TextHash.hash(key) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(i)
        }
    }

    /// The position of `key` in ``keys``. Its own loop rather than ``index(ofBytes:)`` on the
    /// key's bytes: keys that come from a table compare as the same storage at once, and going
    /// through bytes cost 20 M instructions more on the 10,000-record validation.
    @inline(__always)
    func index(of key: String) -> Int? {
        guard !keys.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = TextHash.hash(key) & mask
        while true {
            let i = Int(slots[slot])
            if i < 0 { return nil }
            if keys[i] == key { return i }
            slot = (slot + 1) & mask
        }
    }

    /// The position of the key spelt by `bytes` (UTF-8) in ``keys``.
    @inline(__always)
    func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !keys.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = TextHash.hash(UnsafeRawBufferPointer(bytes)) & mask
        while true {
            let i = Int(slots[slot])
            if i < 0 { return nil }
            if TextHash.equal(keys[i], bytes) { return i }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: String) -> Bool { index(of: key) != nil }
}
