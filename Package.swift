// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Klaster",
    products: [
        .executable(name: "klaster", targets: ["KlasterCLI"]),
        .library(
            name: "Klaster",
            targets: [
                "KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation", "KlasterEdit", "KlasterMerge",
                "KlasterTemplates", "KlasterExport",
                "KlasterSync",
            ]
        ),
        .plugin(name: "KlasterValidatePlugin", targets: ["KlasterValidatePlugin"]),
        .plugin(name: "KlasterExportPlugin", targets: ["KlasterExportPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libyaml, from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The YAML layer: events with positions, the document tree, limits, Codable, emitter, editor.
        .target(name: "KlasterYAML", dependencies: ["CLibYAML"]),
        // Record kinds and their Codable types.
        .target(name: "KlasterModel", dependencies: ["KlasterYAML"]),
        // A store on disk: manifest, discovery, listing and reading record files, atomic writes, the lock.
        .target(name: "KlasterStore", dependencies: ["KlasterYAML", "KlasterModel"]),
        // Schema, domain and cross-record checks of a store: JSON Schema keywords, identifiers, codes.
        .target(name: "KlasterValidation", dependencies: ["KlasterYAML", "KlasterModel", "KlasterStore"]),
        // Editing records and the store: field changes by the schema, new/rm/mv, fmt, the journal.
        .target(
            name: "KlasterEdit",
            dependencies: ["KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation"]
        ),
        // Three-way merge of records by their schema, line-based merge, conflict markers, git's merge driver.
        .target(
            name: "KlasterMerge",
            dependencies: ["KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation"]
        ),
        // Mustache templates: parsed once and laid out flat, rendered into UTF-8 bytes from typed values.
        .target(name: "KlasterTemplates"),
        // Exporters: JSON, CSV, a static HTML site, and plugin executables.
        .target(
            name: "KlasterExport",
            dependencies: ["KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation", "KlasterTemplates"]
        ),
        // Sync between two copies of a store: copy ids, bases per peer, the stat cache, crash-safe writes.
        .target(
            name: "KlasterSync",
            dependencies: ["KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation", "KlasterEdit", "KlasterMerge"]
        ),
        // The command-line tool.
        .executableTarget(
            name: "KlasterCLI",
            dependencies: [
                "KlasterYAML", "KlasterModel", "KlasterStore", "KlasterValidation", "KlasterEdit", "KlasterMerge",
                "KlasterExport", "KlasterSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift package klaster-validate` and `swift package klaster-export`: the package's own
        // `klaster` run on a dataset folder of the package.
        .plugin(
            name: "KlasterValidatePlugin",
            capability: .command(
                intent: .custom(verb: "klaster-validate", description: "Validate a Klaster store in this package with klaster validate."),
                permissions: []
            ),
        ),
        .plugin(
            name: "KlasterExportPlugin",
            capability: .command(
                intent: .custom(verb: "klaster-export", description: "Export a Klaster store in this package with klaster export."),
                permissions: [
                    .writeToPackageDirectory(reason: "klaster export writes the exported files (--out) into the package's folder.")
                ]
            ),
        ),
        .testTarget(
            name: "KlasterYAMLTests",
            dependencies: [
                "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KlasterModelTests",
            dependencies: [
                "KlasterModel",
                "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "KlasterCLITests", dependencies: ["KlasterCLI", "KlasterSync"]),
        .testTarget(
            name: "KlasterEditTests",
            dependencies: [
                "KlasterEdit",
                "KlasterValidation",
                "KlasterStore",
                "KlasterModel",
                "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "KlasterMergeTests",
            dependencies: [
                "KlasterMerge",
                "KlasterValidation",
                "KlasterStore",
                "KlasterYAML",
                "KlasterModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "KlasterSyncTests",
            dependencies: [
                "KlasterSync",
                "KlasterMerge",
                "KlasterStore",
                "KlasterModel",
                "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "KlasterStoreTests",
            dependencies: [
                "KlasterStore", "KlasterModel", "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // swift-mustache is only a test dependency: the differential tests render with both engines.
        .testTarget(
            name: "KlasterExportTests",
            dependencies: [
                "KlasterExport", "KlasterTemplates", "KlasterStore", "KlasterValidation", "KlasterModel", "KlasterYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "KlasterTemplatesTests",
            dependencies: ["KlasterTemplates", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "KlasterValidationTests",
            dependencies: [
                "KlasterValidation",
                "KlasterYAML",
                "KlasterModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // Require `any` for existential types.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // A file sees only the members of modules it imports itself.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // Imports are internal unless marked `public import`.
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
