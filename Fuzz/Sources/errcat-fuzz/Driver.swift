#if canImport(Glibc)
import Glibc
#endif

/// One executable, several libFuzzer targets: `errcat-fuzz <target> [libFuzzer arguments…]`.
/// The first argument picks the target; the rest go to libFuzzer (`-runs=N`, `-dict=…`, corpus
/// directories, a crash file to reproduce).
///
/// libFuzzer (linked by `-sanitize=fuzzer`) brings its own `main`; SwiftPM links an executable
/// target's entry point as `<module>_main`, which is defined here and hands over to
/// `LLVMFuzzerRunDriver` with the chosen target's test function.
enum Targets {
    static let all: [(name: String, run: @Sendable (UnsafeRawBufferPointer) -> Void, about: String)] = [
        ("syntax", SyntaxTarget.run, "MF1 parser: parse → print → parse gives the same tree; positions stay in range"),
        ("catalog", CatalogTarget.run, "Catalog.load(files:) of fuzzed en/de files, then matcher, formatter and review build and run"),
        ("matcher", MatcherTarget.run, "the matcher: anchored pre-pass, automaton (pre-pass off) and allocation-free view agree"),
        ("body", BodyTarget.run, "error bodies: ErrorBody.decode and explain never fail; a BOM changes nothing"),
        ("po", ExchangeTarget.runPO, "PO import (CatalogExchange.read), then merge into the bundled catalog"),
        ("xliff", ExchangeTarget.runXLIFF, "XLIFF 1.2 import, then merge"),
        ("xliff2", ExchangeTarget.runXLIFF2, "XLIFF 2.0 import, then merge"),
        ("roundtrip", RoundTripTarget.run, "format → parse: every catalog template with fuzzed values reads back"),
    ]
}

nonisolated(unsafe) var selected: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("errcat_fuzz_main")
public func errcatFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let name = argc > 1 ? argv[1].map { String(cString: $0) } : nil
    guard let name, let target = Targets.all.first(where: { $0.name == name }) else {
        var usage = "usage: errcat-fuzz <target> [libFuzzer options] [corpus…]\ntargets:\n"
        for target in Targets.all { usage += "  \(target.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(target.about)\n" }
        printError(usage)
        return 2
    }
    selected = target.run
    // libFuzzer sees argv without the target name (argv[0] stays the program).
    var arguments: [UnsafeMutablePointer<CChar>?] = [argv[0]]
    for k in 2..<Int(argc) { arguments.append(argv[k]) }
    arguments.append(nil)
    var count = CInt(arguments.count - 1)
    return arguments.withUnsafeMutableBufferPointer { buffer in
        var base: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
        return LLVMFuzzerRunDriver(&count, &base, fuzzOneInput)
    }
}

/// A property the target checks: a violation is a crash libFuzzer records (with the input).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        printError("fuzz property violated: \(message())\n")
        abort()
    }
}

extension String {
    /// The input as text (invalid UTF-8 repaired, as every errcat reader does).
    init(fuzz data: UnsafeRawBufferPointer) {
        self = String(decoding: data, as: UTF8.self)
    }
}

/// Writes to standard error (fd 2) without the shared C `stderr` stream.
func printError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}
