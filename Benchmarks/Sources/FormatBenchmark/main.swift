// Renders N catalog messages (all templates, every catalog locale, random valid values generated
// up front) with the Swift renderer and with a cached icu::MessageFormat (named arguments), checks
// that both produce the same bytes, and prints messages per second for both. It also times the
// public API — CatalogFormatter.format (by name: code lookup, locale, value checks) and a
// PreparedMessage rendered by name — on the same messages, checks their output too, and prints
// their ratio to ICU (the target is 3x).
//
//   swift run -c release --package-path Benchmarks FormatBenchmark [N] [catalog directory] [icu|swift|api|prepared]
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

// Correctness first: every pooled message, both ways, byte for byte.
var mismatches = 0
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

enum Path { case icu, swift, api, prepared }

@MainActor func run(_ path: Path, count: Int = total) -> (Double, Int) {
    var bytes = 0
    let pool = jobTargets.count
    let start = clock.now
    do {
        var j = 0
        for _ in 0..<count {
            let t = jobTargets[j]
            switch path {
            case .icu: bytes &+= try icuList[t].format(jobPrepared[j]).utf8.count
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
    return (Double(count) / seconds(clock.now - start), bytes)
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
    case "api": .api
    case "prepared": .prepared
    default: .swift
    }
    print("\(path): \(figure(run(path).0))")
    exit(0)
}
// The machine is shared: run the paths in alternating rounds of N/5 messages and report each
// path's median round, so a burst of load elsewhere hits both sides alike.
_ = run(.icu, count: min(total, 50_000))
_ = run(.swift, count: min(total, 50_000))
let rounds = 5
let paths: [Path] = [.icu, .swift, .api, .prepared]
var rates: [Path: [Double]] = [.icu: [], .swift: [], .api: [], .prepared: []]
var byteTotals: [Path: Int] = [.icu: 0, .swift: 0, .api: 0, .prepared: 0]
for round in 0..<rounds {
    let count = total / rounds + (round < total % rounds ? 1 : 0)
    for path in paths {
        let (rate, bytes) = run(path, count: count)
        rates[path]!.append(rate)
        byteTotals[path]! += bytes
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let icuRate = median(rates[.icu]!)
for path in paths where byteTotals[path]! != byteTotals[.icu]! {
    fail("output sizes differ: ICU \(byteTotals[.icu]!), \(path) \(byteTotals[path]!) bytes")
}
func ratio(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100)x ICU" }
/// The ratio to ICU of each round (ICU's rate of the same round).
@MainActor func roundRatios(_ path: Path) -> String {
    "\(zip(rates[path]!, rates[.icu]!).map { Double(Int($0 / $1 * 100)) / 100 })"
}
print("ICU MessageFormat (cached, named args):       \(figure(icuRate))")
print("Swift renderer (compiled, by slot):           \(figure(median(rates[.swift]!)))  = \(ratio(median(rates[.swift]!) / icuRate))")
print("CatalogFormatter.format (public API, by name): \(figure(median(rates[.api]!)))  = \(ratio(median(rates[.api]!) / icuRate))")
print("PreparedMessage.render (public API, by name):  \(figure(median(rates[.prepared]!)))  = \(ratio(median(rates[.prepared]!) / icuRate))")
print("output: \(byteTotals[.icu]!) bytes each way, identical (median of \(rounds) alternating rounds)")
print("per-round ratios to ICU: swift \(roundRatios(.swift)); format \(roundRatios(.api)); prepared \(roundRatios(.prepared))")
let apiRatio = median(zip(rates[.api]!, rates[.icu]!).map { $0 / $1 })
print("CatalogFormatter.format vs ICU, median per-round ratio: \(ratio(apiRatio)) (target 3x: \(apiRatio >= 3 ? "met" : "NOT met"))")
