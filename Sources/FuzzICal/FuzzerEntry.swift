// Built with `-D FUZZING -sanitize=fuzzer` (make fuzz): libFuzzer supplies `main` and calls
// this entry point. An ordinary `swift build` builds `Replay` instead.
#if FUZZING
    /// libFuzzer's entry point: one input, read as an imported calendar; 0 means "keep going".
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzICal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        ICalFuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
