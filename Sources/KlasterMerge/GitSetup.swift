import Foundation
import KlasterModel
public import KlasterStore

/// Configures the git clone a store is in for Klaster's merge driver (`merge.klaster.driver`
/// and `merge.klaster.name` in the clone's own config) and makes sure `.gitattributes` routes
/// every record file to it.
public struct GitSetup: Sendable {
    /// The driver line git runs: `%O %A %B` are the three versions, `%P` the path, `%L` the
    /// marker size.
    public static let driverArguments = "merge-file %O %A %B --path %P --marker-size %L"
    public static let driverName = "Klaster: merge records field by field"

    public var store: Store
    /// The `klaster` executable the driver line names.
    public var executable: String

    public init(store: Store, executable: String) {
        self.store = store
        self.executable = executable
    }

    /// The `klaster` binary that is running, as an absolute path.
    public static var currentExecutable: String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// The clone's top folder, or `nil` when the store is not in a git work tree.
    public var topLevel: String? { Git(directory: store.root).topLevel }

    /// Writes what is missing and returns one line per thing checked or done. Throws when the
    /// store is not in a git work tree or git refuses the change.
    public func run() throws(StoreError) -> [String] {
        let git = Git(directory: store.root)
        guard git.topLevel != nil else {
            throw StoreError(.badArgument, "\(store.root) is not inside a git work tree ('git init' makes one)")
        }
        var report: [String] = []
        let driver = Self.shellQuoted(executable) + " " + Self.driverArguments
        for (key, value) in [("merge.klaster.name", Self.driverName), ("merge.klaster.driver", driver)] {
            if git.config(key) == value {
                report.append("git config \(key) is already set: \(value)")
            } else if git.run(["config", "--local", key, value])?.status == 0 {
                report.append("set git config \(key) = \(value)")
            } else {
                throw StoreError(.unwritable, "git could not set \(key) in \(store.root)")
            }
        }
        let routed = unroutedKinds(git)
        if routed.isEmpty {
            report.append(".gitattributes: every record file uses the klaster merge driver")
        } else {
            _ = try Store.appendMissingLines(Store.gitAttributesLines, to: store.root + "/.gitattributes")
            let still = unroutedKinds(git)
            if !still.isEmpty {
                throw StoreError(
                    .badArgument,
                    ".gitattributes: \(still.joined(separator: ", ")) record files still do not use the klaster merge driver (another attribute file overrides it?)"
                )
            }
            report.append(".gitattributes: routed \(routed.joined(separator: ", ")) record files to the klaster merge driver")
        }
        return report
    }

    /// The kinds whose record files git does not send to the `klaster` driver.
    private func unroutedKinds(_ git: Git) -> [String] {
        let paths = store.manifestKinds.map { "\($0)/example.yaml" }
        guard let output = git.text(["check-attr", "merge", "--"] + paths) else { return store.manifestKinds }
        var unrouted: [String] = []
        for (kind, line) in zip(store.manifestKinds, output.split(separator: "\n")) where !line.hasSuffix(": merge: klaster") {
            unrouted.append(kind)
        }
        return unrouted
    }

    static func shellQuoted(_ text: String) -> String {
        if text.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Store {
    fileprivate var manifestKinds: [String] { RecordKind.allCases.map(\.folder) }
}
