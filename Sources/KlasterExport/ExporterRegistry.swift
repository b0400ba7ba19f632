/// The export formats by name: the built-in ones, those a program registers, and plugin
/// programs.
///
/// ```swift
/// var registry = ExporterRegistry.builtIn
/// registry.register(MyExporter())          // a Swift type conforming to Exporter
/// try registry.exporter(named: "json").export(dataset, options: ExportOptions(out: "-"))
/// ```
public struct ExporterRegistry: Sendable {
    private var byName: [String: any Exporter] = [:]
    private var order: [String] = []

    public init() {}

    /// The built-in formats.
    public static var builtIn: ExporterRegistry {
        var registry = ExporterRegistry()
        registry.register(JSONExporter())
        registry.register(CSVExporter())
        registry.register(HTMLExporter())
        return registry
    }

    /// Adds `exporter` under its name, replacing one of the same name.
    public mutating func register(_ exporter: any Exporter) {
        if byName[exporter.name] == nil { order.append(exporter.name) }
        byName[exporter.name] = exporter
    }

    /// Adds the plugin programs found for a store (see ``PluginExporter/discover(in:storeRoot:)``)
    /// whose names no registered exporter has.
    public mutating func registerPlugins(storeRoot: String?, path: String? = nil) {
        let folders = PluginExporter.searchFolders(storeRoot: storeRoot, path: path)
        for plugin in PluginExporter.discover(in: folders, storeRoot: storeRoot) where byName[plugin.name] == nil {
            register(plugin)
        }
    }

    /// Every exporter, in the order registered.
    public var exporters: [any Exporter] { order.compactMap { byName[$0] } }

    /// The exporter named `name`.
    public func exporter(named name: String) throws(ExportError) -> any Exporter {
        guard let exporter = byName[name] else {
            throw ExportError(
                .unknownFormat,
                "no exporter '\(name)': the formats are \(order.joined(separator: ", ")), or a program klaster-export-\(name) in the store's exporters/ folder or on PATH"
            )
        }
        return exporter
    }
}
