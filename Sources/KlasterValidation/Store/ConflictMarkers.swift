#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds git-style conflict markers left in a file (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`
/// at the start of a line, of any length from 7).
enum ConflictMarkers {
    /// The 1-based line numbers of marker lines, with the marker's kind.
    static func find(in bytes: [UInt8]) -> [(line: Int, marker: String)] {
        guard mayHoldMarkers(bytes) else { return [] }
        var found: [(Int, String)] = []
        var line = 1
        var atLineStart = true
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if atLineStart, b == 0x3C || b == 0x7C || b == 0x3D || b == 0x3E {
                var j = i
                while j < n && bytes[j] == b { j += 1 }
                let run = j - i
                let endsMarker = j == n || bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D
                if run >= 7 && endsMarker {
                    let name: String
                    switch b {
                    case 0x3C: name = "<<<<<<<"
                    case 0x7C: name = "|||||||"
                    case 0x3D: name = "======="
                    default: name = ">>>>>>>"
                    }
                    // `=======` alone is also a YAML-legal plain scalar line; count it only
                    // between an opening and a closing marker, which the caller checks.
                    found.append((line, name))
                }
                i = j
                atLineStart = false
                continue
            }
            if b == 0x0A {
                line += 1
                atLineStart = true
            } else {
                atLineStart = false
            }
            i += 1
        }
        // Keep separators only when an opening marker exists.
        guard found.contains(where: { $0.1 == "<<<<<<<" || $0.1 == ">>>>>>>" }) else { return [] }
        return found
    }

    /// Fast exit: false when no line starts with a marker character (lines found with `memchr`).
    private static func mayHoldMarkers(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let n = buffer.count
            var i = 0
            while i < n {
                let b = base[i]
                if b == 0x3C || b == 0x7C || b == 0x3D || b == 0x3E { return true }
                guard let newline = memchr(base + i, 0x0A, n - i) else { return false }
                i = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return false
        }
    }
}
