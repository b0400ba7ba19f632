import KlasterModel
import KlasterStore
import Synchronization

/// A store's schemas per kind: the bundled one, then the store's own `schemas/<kind>.schema.json`
/// when it is there and differs (SPEC §2: validation applies both).
///
/// The store's own schemas are compiled at once, so that one that does not compile is reported
/// when the store is opened. The bundled ones are compiled on first use: a `validate` whose
/// every file comes from the cache needs none of them.
final class StoreSchemas: Sendable {
    private struct Source: Sendable {
        var kind: RecordKind
        var file: String
        var text: String
        var own: JSONSchema?
    }

    private let sources: [Source]
    private let compiled = Mutex<[RecordKind: SchemaSet]?>(nil)
    /// Identifies the schema texts in force, for the validation cache.
    let key: UInt64

    init(store: Store) throws(StoreError) {
        var sources: [Source] = []
        var fingerprint = Fingerprint()
        for bundled in BundledSchemas.all {
            fingerprint.add(Array(bundled.text.utf8))
            guard let kind = RecordKind(name: bundled.kind) else { continue }
            var source = Source(kind: kind, file: bundled.file, text: bundled.text)
            let ownPath = store.root + "/schemas/" + bundled.file
            if case .bytes(let own)? = try? FileIO.read(ownPath, limit: 8 << 20), own != Array(bundled.text.utf8) {
                fingerprint.add(own)
                do {
                    source.own = try JSONSchema(json: own, file: "schemas/" + bundled.file)
                } catch {
                    throw StoreError(.badManifest, "schemas/\(bundled.file): the store's schema cannot be used: \(error)")
                }
            }
            sources.append(source)
        }
        self.sources = sources
        key = fingerprint.value
    }

    /// The schema sets, compiled the first time they are asked for.
    ///
    /// The bundled schemas are part of the program and compile (the tests compile and use every
    /// one); should one not, its kind keeps only the store's own schema, or none.
    var sets: [RecordKind: SchemaSet] {
        compiled.withLock { compiled in
            if let compiled { return compiled }
            var sets: [RecordKind: SchemaSet] = [:]
            for source in sources {
                var set: [JSONSchema] = []
                if let bundled = try? JSONSchema(json: source.text, file: "schemas/" + source.file) { set.append(bundled) }
                if let own = source.own { set.append(own) }
                if !set.isEmpty { sets[source.kind] = SchemaSet(set) }
            }
            compiled = sets
            return sets
        }
    }
}

/// FNV-1a, 64 bits: a fingerprint of schema texts (not a security measure).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xff
        value &*= 0x100_0000_01b3
    }
}
