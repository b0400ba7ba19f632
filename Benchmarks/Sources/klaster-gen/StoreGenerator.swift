import Dispatch
import Foundation

/// Writes generated stores and their edited copies to disk.
enum StoreGenerator {
    static let kinds = ["clusters", "members", "agreements", "news"]

    /// The manifest: the store format, a name, and a comment that records the plan, which
    /// `copy` reads back to regenerate edited records.
    static func manifest(_ plan: StorePlan, copyNote: String? = nil) -> String {
        var text = "# klaster-gen: records \(plan.total) seed \(plan.seed)\n"
        if let copyNote { text += "# klaster-gen copy: \(copyNote)\n" }
        text += "format: 1\nname: Wygenerowany magazyn klastrów (\(plan.total) rekordów, ziarno \(plan.seed))\nlanguages: [pl, en]\n"
        return text
    }

    /// File name and text of record `index` of `kind`, optionally edited with `edit`.
    static func record(_ writer: RecordWriter, kind: String, index: Int, edit: Int? = nil) -> (path: String, text: String) {
        let plan = writer.plan
        switch kind {
        case "clusters": return ("clusters/\(plan.cluster(index).id).yaml", writer.cluster(index, edit: edit))
        case "members": return ("members/\(plan.member(index).id).yaml", writer.member(index, edit: edit))
        case "agreements": return ("agreements/\(plan.agreementID(index)).yaml", writer.agreement(index, edit: edit))
        default: return ("news/\(plan.newsID(index)).yaml", writer.news(index, edit: edit))
        }
    }

    static func count(_ plan: StorePlan, _ kind: String) -> Int {
        switch kind {
        case "clusters": return plan.clusters
        case "members": return plan.members
        case "agreements": return plan.agreements
        default: return plan.news
        }
    }

    /// Writes the whole store into `root` (created if missing), records in parallel.
    static func writeStore(root: String, plan: StorePlan) throws {
        try makeFolders(root)
        try write(manifest(plan), to: root + "/klaster.yaml")
        let writer = RecordWriter(plan: plan)
        var jobs: [(String, Int)] = []
        for kind in kinds {
            for index in 0..<count(plan, kind) { jobs.append((kind, index)) }
        }
        let all = jobs
        try parallel(all.count) { job in
            let record = record(writer, kind: all[job].0, index: all[job].1)
            try write(record.text, to: root + "/" + record.path)
        }
    }

    static func makeFolders(_ root: String) throws {
        for kind in kinds {
            try FileManager.default.createDirectory(atPath: root + "/" + kind, withIntermediateDirectories: true)
        }
    }

    /// Writes `text` to `path` with plain stdio (no temporary file and rename: a generated store
    /// is written once, into a fresh folder).
    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw GeneratorError("cannot write \(path)") }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        guard fclose(file) == 0, written else { throw GeneratorError("cannot write \(path)") }
    }

    /// Runs `body` for 0..<count on all cores; the first error thrown is rethrown.
    static func parallel(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let failure = FailureBox()
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { block in
            for job in block * chunk..<min(count, (block + 1) * chunk) {
                do { try body(job) } catch { failure.record(error) }
            }
        }
        if let error = failure.first { throw error }
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func record(_ error: any Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }
    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}
