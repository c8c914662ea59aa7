// swift-tools-version: 6.1
import PackageDescription

// The flow of the code, one module a step (see docs/architecture.md):
//   PlanFile (YAML -> validated Plan) -> Scheduler (model, solve) -> ICal (libical) -> convene (CLI)
// Chronology and Diagnostics are small leaf modules every step shares; ReleaseFormat is the leaf
// the release's writers and the feed server share (layout, JSON, digests, HTML escaping).
let package = Package(
    name: "Convene",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "convene", targets: ["convene"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // What a release is on disk, shared by those who write it and the server that reads it.
        .target(name: "ReleaseFormat", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PlanFile",
            dependencies: [
                "Diagnostics", "Chronology", .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "Scheduler",
            // Release builds skip the run-time exclusivity checks of the search's scratch tables
            // (about a quarter of a proof's time, measured); debug builds, which run the tests,
            // keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Calendar invitations by email (iMIP) for a release's changes: SMTP or an outbox.
        // SMTP runs over a SwiftNIO channel; NIOSSL upgrades it to TLS (STARTTLS or SMTPS).
        .target(
            name: "Notifying",
            dependencies: [
                "ReleaseFormat", "ICal", "Chronology",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]),
        .target(
            name: "Planning",
            dependencies: ["PlanFile", "Scheduler", "Chronology", "Diagnostics", "ICal", "ReleaseFormat"]),
        .target(
            name: "Publishing",
            dependencies: [
                "Planning", "PlanFile", "ICal", "Chronology", "Pictures", "ReleaseFormat",
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]),
        // Conference systems in: a frab/pretalx schedule.json or schedule.xml becomes a plan.
        .target(
            name: "Importing",
            dependencies: ["PlanFile", "Planning", "Publishing", "Chronology", "Diagnostics"]),
        .target(name: "Pictures", dependencies: ["Planning", "PlanFile", "Scheduler", "Chronology", "ReleaseFormat"]),
        .target(
            name: "Agenda",
            dependencies: [
                "Planning", "PlanFile", "Scheduler", "Chronology", "Diagnostics",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "convene",
            dependencies: [
                "PlanFile", "Planning", "Publishing", "Scheduler", "Chronology", "Diagnostics", "ICal", "FeedServer",
                "Agenda", "Pictures", "Importing",
                "ReleaseFormat", "Notifying", "FeedTokens",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "FeedServer",
            dependencies: [
                "ReleaseFormat", "FeedTokens",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The secret links of personal feeds: SQLite on one machine, PostgreSQL shared by replicas.
        .target(
            name: "FeedTokens",
            dependencies: [
                "ReleaseFormat",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs every path of the libical wrapper under valgrind (MemoryTests); not part of the tool.
        .executableTarget(name: "ICalMemcheck", dependencies: ["ICal"]),
        // Figures for `make bench`; not part of the tool.
        .executableTarget(name: "ConveneBench", dependencies: ["ICal", "PlanFile", "Planning", "Scheduler"]),
        // libFuzzer targets for `make fuzz` (docs/fuzzing.md); in an ordinary build, programs
        // that replay inputs. Not part of the tool.
        .executableTarget(name: "FuzzPlan", dependencies: ["PlanFile", "Diagnostics"]),
        .executableTarget(name: "FuzzICal", dependencies: ["ICal"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ChronologyTests", dependencies: ["Chronology"]),
        .testTarget(name: "ICalTests", dependencies: ["ICal"]),
        .testTarget(name: "ReleaseFormatTests", dependencies: ["ReleaseFormat"]),
        .testTarget(name: "NotifyingTests", dependencies: ["Notifying", "ReleaseFormat", "ICal"]),
        .testTarget(
            name: "PlanFileTests",
            dependencies: ["PlanFile", "Diagnostics", "Chronology", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "PlanFile", "Scheduler", "Chronology"]),
        .testTarget(
            name: "PublishingTests",
            dependencies: ["Publishing", "Planning", "PlanFile", "ICal", "Scheduler", "ReleaseFormat"]
        ),
        .testTarget(
            name: "FeedServerTests",
            dependencies: [
                "FeedServer", "FeedTokens", "ReleaseFormat", "PostgresFixture",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // A throwaway PostgreSQL server (Debian's initdb and pg_ctl) for the tests; not part of the tool.
        .target(name: "PostgresFixture", path: "Tests/PostgresFixture"),
        .testTarget(name: "FeedTokensTests", dependencies: ["FeedTokens", "ReleaseFormat", "PostgresFixture"]),
        .testTarget(
            name: "AgendaTests",
            dependencies: ["Agenda", "Planning", "PlanFile", "Scheduler", "Chronology", "Publishing", "ICal"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "PicturesTests",
            dependencies: ["Pictures", "Planning", "PlanFile", "Scheduler", "Chronology"],
            exclude: ["small-timeline.golden.html"]
        ),
        .testTarget(
            name: "ImportingTests",
            dependencies: ["Importing", "PlanFile", "Planning", "Chronology", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]),
        .testTarget(name: "ConveneTests", dependencies: ["PlanFile", "ICal", "PostgresFixture"]),
    ]
)
