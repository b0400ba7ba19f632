// swift-tools-version: 6.1
import PackageDescription

// The Yams peer of the benchmark, in a package of its own so that Yams never enters the graph of
// the product or of the other benchmarks: it decodes the same store into the same KlasterModel
// types with Yams's YAMLDecoder (Yams parses with its own copy of libyaml).
let package = Package(
    name: "YamsPeer",
    dependencies: [
        .package(name: "Klaster", path: "../../"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .executableTarget(
            name: "yams-load",
            dependencies: [
                .product(name: "Klaster", package: "Klaster"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
