// `errcat parse` on a stream (issue 11, item 4): lines per second of the built tool, text and
// --json, at 1, 2 and N jobs, on a generated mixed stream — catalog messages in en and de with
// random typed values (every template and variant), 10 % noise lines, 2 % hostile lines (blank,
// controls, emoji, JSON, decomposed text). Every run's output is checked before its time counts:
// one output line per input line, byte-identical to --jobs 1 of the same mode, the expected number
// of matched lines, and a sample of --json lines decoded with their "input" equal to the line read.
//
// Build the tool first, then run from the repository root:
//   swift build -c release --product errcat
//   swift run -c release --package-path Benchmarks StreamBenchmark [lines] [--errcat PATH] [--jobs 1,2,4] [--rounds N]
// (default 200,000 lines, jobs 1, 2 and the number of cores, 3 rounds; wall-clock time and the
// tool's CPU time (user + system) per run; medians of alternating rounds.)
import DefenderCatalog
import ErrorCatalog
import Foundation
import MessageFormatting

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("StreamBenchmark: \(message)\n".utf8))
    exit(1)
}

func value(after flag: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let positional = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
    .filter { argument in !["--errcat", "--jobs", "--rounds"].contains { value(after: $0) == argument } }
let lineCount = positional.first.flatMap { Int($0) } ?? 200_000
let rounds = value(after: "--rounds").flatMap { Int($0) } ?? 3
let cores = ProcessInfo.processInfo.activeProcessorCount
let jobCounts: [Int] = value(after: "--jobs").map { $0.split(separator: ",").compactMap { Int($0) } }
    ?? Array(Set([1, 2, cores])).sorted()
let errcat = value(after: "--errcat") ?? FileManager.default.currentDirectoryPath + "/.build/release/errcat"
guard FileManager.default.isExecutableFile(atPath: errcat) else {
    fail("no errcat binary at \(errcat): build it first (swift build -c release --product errcat) or pass --errcat PATH")
}
guard lineCount > 0, rounds > 0, !jobCounts.isEmpty, jobCounts.allSatisfy({ $0 > 0 }) else {
    fail("usage: StreamBenchmark [lines > 0] [--errcat PATH] [--jobs 1,2,4] [--rounds N > 0]")
}

// MARK: The stream

let catalog: Catalog
let formatter: CatalogFormatter
do {
    catalog = try Catalog.defender
    formatter = try CatalogFormatter(catalog: catalog)
} catch {
    fail("the bundled catalog: \(error)")
}
var formats: [(CodeEntry, String, Int)] = []
for entry in catalog.codes {
    for locale in catalog.locales {
        for variant in (entry.localized[locale]?.templates ?? []).indices { formats.append((entry, locale, variant)) }
    }
}
let hostile = [
    "", " ", "\t\t", "Hash value \u{1}\u{7F} is invalid.", "Machine 💥 was not found", "{\"error\": {\"code\": \"x\"}}",
    "ünïcödé ÄÖÜ ß “quoted” ‘x’", "Die URL http://x ist ungu\u{0308}ltig.", "\u{1B}]0;title\u{7} Maximum batch size exceeded.",
]
var generator = SeededRandomNumberGenerator(seed: 2026_11_30)
var lines: [String] = []
lines.reserveCapacity(lineCount)
var catalogLines = 0
while lines.count < lineCount {
    let pick = generator.next() % 100
    if pick < 2 {
        lines.append(hostile[Int(generator.next() % UInt64(hostile.count))])
    } else if pick < 12 {
        lines.append("noise \(generator.next() % 100_000) lorem ipsum \(generator.next())")
    } else {
        let (entry, locale, variant) = formats[Int(generator.next() % UInt64(formats.count))]
        var values: [String: Value] = [:]
        for placeholder in entry.placeholders { values[placeholder.name] = placeholder.type.randomValue(using: &generator) }
        guard let text = try? formatter.format(code: entry.code, values: values, locale: locale, variant: variant),
              !text.contains("\n") else { continue }
        lines.append(text)
        catalogLines += 1
    }
}
let input = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-stream-\(getpid()).txt")
let output = FileManager.default.temporaryDirectory.appendingPathComponent("errcat-stream-\(getpid()).out")
defer {
    try? FileManager.default.removeItem(at: input)
    try? FileManager.default.removeItem(at: output)
}
let inputBytes = Data((lines.joined(separator: "\n") + "\n").utf8)
do { try inputBytes.write(to: input) } catch { fail("cannot write \(input.path): \(error)") }
print("stream: \(lineCount) lines (\(catalogLines) catalog messages over \(formats.count) templates, the rest noise and hostile), \(inputBytes.count) bytes; \(errcat)")

// MARK: Runs

/// Runs `errcat parse` once: wall seconds, the child's CPU seconds, and its output.
func run(json: Bool, jobs: Int) -> (wall: Double, cpu: Double, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: errcat)
    process.arguments = ["parse", "--jobs", String(jobs)] + (json ? ["--json"] : [])
    guard let stdin = FileHandle(forReadingAtPath: input.path) else { fail("cannot open \(input.path)") }
    guard FileManager.default.createFile(atPath: output.path, contents: nil) else { fail("cannot create \(output.path)") }
    guard let stdout = FileHandle(forWritingAtPath: output.path) else { fail("cannot open \(output.path)") }
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    var before = rusage(), after = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &before)
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch { fail("cannot run \(errcat): \(error)") }
    process.waitUntilExit()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    getrusage(RUSAGE_CHILDREN.rawValue, &after)
    try? stdin.close()
    try? stdout.close()
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    let cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime)
    // Exit 1 is "some line was not matched" (noise is); anything else is a failure.
    guard process.terminationStatus == 0 || process.terminationStatus == 1 else {
        fail("errcat parse --jobs \(jobs)\(json ? " --json" : "") exited \(process.terminationStatus)")
    }
    guard let data = try? Data(contentsOf: output) else { fail("cannot read \(output.path)") }
    return (wall, cpu, data)
}

/// The reference output of a mode (--jobs 1), checked once.
var reference: [Bool: Data] = [:]
for json in [false, true] {
    let (_, _, data) = run(json: json, jobs: 1)
    let outputLines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard outputLines.count == lineCount + 1, outputLines.last?.isEmpty == true else {
        fail("\(json ? "--json" : "text"): \(outputLines.count - 1) output lines for \(lineCount) input lines")
    }
    if json {
        var matched = 0
        for (index, line) in outputLines.dropLast().enumerated() {
            // Every line is cheap to test for "matched": a sample is decoded in full.
            if line.starts(with: Array("{\"alternatives\":".utf8)) == false { fail("line \(index + 1) is not a result object") }
            if index % 997 == 0 {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      object["input"] as? String == lines[index] else { fail("--json line \(index + 1) does not decode to its input") }
            }
            if line.firstRange(of: Array("\"matched\":true".utf8)) != nil { matched += 1 }
        }
        // Every catalog message matches; noise and most hostile lines do not.
        guard matched >= catalogLines, matched <= lineCount else { fail("--json: \(matched) matched lines, expected at least \(catalogLines)") }
        print("checked: --json has one result per line, \(matched) matched (catalog messages: \(catalogLines)); text has one line per line")
    }
    reference[json] = data
}

var wall: [String: [Double]] = [:]
var cpu: [String: [Double]] = [:]
let modes = [false, true]
for _ in 0..<rounds {
    for json in modes {
        for jobs in jobCounts {
            let (w, c, data) = run(json: json, jobs: jobs)
            guard data == reference[json] else { fail("--jobs \(jobs)\(json ? " --json" : ""): output differs from --jobs 1") }
            let key = "\(json ? "--json " : "")--jobs \(jobs)"
            wall[key, default: []].append(w)
            cpu[key, default: []].append(c)
        }
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

print("every run's output byte-identical to --jobs 1 of its mode; medians of \(rounds) alternating rounds; \(cores) cores")
print("| run | wall | CPU (user + sys) | lines/s (wall) | speed-up over --jobs 1 |")
print("|---|---|---|---|---|")
for json in modes {
    let base = median(wall["\(json ? "--json " : "")--jobs 1"] ?? [.nan])
    for jobs in jobCounts {
        let key = "\(json ? "--json " : "")--jobs \(jobs)"
        let w = median(wall[key]!), c = median(cpu[key]!)
        print("| `parse \(key)` | \(fixed(w)) s | \(fixed(c)) s | \(Int((Double(lineCount) / w).rounded())) | \(fixed(base / w))× |")
    }
}
