// swift-tools-version: 6.1
import PackageDescription

// The flow of the code, one module a step (see docs/architecture.md):
//   PlanFile (YAML -> validated Plan) -> Scheduler (model, solve) -> ICal (libical) -> convene (CLI)
// Chronology and Diagnostics are small leaf modules every step shares.
let package = Package(
    name: "Convene",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "convene", targets: ["convene"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libical, the C library; imported by the ICal module only.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "ICal", dependencies: ["CLibical"]),
        .target(name: "Diagnostics"),
        .target(name: "Chronology"),
        .target(
            name: "PlanFile",
            dependencies: ["Diagnostics", "Chronology", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Scheduler"),
        .target(name: "Planning", dependencies: ["PlanFile", "Scheduler", "Chronology", "Diagnostics", "ICal"]),
        .target(name: "Publishing", dependencies: ["Planning", "PlanFile", "ICal", "Chronology"]),
        .executableTarget(
            name: "convene",
            dependencies: [
                "PlanFile", "Planning", "Publishing", "Scheduler", "Chronology", "Diagnostics", "ICal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Figures for `make bench`; not part of the tool.
        .executableTarget(name: "ConveneBench", dependencies: ["ICal", "PlanFile", "Planning", "Scheduler"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ChronologyTests", dependencies: ["Chronology"]),
        .testTarget(name: "ICalTests", dependencies: ["ICal"]),
        .testTarget(name: "PlanFileTests", dependencies: ["PlanFile", "Diagnostics", "Chronology"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "PlanFile", "Scheduler", "Chronology"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Planning", "PlanFile", "ICal"]),
        .testTarget(name: "ConveneTests", dependencies: ["PlanFile", "ICal"]),
    ]
)
