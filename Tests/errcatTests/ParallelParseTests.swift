import ErrorCatalog
import Foundation
import MessageFormatting
import Testing

/// `errcat parse --jobs N` prints exactly what `--jobs 1` prints, in input order, on a mixed
/// stream of several thousand lines: catalog messages in both locales, noise, hostile lines.
@Suite struct ParallelParseTests {
    static func mixedStream(lines count: Int) throws -> String {
        let catalog = try Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path)
        let formatter = try CatalogFormatter(catalog: catalog)
        var generator = SeededRandomNumberGenerator(seed: 4242)
        var formats: [(CodeEntry, String, Int)] = []
        for entry in catalog.codes {
            for locale in catalog.locales {
                for variant in (entry.localized[locale]?.templates ?? []).indices { formats.append((entry, locale, variant)) }
            }
        }
        let hostile = [
            "", " ", "\t\t", String(repeating: "a", count: 20_000), String(repeating: "Maximum batch size exceeded. ", count: 300),
            "Hash value \u{0}\u{1}\u{7F} is invalid.", "Machine 💥 was not found", "{\"error\": {\"code\": \"x\"}}",
            "Received: 1,2,3,4,5,6,7,8,9,0 allowed", String(repeating: "{", count: 5_000), "ünïcödé ÄÖÜ ß “quoted” ‘x’",
            "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
        ]
        var lines: [String] = []
        while lines.count < count {
            let pick = Int(generator.next() % 100)
            if pick < 8 {
                lines.append(hostile[Int(generator.next() % UInt64(hostile.count))])
            } else if pick < 20 {
                lines.append("noise \(generator.next() % 100_000) lorem ipsum \(generator.next())")
            } else {
                let (entry, locale, variant) = formats[Int(generator.next() % UInt64(formats.count))]
                var values: [String: Value] = [:]
                for placeholder in entry.placeholders { values[placeholder.name] = placeholder.type.randomValue(using: &generator) }
                let text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                if text.contains("\n") { continue }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the built executable with stdin and stdout in files (no pipe can fill up).
    static func run(_ arguments: [String], input: URL) throws -> (Int32, Data) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-parallel-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = Errcat.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "ERRCAT_CATALOG")
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: output))
    }

    @Test(arguments: [["parse"], ["parse", "--json"]])
    func jobsFourEqualsJobsOne(mode: [String]) throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-parallel-\(UUID().uuidString).txt")
        try Data(try Self.mixedStream(lines: 6_000).utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let (status1, one) = try Self.run(mode + ["--jobs", "1"], input: input)
        let (status4, four) = try Self.run(mode + ["--jobs", "4"], input: input)
        #expect(status1 == 0 && status4 == 0)
        #expect(one.count > 100_000)
        #expect(one.split(separator: 0x0A, omittingEmptySubsequences: false).count == 6_001)
        #expect(four == one, "--jobs 4 differs from --jobs 1 (\(four.count) vs \(one.count) bytes)")
    }

    @Test func ndjsonJobsFourEqualsJobsOne() throws {
        let stream = try Self.mixedStream(lines: 3_000)
        var bodies = stream.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated().map { index, line in
            let object: [String: Any] = ["error": ["code": index % 7 == 0 ? "MaximumBatchSizeExceeded" : "Unknown\(index % 5)",
                                                   "message": String(line), "target": "t"]]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        bodies.append("{not json")
        bodies.append("[]")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-parallel-\(UUID().uuidString).ndjson")
        try Data((bodies.joined(separator: "\n") + "\n").utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        for mode in [["parse", "--ndjson"], ["parse", "--ndjson", "--json"]] {
            let (_, one) = try Self.run(mode + ["--jobs", "1"], input: input)
            let (_, four) = try Self.run(mode + ["--jobs", "4"], input: input)
            #expect(one.split(separator: 0x0A, omittingEmptySubsequences: false).count == bodies.count + 1)
            #expect(four == one, "\(mode): --jobs 4 differs from --jobs 1")
        }
    }

    /// Over several pipelined batches (4,096 lines each), overlong lines keep their numbers: the
    /// report lines and the output equal --jobs 1's.
    @Test(arguments: [["parse"], ["parse", "--json"]])
    func overlongLinesKeepTheirNumbersAcrossBatches(mode: [String]) throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-parallel-long-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: input) }
        var lines = (1...10_000).map { "Machine m\($0) was not found" }
        let long = String(repeating: "x", count: InputLimits.maxLineBytes + 10)
        for number in [2, 4_097, 9_999] { lines[number - 1] = long }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let (status1, one) = try Self.run(mode + ["--jobs", "1"], input: input)
        let (status3, three) = try Self.run(mode + ["--jobs", "3"], input: input)
        #expect(status1 == 1 && status3 == 1)
        #expect(three == one)
        let output = String(decoding: three, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.count == 10_001)
        for number in [2, 4_097, 9_999] {
            #expect(output[number - 1].contains(mode.contains("--json") ? "{\"line\":\(number)," : "line \(number): not parsed"), "\(output[number - 1])")
        }
        #expect(output[4_097].contains("m4098"))
    }

    @Test func jobsMustBePositive() throws {
        let result = try Errcat.run(["parse", "--jobs", "0"], stdin: "x\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--jobs"))
    }
}
