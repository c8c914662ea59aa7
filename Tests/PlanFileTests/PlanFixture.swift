import Diagnostics
import Foundation
import PlanFile

/// Plan files written to a fresh temporary folder, loaded, and their diagnostics printed with
/// paths relative to that folder, so tests can assert exact positions and messages.
struct PlanFixture {
    let folder: URL

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, Data(text.utf8)) }
    }

    func write(_ name: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load(_ root: String = "plan.yaml") -> PlanLoadResult {
        PlanLoader.load(folder.appendingPathComponent(root).path)
    }

    /// The diagnostics as printed, with the folder's path removed.
    func messages(_ root: String = "plan.yaml") -> [String] {
        load(root).diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
}

/// A valid calendar section to put in front of what a test is about (5 lines).
let calendarHeader = """
    calendar:
      id: test-2021
      name: Test 2021
      zone: America/New_York
      horizon: 2021

    """
