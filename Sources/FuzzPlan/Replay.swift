#if !FUZZING
    import Foundation

    /// Without the fuzzer: runs each file named on the command line through the same check once,
    /// to replay a finding without the sanitizer (and so that `swift build` builds this target).
    @main struct Replay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot read")
                    exit(1)
                }
                PlanFuzzInput.run([UInt8](data))
                print("\(path): ok")
            }
        }
    }
#endif
