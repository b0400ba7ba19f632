import KlasterStore

extension SyncBase {
    /// `klaster-sync-base 2`, `generation N`, `copy ID` lines (the table version vectors index),
    /// `record HASH PATH VERSION` lines, `pending PATH COPY MARKED OTHER MARKED-VERSION
    /// OTHER-VERSION` lines (`-` for absent or empty), `kept PATH HASH` lines, then `end`. Format 1 (no copies, no
    /// versions) is still read.
    func encode() -> [UInt8] {
        var table = copies
        var index = Dictionary(uniqueKeysWithValues: copies.enumerated().map { ($1, $0) })
        var out = Array("klaster-sync-base 2\ngeneration \(generation)\n".utf8)
        out.reserveCapacity(records.count * 108 + 64)
        let pendingLines = pending.keys.sorted().map { path in
            let p = pending[path]!
            let marked = p.markedVersion.encoded(table: &table, index: &index)
            let other = p.otherVersion.encoded(table: &table, index: &index)
            return "pending \(path) \(p.markedCopy) \(p.marked) \(p.other ?? "-") \(marked) \(other)\n"
        }
        for id in table { out += Array("copy \(id)\n".utf8) }
        for (path, entry) in records {
            out.append(contentsOf: SyncBase.recordPrefix)
            out.append(contentsOf: entry.hash.utf8)
            out.append(0x20)
            out.append(contentsOf: path.utf8)
            out.append(0x20)
            out.append(contentsOf: entry.version.utf8)
            out.append(0x0A)
        }
        for line in pendingLines { out += Array(line.utf8) }
        for path in kept.keys.sorted() { out += Array("kept \(path) \(kept[path]!)\n".utf8) }
        out += Array("end\n".utf8)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> SyncBase? {
        var base = SyncBase()
        base.reserve(bytes.count / 100)
        var format = 0
        var sawEnd = false
        var pendingFields: [[String]] = []
        var start = 0
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            let line = bytes[start..<end]
            start = end + 1
            if sawEnd { return nil }
            if format == 0 {
                switch String(decoding: line, as: UTF8.self) {
                case "klaster-sync-base 1": format = 1
                case "klaster-sync-base 2": format = 2
                default: return nil
                }
                continue
            }
            // The common line, `record <64 hex> <path> <version>`, without splitting.
            if line.count > 72 && line.starts(with: recordPrefix) && line[line.startIndex + 71] == 0x20 {
                let hashBytes = line[(line.startIndex + 7)..<(line.startIndex + 71)]
                var pathBytes = line[(line.startIndex + 72)...]
                var version = "-"
                if format == 2 {
                    guard let space = pathBytes.lastIndex(of: 0x20) else { return nil }
                    let versionBytes = pathBytes[(space + 1)...]
                    guard VersionVector.isPlausible(versionBytes) else { return nil }
                    version = String(decoding: versionBytes, as: UTF8.self)
                    pathBytes = pathBytes[..<space]
                }
                guard hashBytes.allSatisfy(isHexDigit), pathBytes.withUnsafeBufferPointer(RecordPath.isRecordPath(bytes:)) else {
                    return nil
                }
                base.setDecoded(String(decoding: pathBytes, as: UTF8.self), Entry(hash: String(decoding: hashBytes, as: UTF8.self), version: version))
                continue
            }
            let fields = line.split(separator: 0x20, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            switch fields[0] {
            case "generation":
                guard fields.count == 2, let n = Int(fields[1]) else { return nil }
                base.generation = n
            case "copy":
                guard format == 2, fields.count == 2, CopyIdentity.isValid(fields[1]), base.addCopy(fields[1]) else { return nil }
            case "pending":
                pendingFields.append(fields)
            case "kept":
                guard format == 2, fields.count == 3, RecordPath.isRecordPath(fields[1]), isHash(fields[2]) else { return nil }
                base.setKept(fields[1], fields[2])
            case "end":
                sawEnd = true
            default:
                return nil
            }
        }
        guard sawEnd else { return nil }
        for fields in pendingFields {
            guard fields.count == (format == 2 ? 7 : 5), RecordPath.isRecordPath(fields[1]), CopyIdentity.isValid(fields[2]), isHash(fields[3]) else {
                return nil
            }
            let other = fields[4] == "-" ? nil : fields[4]
            guard other.map(isHash) ?? true else { return nil }
            var note = Pending(markedCopy: fields[2], marked: fields[3], other: other)
            if format == 2 {
                guard let marked = VersionVector.decode(fields[5], table: base.copies),
                    let theirs = VersionVector.decode(fields[6], table: base.copies)
                else { return nil }
                note.markedVersion = marked
                note.otherVersion = theirs
            }
            base.setPending(fields[1], note)
        }
        return base
    }

    private static let recordPrefix = Array("record ".utf8)

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHexDigit)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
