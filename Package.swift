// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Klaster",
    products: [
        .library(
            name: "Klaster",
            targets: ["KlasterYAML", "KlasterModel", "KlasterValidation"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // Schema validation on the YAML tree, and the checks that need more than one record.
        .target(name: "KlasterValidation", dependencies: ["KlasterYAML", "KlasterModel"]),
        .testTarget(
            name: "KlasterYAMLTests",
            dependencies: [
                "KlasterYAML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
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
