import Foundation
import KlasterMerge
import Testing

@Suite struct LineMergeTests {
    @Test func changesApartAreBothTaken() {
        let merge = LineMerge(base: "a\nb\nc\nd\ne\n", ours: "A\nb\nc\nd\ne\n", theirs: "a\nb\nc\nd\nE\n")
        #expect(merge.cleanText == "A\nb\nc\nd\nE\n")
    }

    @Test func touchingChangesConflictAsInGit() {
        let merge = LineMerge(base: "a\nb\nc\n", ours: "A\nb\nc\n", theirs: "a\nB\nc\n")
        #expect(merge.hasConflicts)
        #expect(merge.text() == "<<<<<<< ours\nA\nb\n=======\na\nB\n>>>>>>> theirs\nc\n")
    }

    @Test func identicalChangesAreTakenOnce() {
        let merge = LineMerge(base: "a\nb\n", ours: "a\nx\nb\n", theirs: "a\nx\nb\n")
        #expect(merge.cleanText == "a\nx\nb\n")
    }

    @Test func diff3StyleShowsTheBaseAndMarkerSizeIsHonoured() {
        let merge = LineMerge(base: "a\nb\nc\n", ours: "a\nX\nc\n", theirs: "a\nY\nc\n", level: .eager)
        let text = merge.text(markers: ConflictMarkers(size: 9, style: .diff3))
        #expect(text == "a\n<<<<<<<<< ours\nX\n||||||||| base\nb\n=========\nY\n>>>>>>>>> theirs\nc\n")
    }

    @Test func aMissingFinalLineBreakGetsOneBeforeAMarker() {
        let merge = LineMerge(base: "a", ours: "b", theirs: "c")
        #expect(merge.text() == "<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n")
    }

    @Test func markerLinesAreRecognised() {
        let text = "a\n<<<<<<< ours\nb\n||||||| base\n=======\nc\n>>>>>>> theirs\n======== no\n<<<<<<<x\n"
        #expect(ConflictMarkers.markerLines(in: text) == [2, 4, 5, 7])
    }

    /// `git merge-file -p` and LineMerge on generated edits of one text: the same verdict, the
    /// same text for clean merges, and every line of either side in conflicted ones.
    @Test func agreesWithGitMergeFile() throws {
        let dir = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var random = SeededRandom(seed: 42)
        var sameVerdict = 0
        var cases = 0
        var disagreements: [String] = []
        for n in 0..<300 {
            // Every third case draws lines from a small alphabet, so diffs have choices to make.
            let vocabulary = n % 3 == 0 ? 4 : 1000
            let base = (0..<Int.random(in: 0...12, using: &random)).map { _ in "l\(Int.random(in: 0..<vocabulary, using: &random))" }
            let ours = Self.edit(base, tag: "o", using: &random)
            let theirs = Self.edit(base, tag: "t", using: &random)
            let (b, o, t) = (Self.text(base), Self.text(ours), Self.text(theirs))
            try Tools.write(b, to: dir + "/base")
            try Tools.write(o, to: dir + "/ours")
            try Tools.write(t, to: dir + "/theirs")
            let git = try Tools.run("git", ["merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", dir + "/ours", dir + "/base", dir + "/theirs"])
            let mine = LineMerge(base: b, ours: o, theirs: t)
            cases += 1
            let gitClean = git.status == 0
            if gitClean == !mine.hasConflicts { sameVerdict += 1 }
            if vocabulary > 4 {
                if gitClean != !mine.hasConflicts || (gitClean && git.stdout != mine.cleanText) || (!gitClean && git.stdout != mine.text()) {
                    disagreements.append("base \(base) ours \(ours) theirs \(theirs)\ngit:\n\(git.stdout)mine:\n\(mine.text())")
                }
            }
            let merged = mine.text()
            for line in ours + theirs where !base.contains(line) {
                #expect(merged.contains(line + "\n"), "\(line) lost")
            }
        }
        print("LINEMERGE: same verdict as git merge-file in \(sameVerdict) of \(cases) cases; \(disagreements.count) differences in output on the \(cases - cases / 3) cases without repeated lines")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3).joined(separator: "\n---\n"))")
        #expect(Double(sameVerdict) >= Double(cases) * 0.97, "same verdict in \(sameVerdict) of \(cases)")
    }

    static func text(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// Up to three random edits: a line changed, deleted, or inserted.
    static func edit(_ lines: [String], tag: String, using random: inout SeededRandom) -> [String] {
        var out = lines
        for k in 0..<Int.random(in: 0...3, using: &random) {
            let op = Int.random(in: 0..<3, using: &random)
            let at = Int.random(in: 0...out.count, using: &random)
            switch op {
            case 0 where at < out.count: out[at] = "\(tag)\(k)-\(out[at])"
            case 1 where at < out.count: out.remove(at: at)
            default: out.insert("\(tag)\(k)-new", at: at)
            }
        }
        return out
    }
}
