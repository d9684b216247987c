// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "jalon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jalon", targets: ["jalon"]),
        .library(name: "JalonCore", targets: ["JalonCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Linux headers that Glibc's module map leaves out (timerfd).
        .systemLibrary(name: "CLinux"),
        .target(
            name: "JalonCore",
            dependencies: [
                "CSystemd",
                "CLinux",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The renewal catalogue and the rules, as data compiled into the binary (`PackageResources`).
            resources: [.embedInCode("Rules/catalog.toml"), .embedInCode("Rules/rules.toml")]
        ),
        .executableTarget(
            name: "jalon",
            dependencies: [
                "JalonCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The measurements of BENCHMARKS.md (scripts/bench), kept out of `swift test`.
        .executableTarget(
            name: "jalon-bench",
            dependencies: [
                "JalonCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(
            name: "JalonCoreTests",
            dependencies: [
                "JalonCore",
                // The reference parser: jalon's own TOML parser is checked against it.
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "jalonTests",
            dependencies: ["jalon", "JalonCore"],
            exclude: ["systemd-e2e.sh", "mta-e2e.sh", "e2e-common.sh"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
