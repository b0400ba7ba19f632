import Foundation
import KlasterModel
import KlasterStore
import KlasterValidation
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

    @Test func findingsAcrossRecordsComeFromTheCacheOnlyWhileNoFileChanges() throws {
        let samples = try SampleStore()
        let cluster = "clusters/slaski-klaster-multimedialny.yaml"
        try samples.replace(cluster, "coordinator: rudzki-inkubator-przedsiebiorczosci", with: "coordinator: nobody-here")
        Thread.sleep(forTimeInterval: 2.5)
        let validator = try StoreValidator(store: samples.open())
        let cold = try validator.validate()
        #expect(cold.diagnostics.map(\.rule) == ["ref"])
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
}
