import Foundation

/// "The other copy" of a generated store, for sync and merge work: every record of the source,
/// except that a share of them is edited (regenerated with an edit), a share deleted (only
/// records nothing refers to, so the copy still validates) and new records added (members,
/// agreements and news referring to records of the original).
struct StoreCopy {
    let source: String
    let destination: String
    let editShare: Double
    let addShare: Double
    let deleteShare: Double
    let seed: UInt64

    struct Summary {
        var edited = 0
        var added = 0
        var deleted = 0
        var copied = 0
    }

    func run() throws -> Summary {
        let plan = try Self.plan(ofStore: source)
        let writer = RecordWriter(plan: plan)
        let fm = FileManager.default
        // Files of the source by kind, with the record index each id ends with.
        var records: [(kind: String, file: String, index: Int)] = []
        for kind in StoreGenerator.kinds {
            let files = try fm.contentsOfDirectory(atPath: source + "/" + kind).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files {
                let stem = file.dropLast(5)
                guard let dash = stem.lastIndex(of: "-"), let index = Int(stem[stem.index(after: dash)...]) else {
                    throw GeneratorError("\(kind)/\(file) is not a klaster-gen record")
                }
                records.append((kind, file, index))
            }
        }
        var random = SeededRandom(seed: seed, stream: StorePlan.Stream.added.rawValue, index: 0)
        let total = records.count
        let deletable = records.indices.filter { position in
            let record = records[position]
            switch record.kind {
            case "members": return record.index >= plan.referencedMembers && record.index < plan.members
            case "news": return record.index >= plan.referencedNews && record.index < plan.news
            case "agreements": return record.index >= plan.referencedAgreements && record.index < plan.agreements
            default: return false
            }
        }
        let deleted = Set(random.sample(deletable, Int((deleteShare * Double(total)).rounded())))
        let editable = records.indices.filter { !deleted.contains($0) }
        let edited = Set(random.sample(editable, Int((editShare * Double(total)).rounded())))

        try StoreGenerator.makeFolders(destination)
        let note = "seed \(seed) edit \(editShare) add \(addShare) delete \(deleteShare)"
        try StoreGenerator.write(StoreGenerator.manifest(plan, copyNote: note), to: destination + "/klaster.yaml")
        let editVariant = Int(truncatingIfNeeded: seed) & 0xFFFF + 1
        let source = self.source
        let destination = self.destination
        let all = records
        try StoreGenerator.parallel(all.count) { position in
            guard !deleted.contains(position) else { return }
            let record = all[position]
            let relative = "\(record.kind)/\(record.file)"
            if edited.contains(position) {
                let text = StoreGenerator.record(writer, kind: record.kind, index: record.index, edit: editVariant).text
                try StoreGenerator.write(text, to: destination + "/" + relative)
            } else {
                let text = try String(contentsOfFile: source + "/" + relative, encoding: .utf8)
                try StoreGenerator.write(text, to: destination + "/" + relative)
            }
        }
        let adds = Int((addShare * Double(total)).rounded())
        let base = 5_000_000 + Int(seed % 80) * 100_000
        let pattern = ["members", "members", "members", "members", "members", "members", "agreements", "news", "news"]
        try StoreGenerator.parallel(adds) { number in
            let record = StoreGenerator.record(writer, kind: pattern[number % pattern.count], index: base + number)
            try StoreGenerator.write(record.text, to: destination + "/" + record.path)
        }
        return Summary(edited: edited.count, added: adds, deleted: deleted.count, copied: total - deleted.count - edited.count)
    }

    /// The plan a klaster-gen store was written with, read from its manifest's first comment.
    static func plan(ofStore root: String) throws -> StorePlan {
        let text = try String(contentsOfFile: root + "/klaster.yaml", encoding: .utf8)
        let words = text.split(separator: "\n").first?.split(separator: " ") ?? []
        guard words.count == 6, words[1] == "klaster-gen:", let total = Int(words[3]), let seed = UInt64(words[5]) else {
            throw GeneratorError("\(root)/klaster.yaml was not written by klaster-gen")
        }
        return StorePlan(total: total, seed: seed)
    }
}
