// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package, so that the root never builds them or their dependencies.
let package = Package(
    name: "KlasterBenchmarks",
    dependencies: [
        .package(name: "Klaster", path: "../"),
    ],
    targets: [
        // Deterministic stores of N records shaped like samples/, and edited copies of them.
        .executableTarget(
            name: "klaster-gen",
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
        // Open and load a store: read, parse and decode every record into its KlasterModel type.
        .executableTarget(
            name: "klaster-load",
            dependencies: [.product(name: "Klaster", package: "Klaster")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
        // Parse (and decode) a corpus of record files, timed in CPU time; see run-yaml-bench.sh.
        .executableTarget(
            name: "yaml-bench",
            dependencies: [.product(name: "Klaster", package: "Klaster")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
