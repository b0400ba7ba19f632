import Foundation
import KlasterValidation
import KlasterYAML
import Testing

/// A rough timing of validation, run on demand: `KLASTER_BENCH=1 swift test -c release
/// --filter PerformanceTests`. Not a timed test: it prints the figure and checks the verdicts.
/// Times are the thread's CPU time, so that other work on a busy machine does not count.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KLASTER_BENCH"] != nil))
struct PerformanceTests {
    static let record = """
        id: slaski-klaster-energii
        name: Śląski Klaster Energii
        kind: cluster
        status: active
        krs: 0000012345
        country: PL
        founded: 2013-01-15
        updated: 2024-05-01T10:00:00+02:00
        website: https://klaster.example.org/o-nas
        email: biuro@klaster.example.org
        employees: 0012
        share: 0.25
        active: true
        note: ~
        code: 12
        tags: [energia, OZE, magazyny, wodór]
        address:
          city: Katowice
          postcode: 40-001
          street: ul. Mariacka 1
        memberships:
          - member: politechnika-slaska
            since: 2013-01-15
            roles: [founder, board]
          - member: tauron
            since: 2014-03-01
            roles: [member]
          - member: abc-energia
            since: 2016-06-30
          - member: zielona-gmina
            since: 2019-11-05
            roles: [member]
          - member: instytut-chemicznej-przerobki-wegla
            since: 2020-02-01
            roles: [member, board]
          - member: gornoslaska-agencja-energetyczna
            since: 2021-09-15
          - member: uniwersytet-slaski
            since: 2022-01-10
            roles: [member]
          - member: cieplownia-gliwice
            since: 2023-04-20
          - member: park-naukowo-technologiczny
            since: 2023-09-01
            roles: [member]
          - member: miasto-katowice
            since: 2024-01-15
            roles: [member, board]
          - member: fundacja-energii-odnawialnej
            since: 2024-06-30
          - member: siec-cieplownicza-zabrze
            since: 2025-02-11
            roles: [member]
        contact:
          name: Jan Kowalski
          phone: +48 32 123 45 67
        size: 120
        region: Silesia
        event: {type: count, value: 5}
        parent:
          name: krajowy-klaster
          parent:
            name: europejska-siec
        description: |
          Klaster skupia firmy, uczelnie i samorządy regionu,
          które pracują nad transformacją energetyczną Śląska.
          Wspólne projekty obejmują magazynowanie energii,
          wodór i modernizację sieci ciepłowniczych.
          Members meet quarterly; the board monthly.
          Projekty badawcze prowadzone są wspólnie z uczelniami,
          a wyniki udostępniane członkom w raportach kwartalnych.
          The cluster also runs a mentoring programme for start-ups
          and represents its members in regional energy councils.
        """

    @Test func validationCostPerRecord() throws {
        let schema = try Support.fixtureSchema("organisation.schema.json")
        let document = try Support.document(Self.record)
        #expect(Self.record.utf8.count > 1900)
        #expect(schema.validate(document).isEmpty)
        let broken = try Support.document(Self.record.replacingOccurrences(of: "2013-01-15", with: "15.01.2013"))
        #expect(schema.validate(broken).count == 2)

        let rounds = 20_000
        for (name, doc) in [("valid", document), ("2 errors", broken)] {
            var total = 0
            let micros = Self.cpuMicroseconds { for _ in 0..<rounds { total += schema.validate(doc).count } }
            print("validate, \(Self.record.utf8.count)-byte record, \(name): \(micros / Double(rounds)) µs")
            #expect(total == rounds * (name == "valid" ? 0 : 2))
        }
        var total = 0
        let micros = Self.cpuMicroseconds {
            for _ in 0..<rounds { if case .object(let o) = schema.jsonValue(of: document) { total += o.count } }
        }
        print("jsonValue(of:), same record: \(micros / Double(rounds)) µs")
        #expect(total > 0)
    }

    /// The largest sample of each kind against its own schema, when the store folders are there.
    @Test(.enabled(if: StoreFolders.root != nil), arguments: StoreSchemaDifferentialTests.kinds)
    func storeSampleCost(kind: String) throws {
        let root = try #require(StoreFolders.root)
        let schemaData = try Data(contentsOf: root.appendingPathComponent("schemas/\(kind).schema.json"))
        let schema = try JSONSchema(json: [UInt8](schemaData))
        let folder = root.appendingPathComponent("samples/\(kind)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        let texts = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        let text = try #require(texts.max { $0.utf8.count < $1.utf8.count })
        let document = try Support.document(text)
        let expected = schema.validate(document).count
        let rounds = 5_000
        var total = 0
        let micros = Self.cpuMicroseconds { for _ in 0..<rounds { total += schema.validate(document).count } }
        print("validate, largest \(kind) sample (\(text.utf8.count) bytes): \(micros / Double(rounds)) µs")
        #expect(total == rounds * expected)
    }

    /// The CPU time `work` takes on this thread, in microseconds.
    static func cpuMicroseconds(_ work: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        work()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) * 1e6 + Double(end.tv_nsec - start.tv_nsec) / 1e3
    }
}
