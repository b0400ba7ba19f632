import Foundation
import KlasterModel
import KlasterStore
@testable import KlasterValidation
import Testing

@Suite struct ValidationCacheTests {
    let member = "members/rudzki-inkubator-przedsiebiorczosci.yaml"

    @Test func unchangedFilesComeFromTheCacheAndAnyEditIsSeen() throws {
        let samples = try SampleStore()
        try samples.replace(member, "org_type: incubator", with: "org_type: bakery")
        // Files changed in the last two seconds are not cached: let them settle.
        Thread.sleep(forTimeInterval: 2.5)
        let validator = try StoreValidator(store: samples.open())
        let cold = try validator.validate()
        let cachePath = samples.root + "/.klaster/cache/validate"
        #expect(FileManager.default.fileExists(atPath: cachePath))
        let cacheBytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        let warm = try validator.validate()
        #expect(warm.diagnostics == cold.diagnostics)
        #expect(warm.diagnostics.map(\.rule) == ["enum"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: cachePath)) == cacheBytes, "a warm run rewrites nothing")

        // The same size, one byte different: the stamp (modification time) tells.
        try samples.replace(member, "org_type: bakery", with: "org_type: bakerz")
        let edited = try validator.validate()
        #expect(edited.diagnostics.map(\.message).contains { $0.contains("bakerz") })

        // A fix is seen too, and a new file, and a removed one.
        try samples.replace(member, "org_type: bakerz", with: "org_type: incubator")
        try samples.write("news/extra.yaml", "id: extra\n")
        #expect(Set(try validator.validate().diagnostics.map(\.file)) == ["news/extra.yaml"])
        try FileManager.default.removeItem(atPath: samples.root + "/news/extra.yaml")
        #expect(try validator.validate().diagnostics == [])
    }

    /// Samples whose cluster names a coordinator that no record is, validated once (cold).
    static func danglingCoordinator() throws -> (SampleStore, StoreValidator, ValidationReport) {
        let samples = try SampleStore()
        let cluster = "clusters/slaski-klaster-multimedialny.yaml"
        try samples.replace(cluster, "coordinator: rudzki-inkubator-przedsiebiorczosci", with: "coordinator: nobody-here")
        // Files changed in the last two seconds are not cached: let them settle.
        Thread.sleep(forTimeInterval: 2.5)
        let validator = try StoreValidator(store: samples.open())
        let cold = try validator.validate()
        #expect(cold.diagnostics.map(\.rule) == ["ref"])
        return (samples, validator, cold)
    }

    @Test func findingsAcrossRecordsComeFromTheCacheOnlyWhileNoFileChanges() throws {
        let (samples, validator, cold) = try Self.danglingCoordinator()
        // Nothing changed: the same finding, though no record is read or compared again.
        #expect(try validator.validate().diagnostics == cold.diagnostics)
        // A new record that the reference names: the finding goes, although no file it was
        // found in changed.
        try samples.write("members/nobody-here.yaml", "id: nobody-here\nname: Nobody\n")
        #expect(!(try validator.validate().diagnostics.contains { $0.rule == "ref" }))
        // And comes back when that record goes, the cluster's file still unchanged.
        try FileManager.default.removeItem(atPath: samples.root + "/members/nobody-here.yaml")
        Thread.sleep(forTimeInterval: 2.5)
        #expect(try validator.validate().diagnostics == cold.diagnostics)
        #expect(try validator.validate().diagnostics == cold.diagnostics)
    }

    @Test func aChangedStoreSchemaInvalidatesTheCache() throws {
        let samples = try SampleStore()
        Thread.sleep(forTimeInterval: 2.5)
        #expect(try StoreValidator(store: samples.open()).validate().diagnostics == [])
        var schema = try samples.read("schemas/members.schema.json")
        schema = schema.replacingOccurrences(of: "\"required\": [\n    \"id\",", with: "\"required\": [\n    \"city\",\n    \"id\",")
        try samples.write("schemas/members.schema.json", schema)
        let stricter = try StoreValidator(store: samples.open()).validate()
        #expect(!stricter.diagnostics.isEmpty)
        #expect(stricter.diagnostics.allSatisfy { $0.rule == "required" })
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let samples = try SampleStore()
        try samples.replace(member, "org_type: incubator", with: "org_type: bakery")
        Thread.sleep(forTimeInterval: 2.5)
        let validator = try StoreValidator(store: samples.open())
        let cold = try validator.validate()
        let cachePath = samples.root + "/.klaster/cache/validate"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        bytes.removeLast(7)
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        #expect(try validator.validate().diagnostics == cold.diagnostics)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cachePath))
        #expect(try validator.validate().diagnostics == cold.diagnostics)
    }

    @Test func damagedFactsAreReadAgainFromTheirFile() throws {
        let (samples, validator, cold) = try Self.danglingCoordinator()
        // Every entry's facts made unreadable (their record kind byte out of range), the
        // lengths kept: the cache still loads, and the facts are what is damaged.
        let cachePath = samples.root + "/.klaster/cache/validate"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cachePath)))
        let key = "\(ValidationCache.programKey) \(validator.schemaKey)"
        let loaded = try #require(ValidationCache.load(from: cachePath, key: key))
        let offsets = loaded.entries.compactMap(\.facts)
        #expect(offsets.count == loaded.entries.count)
        for offset in offsets { bytes[offset] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: cachePath))
        let damaged = try #require(ValidationCache.load(from: cachePath, key: key))
        #expect(damaged.entries.allSatisfy { damaged.facts(of: $0) == nil })
        // A new file makes the run look at every record's facts: those of the damaged entries
        // come from their files again, and the reference is still found dangling.
        try samples.write("news/extra-item.yaml", "id: extra-item\ntitle: {pl: Dodatkowa}\npublished: 2020-01-01\n")
        let after = try validator.validate()
        #expect(after.diagnostics.filter { $0.rule == "ref" } == cold.diagnostics)
        try FileManager.default.removeItem(atPath: samples.root + "/news/extra-item.yaml")
        #expect(try validator.validate().diagnostics == cold.diagnostics)
    }

    @Test func everyBundledSchemaCompilesAndIsTheOneInSchemas() throws {
        for bundled in BundledSchemas.all {
            let schema = try JSONSchema(json: bundled.text, file: bundled.file)
            #expect(schema.unsupportedKeywords.isEmpty, "\(bundled.file)")
            let onDisk = try String(contentsOfFile: SampleStore.packageRoot.path + "/schemas/" + bundled.file, encoding: .utf8)
            #expect(onDisk == bundled.text, "\(bundled.file) differs from schemas/\(bundled.file)")
        }
        #expect(Set(BundledSchemas.all.map(\.kind)) == Set(RecordKind.allCases.map(\.folder)))
    }
}
