import Foundation
import PackagePlugin

/// `swift package klaster-export [ARGUMENTS...]`: runs this package's own `klaster export`
/// with the arguments as given, in the package's folder (so `--store data` and `--out site`
/// are relative to it, and without `--store` the store is found from there as `klaster` finds it).
@main
struct KlasterExportPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        // Build the package's own `klaster` (a plugin cannot link the library; it runs the tool).
        let build = try packageManager.build(.product("klaster"), parameters: .init(configuration: .debug, echoLogs: false))
        guard build.succeeded, let klaster = build.builtArtifacts.first(where: { $0.kind == .executable }) else {
            Diagnostics.error(build.logText)
            throw KlasterPluginFailure(status: 2)
        }
        let process = Process()
        process.executableURL = klaster.url
        process.arguments = ["export"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("klaster export ended with status \(process.terminationStatus)")
            throw KlasterPluginFailure(status: process.terminationStatus)
        }
    }
}

/// `klaster` ended with a status other than 0; it has already said why on stderr.
struct KlasterPluginFailure: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "klaster exited with status \(status)" }
}
