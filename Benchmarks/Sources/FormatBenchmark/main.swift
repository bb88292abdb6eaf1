// Renders N catalog messages (all templates, every catalog locale, random valid values generated
// up front) with the Swift renderer and with a cached icu::MessageFormat (named arguments), checks
// that both produce the same bytes, and prints messages per second for both. It also times the
// public API — CatalogFormatter.format (by name: code lookup, locale, value checks) and a
// PreparedMessage rendered by name — on the same messages, checks their output too, and prints
// their ratio to ICU (the target is 3x).
//
// The strongest ICU baseline is ICU's C API: umsg_format with a cached UMessageFormat per template
// and locale and positional arguments (the catalog's named patterns converted to numbered ones:
// `{name}` → `{k}` for text, `{k,number}` for integers, which ICU formats exactly as MessageFormat
// formats an int64 in `{name}`), timed with UTF-16 output and with the output converted to UTF-8
// (u_strToUTF8 into a reused buffer). Its arguments are converted to NUL-terminated UTF-16 up
// front, outside the timed loop: the baseline gets that for free. Every path's output is checked
// byte for byte against the others before anything is timed. Times are thread CPU time
// (CLOCK_THREAD_CPUTIME_ID), paths in alternating rounds, medians.
//
//   swift run -c release --package-path Benchmarks FormatBenchmark [N] [catalog directory] [icu|umsg|swift|api|prepared|into]
import BaselineShim
import ErrorCatalog
import MessageFormatting
#if canImport(Glibc)
import Glibc
#endif


func fail(_ message: String) -> Never {
    print("FAIL: \(message)")
    exit(1)
}


let arguments = CommandLine.arguments
let total = arguments.count > 1 ? (Int(arguments[1]) ?? 1_000_000) : 1_000_000
var directory = #filePath
for _ in 0..<4 { directory = String(directory[..<directory.lastIndex(of: "/")!]) }
directory += "/Catalogs/defender"
if arguments.count > 2 { directory = arguments[2] }

let catalog: Catalog
do { catalog = try Catalog.load(directory: directory) } catch { fail("cannot load \(directory): \(error)") }
let formatter: CatalogFormatter
do { formatter = try CatalogFormatter(catalog: catalog) } catch { fail("\(error)") }

/// One template in one locale, compiled both ways.
struct Target {
    let code: String
    let locale: String
    let variant: Int
    let compiled: CompiledMessage
    let prepared: PreparedMessage
    let icu: ICUMessageFormat
    let placeholders: [Placeholder]
}

var targets: [Target] = []
for entry in catalog.codes {
    for locale in catalog.locales {
        let compiled = formatter.compiledTemplates(code: entry.code, locale: locale)
        for (variant, message) in compiled.enumerated() {
            let icu: ICUMessageFormat
            do { icu = try ICUMessageFormat(pattern: message.pattern, locale: locale) } catch { fail("\(error)") }
            let placeholders = message.slotNames.map { name in entry.placeholder(named: name)! }
            let prepared: PreparedMessage
            do { prepared = try formatter.prepared(code: entry.code, locale: locale, variant: variant) } catch { fail("\(error)") }
            targets.append(Target(code: entry.code, locale: locale, variant: variant, compiled: message, prepared: prepared,
                                  icu: icu, placeholders: placeholders))
        }
    }
}

/// The pattern with numbered arguments for umsg_format, and each slot's argument kind (0 text, 1 number).
@MainActor func numbered(_ target: Target) -> (String, [Int32]) {
    var pattern = target.compiled.pattern
    var kinds: [Int32] = []
    for (k, placeholder) in target.placeholders.enumerated() {
        let integer = placeholder.type == .integer
        let needle = "{\(target.compiled.slotNames[k])}"
        guard pattern.contains(needle) else { fail("\(target.code): \(needle) is not a plain argument in \(pattern)") }
        pattern = pattern.replacingAll(needle, with: integer ? "{\(k),number}" : "{\(k)}")
        kinds.append(integer ? 1 : 0)
    }
    return (pattern, kinds)
}

extension String {
    func replacingAll(_ needle: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: needle) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

let umsgFormats: [OpaquePointer] = targets.map { target in
    let (pattern, _) = numbered(target)
    let utf16 = Array(pattern.utf16)
    var status: Int32 = 0
    guard let format = baseline_umsg_open(utf16, Int32(utf16.count), target.locale, &status) else {
        fail("umsg_open failed (\(status)) for \(pattern)")
    }
    return format
}
let umsgKinds = targets.map { numbered($0).1 }

/// A pool of pre-generated messages, cycled through N times (a distinct value set per message
/// for N = 1,000,000 would only measure memory traffic).
struct Job {
    let target: Int
    let slots: [Value?]
    let byName: [String: Value]
    let prepared: PreparedArguments
}
let poolSize = min(total, 16_384)
var rng = SeededRandomNumberGenerator(seed: 20_241_129)
var jobs: [Job] = []
for _ in 0..<poolSize {
    let index = Int(rng.next() % UInt64(targets.count))
    let target = targets[index]
    let values = target.placeholders.map { $0.type.randomValue(using: &rng) }
    var byName: [String: Value] = [:]
    for (placeholder, value) in zip(target.placeholders, values) { byName[placeholder.name] = value }
    jobs.append(Job(target: index, slots: values, byName: byName, prepared: PreparedArguments(byName)))
}

/// umsg_format's arguments per job, converted up front (UTF-16 strings, NUL terminated; doubles).
let jobArgs: [UnsafeMutablePointer<baseline_arg>] = jobs.map { job in
    let kinds = umsgKinds[job.target]
    let args = UnsafeMutablePointer<baseline_arg>.allocate(capacity: max(1, job.slots.count))
    for (k, value) in job.slots.enumerated() {
        var arg = baseline_arg(text: nil, number: 0, kind: kinds[k])
        switch value {
        case .integer(let n)? where kinds[k] == 1:
            guard abs(n) < 1 << 53 else { fail("integer \(n) is not exact as a double") }
            arg.number = Double(n)
        case let value? where kinds[k] == 0:
            let units = Array(value.description.utf16) + [0]
            let text = UnsafeMutablePointer<UInt16>.allocate(capacity: units.count)
            text.initialize(from: units, count: units.count)
            arg.text = UnsafePointer(text)
        default:
            fail("no umsg_format argument for \(String(describing: value)) (kind \(kinds[k]))")
        }
        args[k] = arg
    }
    return args
}
let jobArgCount = jobs.map { Int32($0.slots.count) }
let utf16Out = UnsafeMutablePointer<UInt16>.allocate(capacity: 4096)
let utf8Out = UnsafeMutablePointer<CChar>.allocate(capacity: 16384)

/// umsg_format + u_strToUTF8 for job `j`: the UTF-8 bytes.
@MainActor func umsgBytes(_ j: Int) -> [UInt8] {
    var status: Int32 = 0
    let count = baseline_umsg_format_utf8(umsgFormats[jobs[j].target], jobArgs[j], jobArgCount[j], utf16Out, 4096, utf8Out, 16384, &status)
    if count < 0 { fail("umsg_format failed (\(status))") }
    return UnsafeRawBufferPointer(start: utf8Out, count: Int(count)).map { $0 }
}

// Correctness first: every pooled message, every way, byte for byte.
var mismatches = 0
for (j, job) in jobs.enumerated() {
    let target = targets[job.target]
    do {
        let api = try formatter.format(code: target.code, values: job.byName, locale: target.locale, variant: target.variant)
        var appended: [UInt8] = [0x2A]
        try formatter.format(code: target.code, values: job.byName, locale: target.locale, variant: target.variant, appendingTo: &appended)
        let umsg = umsgBytes(j)
        if umsg != Array(api.utf8) || appended != [0x2A] + Array(api.utf8) {
            mismatches += 1
            if mismatches <= 5 {
                print("MISMATCH \(target.code) [\(target.locale)]\n  api:    \(api)\n  umsg:   \(String(decoding: umsg, as: UTF8.self))\n  into:   \(String(decoding: appended.dropFirst(), as: UTF8.self))")
            }
        }
    } catch {
        fail("\(target.code) [\(target.locale)]: \(error)")
    }
}
if mismatches > 0 { fail("\(mismatches) of \(jobs.count) messages differ between umsg_format, format and format(appendingTo:)") }
for job in jobs {
    let target = targets[job.target]
    do {
        let swift = try target.compiled.render(slots: job.slots)
        let icu = try target.icu.format(job.prepared)
        let api = try formatter.format(code: target.code, values: job.byName, locale: target.locale, variant: target.variant)
        let prepared = try target.prepared.render(job.byName)
        if swift != icu || api != icu || prepared != icu {
            mismatches += 1
            if mismatches <= 5 {
                print("MISMATCH \(target.code) [\(target.locale)]\n  swift: \(swift)\n  api:   \(api)\n  prep:  \(prepared)\n  icu:   \(icu)")
            }
        }
    } catch {
        fail("\(target.code) [\(target.locale)]: \(error)")
    }
}
if mismatches > 0 { fail("\(mismatches) of \(jobs.count) messages differ between the Swift renderer, the public API and ICU") }

let clock = ContinuousClock()

// Flat arrays so the timed loops touch only what they render (no struct copies, no closures).
let compiledList = targets.map(\.compiled)
let preparedList = targets.map(\.prepared)
let icuList = targets.map(\.icu)
let codeList = targets.map(\.code)
let localeList = targets.map(\.locale)
let variantList = targets.map(\.variant)
let jobTargets = jobs.map(\.target)
let jobSlots = jobs.map(\.slots)
let jobPrepared = jobs.map(\.prepared)
let jobByName = jobs.map(\.byName)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

enum Path { case icu, umsg16, umsg, swift, api, prepared, into }

/// This thread's CPU time in seconds (the machine is shared: wall-clock time counts other work).
func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

@MainActor func run(_ path: Path, count: Int = total) -> (Double, Int) {
    var bytes = 0
    let pool = jobTargets.count
    // Local copies of the globals (what a caller holding its code, values and locale has: no
    // exclusivity checks on globals, elements read without retaining them where possible).
    let jobTargets = jobTargets, jobByName = jobByName, codeList = codeList, localeList = localeList
    let variantList = variantList
    var intoBuffer: [UInt8] = []
    intoBuffer.reserveCapacity(4096)
    let start = threadSeconds()
    do {
        var j = 0
        for _ in 0..<count {
            let t = jobTargets[j]
            switch path {
            case .icu: bytes &+= try icuList[t].format(jobPrepared[j]).utf8.count
            case .umsg16:
                var status: Int32 = 0
                let units = baseline_umsg_format(umsgFormats[t], jobArgs[j], jobArgCount[j], utf16Out, 4096, &status)
                if units < 0 { fail("umsg_format failed (\(status))") }
                // UTF-16 out: count the UTF-8 bytes it stands for (ASCII and 2-byte Latin only here).
                for k in 0..<Int(units) { bytes &+= utf16Out[k] < 0x80 ? 1 : (utf16Out[k] < 0x800 ? 2 : 3) }
            case .umsg:
                var status: Int32 = 0
                let count = baseline_umsg_format_utf8(umsgFormats[t], jobArgs[j], jobArgCount[j], utf16Out, 4096, utf8Out, 16384, &status)
                if count < 0 { fail("umsg_format failed (\(status))") }
                bytes &+= Int(count)
            case .into:
                intoBuffer.removeAll(keepingCapacity: true)
                try formatter.format(code: codeList[t], values: jobByName[j], locale: localeList[t], variant: variantList[t],
                                     appendingTo: &intoBuffer)
                bytes &+= intoBuffer.count
            case .swift: bytes &+= try compiledList[t].render(slots: jobSlots[j]).utf8.count
            case .api:
                bytes &+= try formatter.format(code: codeList[t], values: jobByName[j], locale: localeList[t],
                                               variant: variantList[t]).utf8.count
            case .prepared: bytes &+= try preparedList[t].render(jobByName[j]).utf8.count
            }
            j += 1
            if j == pool { j = 0 }
        }
    } catch {
        fail("\(path): \(error)")
    }
    return (Double(count) / (threadSeconds() - start), bytes)
}

func figure(_ rate: Double) -> String {
    let perMessage = 1e9 / rate
    return "\(Int(rate.rounded())) messages/s (\(Double(Int(perMessage * 10)) / 10) ns/message)"
}

print("catalog: \(catalog.codes.count) codes, \(targets.count) templates over \(catalog.locales.joined(separator: ", ")); pool of \(jobs.count) pre-generated messages, all identical in both renderers")
print("rendering \(total) messages each way")
// Warm up both paths (ICU builds sub-formatters lazily).
if arguments.count > 3 {
    // Profiling aid: run one path only (icu, swift, api or prepared).
    let path: Path = switch arguments[3] {
    case "icu": .icu
    case "umsg": .umsg
    case "umsg16": .umsg16
    case "into": .into
    case "api": .api
    case "prepared": .prepared
    default: .swift
    }
    print("\(path): \(figure(run(path).0))")
    exit(0)
}
// The machine is shared: run the paths in alternating rounds of N/5 messages and report each
// path's median round, so a burst of load elsewhere hits all alike.
_ = run(.icu, count: min(total, 50_000))
_ = run(.umsg, count: min(total, 50_000))
_ = run(.api, count: min(total, 50_000))
let rounds = 5
let paths: [Path] = [.umsg, .umsg16, .icu, .swift, .api, .prepared, .into]
var rates: [Path: [Double]] = [:]
var byteTotals: [Path: Int] = [:]
for path in paths { rates[path] = []; byteTotals[path] = 0 }
for round in 0..<rounds {
    let count = total / rounds + (round < total % rounds ? 1 : 0)
    for path in paths {
        let (rate, bytes) = run(path, count: count)
        rates[path]!.append(rate)
        byteTotals[path]! += bytes
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
for path in paths where byteTotals[path]! != byteTotals[.umsg]! {
    fail("output sizes differ: umsg_format \(byteTotals[.umsg]!), \(path) \(byteTotals[path]!) bytes")
}
/// The median over rounds of the path's rate divided by umsg_format's (UTF-8) rate in the same round.
@MainActor func ratio(_ path: Path, to base: Path = .umsg) -> Double {
    median(zip(rates[path]!, rates[base]!).map { $0 / $1 })
}
func fixed(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100)" }
let rows: [(Path, String)] = [
    (.umsg, "ICU umsg_format, cached, positional, UTF-8 out (baseline)"),
    (.umsg16, "ICU umsg_format, cached, positional, UTF-16 out"),
    (.icu, "ICU MessageFormat, cached, named args (C++)"),
    (.swift, "Swift renderer (compiled, by slot)"),
    (.api, "CatalogFormatter.format (public API, by name)"),
    (.prepared, "PreparedMessage.render (public API, by name)"),
    (.into, "CatalogFormatter.format(appendingTo:) (bytes)"),
]
for (path, label) in rows {
    let padded = label + String(repeating: " ", count: max(0, 58 - label.count))
    print("\(padded) \(figure(median(rates[path]!)))  = \(fixed(ratio(path)))x umsg_format (UTF-8)")
}
print("output: \(byteTotals[.umsg]!) bytes each way, identical (thread CPU time, median of \(rounds) alternating rounds; ratios are medians of per-round ratios)")
print("per-round ratios to umsg_format: format \(zip(rates[.api]!, rates[.umsg]!).map { fixed($0 / $1) }); appendingTo \(zip(rates[.into]!, rates[.umsg]!).map { fixed($0 / $1) })")
let apiRatio = ratio(.api)
print("CatalogFormatter.format vs umsg_format (UTF-8): \(fixed(apiRatio))x (target 3x: \(apiRatio >= 3 ? "met" : "NOT met"))")
