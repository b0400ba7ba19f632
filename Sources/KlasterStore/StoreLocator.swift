import Foundation

/// Finds which store a command works on: `--store DIR`, else `KLASTER_STORE`, else the nearest
/// folder at or above the working directory that holds `klaster.yaml` (as git finds `.git`).
public enum StoreLocator {
    public static let manifestName = "klaster.yaml"

    /// The store's root folder, absolute and standardized.
    public static func locate(
        explicit: String?,
        environment: [String: String]? = nil,
        workingDirectory: String? = nil
    ) throws(StoreError) -> String {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
        if let explicit, !explicit.isEmpty {
            return try check(absolute(explicit, from: workingDirectory), named: "--store \(explicit)")
        }
        if let env = environment["KLASTER_STORE"], !env.isEmpty {
            return try check(absolute(env, from: workingDirectory), named: "KLASTER_STORE=\(env)")
        }
        var dir = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: dir + "/" + manifestName) { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        throw StoreError(
            .noStore,
            "no Klaster store here: no \(manifestName) in \(workingDirectory) or any folder above it (use --store DIR or KLASTER_STORE, or 'klaster init')"
        )
    }

    static func absolute(_ path: String, from base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        var result = url.standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    private static func check(_ dir: String, named: String) throws(StoreError) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError(.noStore, "\(named): no such folder")
        }
        guard FileManager.default.fileExists(atPath: dir + "/" + manifestName) else {
            throw StoreError(.noStore, "\(named): not a Klaster store (no \(manifestName); 'klaster init' makes one)")
        }
        return dir
    }
}
