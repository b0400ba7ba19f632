import Foundation
import PropertyBased
@testable import KlasterSync
import Testing

/// The small formats under sync: SHA-256, base files, the record-path test.
@Suite struct SyncFormatTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256AgreesWithPython() async throws {
        let python = try #require(ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        var inputs: [[UInt8]] = []
        var random = SeededRandom(seed: 5)
        for length in [55, 56, 63, 64, 65, 119, 120, 1000] {
            inputs.append((0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
        let hexInputs = inputs.map { $0.map { String(format: "%02x", $0) }.joined() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import hashlib,sys\nfor l in sys.argv[1:]: print(hashlib.sha256(bytes.fromhex(l)).hexdigest())"] + hexInputs
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(expected == inputs.map { SHA256.hex($0) })
    }

    @Test func baseFilesRoundTrip() throws {
        let (x, y) = ("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002")
        var base = SyncBase(generation: 7)
        base.set("clusters/okip.yaml", hash: SHA256.hex(Array("a".utf8)), version: VersionVector([x: 3, y: 1]))
        base.set("members/jan-kowalski.yaml", hash: SHA256.hex(Array("b".utf8)), version: VersionVector())
        base.setPending("news/x-1.yaml", SyncBase.Pending(
            markedCopy: x, marked: SHA256.hex(Array("c".utf8)), other: nil,
            markedVersion: VersionVector([x: 2, y: 5]), otherVersion: VersionVector([y: 5])
        ))
        base.setKept("clusters/okip.yaml", SHA256.hex(Array("a".utf8)))
        let decoded = SyncBase.decode(base.encode())
        #expect(decoded == base)
        #expect(decoded?.kept["clusters/okip.yaml"] == SHA256.hex(Array("a".utf8)))
        #expect(decoded?.version("clusters/okip.yaml") == VersionVector([x: 3, y: 1]))
        #expect(decoded?.pending["news/x-1.yaml"]?.otherVersion == VersionVector([y: 5]))
        // A torn or tampered file is refused, never read as a smaller base.
        let bytes = base.encode()
        #expect(SyncBase.decode(Array(bytes.dropLast(4))) == nil)
        let escaping = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "clusters/okip.yaml", with: "../okip.yaml")
        #expect(SyncBase.decode(Array(escaping.utf8)) == nil)
        let noVersion = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "clusters/okip.yaml 0:3,1:1", with: "clusters/okip.yaml")
        #expect(noVersion != String(decoding: bytes, as: UTF8.self))
        #expect(SyncBase.decode(Array(noVersion.utf8)) == nil)
    }

    @Test func baseFilesOfTheFirstFormatAreRead() throws {
        let hash = SHA256.hex(Array("a".utf8))
        let text = "klaster-sync-base 1\ngeneration 3\nrecord \(hash) clusters/okip.yaml\nend\n"
        let base = try #require(SyncBase.decode(Array(text.utf8)))
        #expect(base.generation == 3)
        #expect(base.hash("clusters/okip.yaml") == hash)
        #expect(base.version("clusters/okip.yaml").isEmpty)
    }

    @Test func versionVectorsCompareAndJoin() {
        let a = VersionVector(["a": 2, "b": 1])
        let b = VersionVector(["a": 1, "b": 3])
        #expect(a.compare(a) == .equal)
        #expect(a.compare(b) == .concurrent)
        #expect(a.joined(b) == VersionVector(["a": 2, "b": 3]))
        #expect(a.joined(b).compare(a) == .descends)
        #expect(a.compare(a.joined(b)) == .precedes)
        #expect(VersionVector().compare(a) == .precedes)
        #expect(a.bumped("a", floor: 0) == VersionVector(["a": 3, "b": 1]))
        #expect(a.bumped("c", floor: 7) == VersionVector(["a": 2, "b": 1, "c": 8]))
        var table: [String] = ["b"]
        var index = ["b": 0]
        let text = a.encoded(table: &table, index: &index)
        #expect(text == "0:1,1:2")
        #expect(table == ["b", "a"])
        #expect(VersionVector.decode(text, table: table) == a)
        #expect(VersionVector.decode("0:1,5:2", table: table) == nil)
        #expect(VersionVector.decode("0:1,0:2", table: table) == nil)
        #expect(VersionVector.decode("-", table: table) == VersionVector())
    }

    @Test func theFastRecordPathTestAgreesWithTheSyntax() async {
        let alphabet = Array("abz09-./y".utf8) + Array("clusters/members/news.yaml".utf8)
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var random = SeededRandom(seed: UInt64(seed))
            let prefix = ["clusters/", "members/", "news/", "agreements/", "other/", ""][Int(random.next() % 6)]
            let length = Int(random.next() % 14)
            let middle = String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            let suffix = random.next() % 3 == 0 ? "" : ".yaml"
            let path = prefix + middle + suffix
            #expect(RecordPath.isRecordPath(path) == RecordPath.isRecordPathBySyntax(path), "\(path)")
        }
        for path in ["clusters/okip.yaml", "clusters/-a.yaml", "clusters/a-.yaml", "clusters/a--b.yaml", "clusters/.yaml", "clusters/a/b.yaml", "x/a.yaml"] {
            #expect(RecordPath.isRecordPath(path) == RecordPath.isRecordPathBySyntax(path), "\(path)")
        }
    }
}
