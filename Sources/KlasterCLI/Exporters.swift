import ArgumentParser
import KlasterExport
import KlasterStore

extension Klaster {
    struct Exporters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exporters",
            abstract: "List the export formats: built-in ones and plugin programs.",
            discussion: """
                Plugins are programs named klaster-export-NAME in the store's exporters/ folder or \
                on PATH (the store's first). Without a store, only PATH is searched.
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let root = try? Store.locate(explicit: storeOptions.store).root
            if root == nil, storeOptions.store != nil {
                _ = try Store.locate(explicit: storeOptions.store)
            }
            var registry = ExporterRegistry.builtIn
            registry.registerPlugins(storeRoot: root)
            let exporters = registry.exporters
            let width = exporters.map(\.name.count).max() ?? 0
            var text = ""
            for exporter in exporters {
                let kind = exporter is PluginExporter ? "plugin  " : "built-in"
                text += exporter.name + String(repeating: " ", count: width - exporter.name.count)
                text += "  \(kind)  \(exporter.summary)\n"
            }
            Output.standard.write(text)
        }
    }
}
