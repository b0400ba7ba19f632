import KlasterYAML

/// A text split into lines, with byte offsets, for finding comments outside scalars.
struct SourceLines {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `starts[0]` is line 1.
    let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { starts.append(i + 1) }
        self.starts = starts
    }

    var count: Int { bytes.isEmpty ? 0 : starts.count }

    /// Line `n` (1-based) without its line break.
    func line(_ n: Int) -> ArraySlice<UInt8> {
        let start = starts[n - 1]
        var end = n < starts.count ? starts[n] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    func text(_ n: Int) -> String { String(decoding: line(n), as: UTF8.self) }

    /// True when line `n` holds only spaces and tabs.
    func isBlank(_ n: Int) -> Bool { line(n).allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The offset of the `#` that starts a comment on line `n`, skipping `#` inside scalars.
    func commentStart(_ n: Int, outside scalars: ScalarRanges) -> Int? {
        let slice = line(n)
        var previous: UInt8 = 0x20
        for i in slice.indices {
            let b = bytes[i]
            defer { previous = b }
            guard b == 0x23, previous == 0x20 || previous == 0x09 else { continue }
            if scalars.contains(i) { continue }
            return i
        }
        return nil
    }

    /// The text of line `n` from offset `offset`, without trailing spaces.
    func rest(_ n: Int, from offset: Int) -> String {
        var slice = line(n)[offset...]
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Where an anchor (`&a`) or alias (`*a`) is written, outside scalars and comments.
    func anchorOrAlias(outside scalars: ScalarRanges) -> Mark? {
        guard count > 0 else { return nil }
        for n in 1...count {
            let end = commentStart(n, outside: scalars) ?? line(n).endIndex
            for i in line(n).startIndex..<end where (bytes[i] == 0x26 || bytes[i] == 0x2A) && !scalars.contains(i) {
                return Mark(offset: i, line: n, column: i - starts[n - 1] + 1)
            }
        }
        return nil
    }

    /// A document with no content: its comment lines, or nothing.
    func commentsOnly() -> String {
        guard count > 0 else { return "" }
        let lines = (1...count).map { text($0).trimmingTrailingSpaces() }.filter { $0.trimmingLeadingSpaces().hasPrefix("#") }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}

/// The byte ranges of a document's scalars, sorted, for "is this offset inside a scalar".
struct ScalarRanges {
    private var ranges: [Range<Int>]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    func contains(_ offset: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        // Ranges can nest only by equality (aliases are refused), so the last start at or
        // before the offset decides, with a look at the one before for overlaps.
        var i = low - 1
        while i >= 0 && i >= low - 2 {
            if ranges[i].contains(offset) { return true }
            i -= 1
        }
        return false
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }

    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
