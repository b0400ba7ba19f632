/// Git's conflict markers: `<<<<<<< ours`, `||||||| base` (in diff3 style), `=======`,
/// `>>>>>>> theirs`, each a run of `size` characters (git's `%L`, 7 by default).
public struct ConflictMarkers: Hashable, Sendable {
    /// Whether a conflict shows the base's text between ours and theirs.
    public enum Style: String, Hashable, Sendable {
        /// `<<<<<<<`, ours, `=======`, theirs, `>>>>>>>`.
        case merge
        /// With the base after ours, behind `|||||||` (git's `merge.conflictStyle=diff3`).
        case diff3
        /// As diff3 (git's `zdiff3`; Klaster's conflicts are already as narrow as zdiff3 makes them).
        case zdiff3

        /// Reads git's `merge.conflictStyle` value; anything unknown is `.merge`.
        public init(gitValue: String?) {
            self = Style(rawValue: gitValue?.trimmingASCIIWhitespace().lowercased() ?? "") ?? .merge
        }

        public var showsBase: Bool { self != .merge }
    }

    public var size: Int
    public var style: Style
    public var oursLabel: String
    public var baseLabel: String
    public var theirsLabel: String

    public init(size: Int = 7, style: Style = .merge, ours: String = "ours", base: String = "base", theirs: String = "theirs") {
        self.size = max(size, 1)
        self.style = style
        oursLabel = ours
        baseLabel = base
        theirsLabel = theirs
    }

    /// One conflict: each side's text between the markers, each made to end with a line break.
    public func render(ours: String, base: String, theirs: String) -> String {
        var out = line("<", oursLabel)
        out += Self.terminated(ours)
        if style.showsBase {
            out += line("|", baseLabel)
            out += Self.terminated(base)
        }
        out += String(repeating: "=", count: size) + "\n"
        out += Self.terminated(theirs)
        out += line(">", theirsLabel)
        return out
    }

    private func line(_ character: Character, _ label: String) -> String {
        String(repeating: character, count: size) + (label.isEmpty ? "" : " " + label) + "\n"
    }

    private static func terminated(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The 1-based numbers of the lines of `text` that are conflict markers of any size from 7
    /// up: a line that starts with `<<<<<<<`, `|||||||` or `>>>>>>>` (followed by a space, a
    /// label or nothing), or that is only `=======`.
    public static func markerLines(in text: String) -> [Int] {
        var found: [Int] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if isMarker(line) { found.append(number) }
        }
        return found
    }

    /// True when `line` (without its line break) is a conflict marker.
    public static func isMarker(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard let first = bytes.first, first == UInt8(ascii: "<") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") || first == UInt8(ascii: "=") else {
            return false
        }
        var run = 0
        for byte in bytes {
            if byte != first { break }
            run += 1
        }
        guard run >= 7 else { return false }
        let rest = bytes.dropFirst(run)
        if first == UInt8(ascii: "=") {
            return rest.allSatisfy { $0 == UInt8(ascii: "\r") }
        }
        return rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\r")
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
