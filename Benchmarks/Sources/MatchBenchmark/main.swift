// Reverse-parser benchmark (issue 3 §7): identify + extract over ≥ 1,000,000 messages (~5% noise)
// with the catalog's templates, 1,000 and 10,000 synthetic templates, against a naive baseline
// (one NSRegularExpression per template, first match wins) in the same run. Every result of the
// timed pass is checked against the known truth afterwards (the matcher is deterministic: a second
// pass over the same stream recomputes and compares each one).
//
// Run: swift run -c release --package-path Benchmarks MatchBenchmark [messages] [--micro [message]] [--profile]
//      [--fast-only] [--worst [--worst-full]] [--no-anchored]
// Both APIs are timed (fast withMatch with a reused scratch, and match()) and both are checked.
// It prints the share of messages the literal-anchored pre-pass decided; --no-anchored turns the
// pre-pass off (every message through the automaton) for before/after figures in one build.
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching

#if canImport(Glibc)
import Glibc
#endif

/// One message of the workload and what the matcher must say about it.
struct Sample {
    let text: String
    /// nil: noise, must not match (any non-catch-all template).
    let code: String?
    let locale: String?
    /// name → expected value text (as rendered); empty when not checked.
    let values: [String: String]
}

@MainActor func maxRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

@MainActor func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let messageCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
/// `--profile`: only the timed matcher pass (for perf), no verification and no baseline.
let profileOnly = CommandLine.arguments.contains("--profile")
/// `--fast-only` (with `--profile`): time only the fast API (for perf record).
let fastOnly = CommandLine.arguments.contains("--fast-only")
/// --no-anchored: every message through the automaton (the literal-anchored pre-pass off), for before/after.
let anchoredPass = !CommandLine.arguments.contains("--no-anchored")
let clock = ContinuousClock()
/// POOL=n: distinct messages per workload (default 20,000 catalog / 50,000 synthetic); a small
/// pool stays in cache and shows the compute cost alone.
let poolSize = ProcessInfo.processInfo.environment["POOL"].flatMap { Int($0) }
var rng = SeededRandomNumberGenerator(seed: 2024)

// MARK: Noise

let syllables = ["ka", "lo", "mi", "ren", "tu", "vos", "qua", "zen", "pol", "dri", "fen", "gor", "hal", "jun", "nex", "rup", "sil", "tek", "ump", "wex"]
@MainActor func pseudoWord() -> String {
    (0..<Int.random(in: 2...3, using: &rng)).map { _ in syllables[Int.random(in: 0..<syllables.count, using: &rng)] }.joined()
}
@MainActor func noise() -> String {
    // Never ends in a period (the catalog's "{reason}." catch-all would take it).
    (0..<Int.random(in: 4...10, using: &rng)).map { _ in pseudoWord() }.joined(separator: " ") + " " + String(Int.random(in: 0..<1000, using: &rng))
}

// MARK: Catalog workload

var path = #filePath
for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
let catalog = try Catalog.load(directory: path + "/Catalogs/defender")
let formatter = try CatalogFormatter(catalog: catalog)

@MainActor func catalogPool(matcher: MessageMatcher, size: Int) throws -> [Sample] {
    let excused = Set(matcher.reversibilityReport().map { "\($0.code)/\($0.locale)/\($0.variant)" })
    var formats: [(CodeEntry, String, Int, Template)] = []
    for entry in catalog.codes {
        for locale in catalog.locales {
            guard let localized = entry.localized[locale] else { continue }
            for (variant, template) in localized.templates.enumerated() { formats.append((entry, locale, variant, template)) }
        }
    }
    var pool: [Sample] = []
    while pool.count < size {
        if Int.random(in: 0..<100, using: &rng) < 5 {
            pool.append(Sample(text: noise(), code: nil, locale: nil, values: [:]))
            continue
        }
        let (entry, locale, variant, template) = formats[Int.random(in: 0..<formats.count, using: &rng)]
        var values: [String: Value] = [:]
        for name in template.argumentNames {
            if let placeholder = entry.placeholder(named: name) { values[name] = placeholder.type.randomValue(using: &rng) }
        }
        let text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
        let checked = !excused.contains("\(entry.code)/\(locale)/\(template.id)")
        pool.append(Sample(text: text, code: entry.code, locale: checked ? locale : nil,
                           values: checked ? values.mapValues { $0.description } : [:]))
    }
    return pool
}

// MARK: Synthetic workload

let templateWords = (0..<400).map { _ in pseudoWord() }
let valueWords = ["alpha", "beta", "gamma", "delta", "omega", "sigma"]
let slotTypes: [PlaceholderType] = [.identifier, .integer, .hash, .ipAddress, .string, .guid, .version]

struct Synthetic {
    let raw: RawTemplate
    /// Literal pieces around the slots (pieces.count == slots.count + 1).
    let pieces: [String]
    let slots: [Placeholder]
}

@MainActor func synthetic(count: Int) -> [Synthetic] {
    var out: [Synthetic] = []
    var seen: Set<String> = []
    while out.count < count {
        // A shared opening for a tenth of the templates, like real catalogs ("The operation …").
        var pieces: [String] = []
        var slots: [Placeholder] = []
        let slotCount = Int.random(in: 0...3, using: &rng)
        let opening = Int.random(in: 0..<10, using: &rng) == 0 ? "The operation " : ""
        func phrase() -> String { (0..<Int.random(in: 2...4, using: &rng)).map { _ in templateWords[Int.random(in: 0..<templateWords.count, using: &rng)] }.joined(separator: " ") }
        pieces.append(opening + phrase().capitalized + " ")
        for k in 0..<slotCount {
            slots.append(Placeholder(name: "v\(k)", type: slotTypes[Int.random(in: 0..<slotTypes.count, using: &rng)]))
            pieces.append(" " + phrase() + (k == slotCount - 1 ? "" : " "))
        }
        if slotCount == 0 { pieces[0] = String(pieces[0].dropLast()) }
        pieces[pieces.count - 1] += "."
        var pattern = pieces[0]
        for k in 0..<slotCount { pattern += "{v\(k)}" + pieces[k + 1] }
        guard seen.insert(pattern).inserted else { continue }
        out.append(Synthetic(raw: RawTemplate(code: "Syn\(out.count)", locale: "en", pattern: pattern, placeholders: slots),
                             pieces: pieces, slots: slots))
    }
    return out
}

/// The text as rendered, and the value as the matcher must return it (`Value.description`).
@MainActor func render(_ type: PlaceholderType) -> (String, String) {
    switch type {
    case .integer:
        let value = Int.random(in: 0..<10_000_000, using: &rng)
        var grouped = ""
        for (k, digit) in String(value).reversed().enumerated() {
            if k > 0 && k % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (Int.random(in: 0..<2, using: &rng) == 0 ? String(value) : String(grouped.reversed()), String(value))
    case .string:
        let text = (0..<Int.random(in: 1...3, using: &rng)).map { _ in valueWords[Int.random(in: 0..<valueWords.count, using: &rng)] }.joined(separator: " ")
        return (text, text)
    default:
        let text = type.randomValue(using: &rng).description
        return (text, text)
    }
}

@MainActor func syntheticPool(_ templates: [Synthetic], size: Int) -> [Sample] {
    var pool: [Sample] = []
    while pool.count < size {
        if Int.random(in: 0..<100, using: &rng) < 5 {
            pool.append(Sample(text: noise(), code: nil, locale: nil, values: [:]))
            continue
        }
        let template = templates[Int.random(in: 0..<templates.count, using: &rng)]
        var text = template.pieces[0]
        var values: [String: String] = [:]
        for (k, slot) in template.slots.enumerated() {
            let (rendered, value) = render(slot.type)
            values[slot.name] = value
            text += rendered + template.pieces[k + 1]
        }
        pool.append(Sample(text: text, code: template.raw.code, locale: "en", values: values))
    }
    return pool
}

// MARK: Baseline: one NSRegularExpression per template, first match wins

struct Baseline {
    let regexes: [(NSRegularExpression, String, [String])]
    init(_ patterns: [(code: String, pieces: [String], names: [String])]) throws {
        regexes = try patterns.map { item in
            var source = "^"
            for (k, piece) in item.pieces.enumerated() {
                source += NSRegularExpression.escapedPattern(for: piece)
                if k < item.names.count { source += "(.+?)" }
            }
            return (try NSRegularExpression(pattern: source + "$"), item.code, item.names)
        }
    }
    func match(_ text: String) -> (String, [String: String])? {
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        for (regex, code, names) in regexes {
            if let m = regex.firstMatch(in: text, range: range) {
                var values: [String: String] = [:]
                for (k, name) in names.enumerated() { values[name] = ns.substring(with: m.range(at: k + 1)) }
                return (code, values)
            }
        }
        return nil
    }
}

@MainActor func catalogBaselinePatterns() -> [(code: String, pieces: [String], names: [String])] {
    var out: [(code: String, pieces: [String], names: [String])] = []
    for entry in catalog.codes {
        for locale in catalog.locales {
            guard let localized = entry.localized[locale] else { continue }
            for template in localized.templates + localized.observed {
                var pieces = [""]
                var names: [String] = []
                for part in template.message.parts {
                    switch part {
                    case .text(let text, _): pieces[pieces.count - 1] += text
                    case .argument(let argument): names.append(argument.name.description); pieces.append("")
                    case .pound: pieces[pieces.count - 1] += "#"
                    }
                }
                out.append((entry.code, pieces, names))
            }
        }
    }
    return out
}

// MARK: Run

@MainActor func check(_ result: MatchResult, _ sample: Sample) -> Bool {
    guard let code = sample.code else { return result.all.allSatisfy(\.isCatchAll) }
    guard let best = result.best, best.code == code else { return false }
    if let locale = sample.locale, best.locale != locale { return false }
    for (name, text) in sample.values where best.values[name]?.value.description != text { return false }
    return true
}

/// The fast API's answer checked against the truth: code, locale, and each value (integers as
/// the number the view parsed, everything else as the text it spans).
@MainActor func check(_ view: MatchView, _ sample: Sample) -> Bool {
    guard let code = sample.code else { return !view.matched || view.isCatchAll }
    guard view.code == code else { return false }
    if let locale = sample.locale, view.locale != locale { return false }
    for (name, text) in sample.values {
        if let number = view.integer(of: name) {
            if String(number) != text { return false }
        } else if let k = view.slot(named: name) {
            // Lists come back as the text they were rendered from ("a, b"), as Value.description writes them.
            if view.text(at: k) != text { return false }
        } else if view.text(of: name) != text {
            return false
        }
    }
    return true
}

/// What a pipeline does with the view: the template, and each value as a number or a byte span.
@inline(__always) func consume(_ view: MatchView) -> Int {
    guard view.matched else { return 0 }
    var sum = view.candidateCount
    for k in 0..<view.slotCount {
        if let number = view.integer(at: k) { sum &+= Int(truncatingIfNeeded: number) } else { sum &+= view.withBytes(at: k) { $0.count } }
    }
    return sum
}

struct Timing {
    var fast = 0.0, fastStrings = 0.0, full = 0.0
}

@MainActor func timePasses(matcher: MessageMatcher, pool: [Sample], rounds: Int) -> (Timing, Int) {
    // Alternating rounds, medians: the 2 cores are shared with other work.
    var fast: [Double] = [], strings: [Double] = [], full: [Double] = []
    var checksum = 0
    let perRound = messageCount / rounds
    let scratch = MatchScratch()
    for round in 0..<rounds {
        let offset = round * perRound
        var start = clock.now
        for i in offset..<offset + perRound {
            checksum &+= matcher.withMatch(pool[i % pool.count].text, scratch: scratch, consume)
        }
        fast.append(seconds(clock.now - start) * 1e9 / Double(perRound))
        if fastOnly { strings.append(0); full.append(0); continue }
        start = clock.now
        for i in offset..<offset + perRound {
            checksum &+= matcher.withMatch(pool[i % pool.count].text, scratch: scratch) { view in
                var sum = 0
                for k in 0..<view.slotCount { sum &+= view.text(at: k).utf8.count }
                return sum
            }
        }
        strings.append(seconds(clock.now - start) * 1e9 / Double(perRound))
        start = clock.now
        for i in offset..<offset + perRound {
            checksum &+= matcher.match(pool[i % pool.count].text).best?.values.count ?? 0
        }
        full.append(seconds(clock.now - start) * 1e9 / Double(perRound))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return (Timing(fast: median(fast), fastStrings: median(strings), full: median(full)), checksum)
}

/// `--worst-full` (with `--worst`): the same for `match()`.
let worstFull = CommandLine.arguments.contains("--worst-full")

/// `--worst`: the costliest distinct messages of a workload on the fast path (what is still slow).
@MainActor func worst(name: String, matcher: MessageMatcher, pool: [Sample]) {
    let scratch = MatchScratch()
    var costs: [(Double, String)] = []
    var sink = 0
    for sample in pool.prefix(1_000) {
        let start = clock.now
        if worstFull {
            for _ in 0..<200 { sink &+= matcher.match(sample.text).alternatives.count }
        } else {
            for _ in 0..<200 { sink &+= matcher.withMatch(sample.text, scratch: scratch, consume) }
        }
        costs.append((seconds(clock.now - start) * 1e9 / 200, sample.text))
    }
    costs.sort { $0.0 > $1.0 }
    let mean = costs.map(\.0).reduce(0, +) / Double(costs.count)
    print("\(name): mean \(String(format: "%.0f", mean)) ns over \(costs.count) distinct messages; costliest [\(sink)]:")
    for (cost, text) in costs.prefix(8) { print("  \(String(format: "%6.0f", cost)) ns  \(text.prefix(150))") }
}

@MainActor func run(name: String, matcher: MessageMatcher, compileSeconds: Double, pool: [Sample], baseline: Baseline, baselineSample: Int) {
    if CommandLine.arguments.contains("--worst") { worst(name: name, matcher: matcher, pool: pool); return }
    let (timing, checksum) = timePasses(matcher: matcher, pool: pool, rounds: profileOnly ? 1 : 5)
    func ns(_ value: Double) -> String { String(format: "%.0f", value) }
    if profileOnly {
        print("\(name): fast \(ns(timing.fast)) ns, fast+strings \(ns(timing.fastStrings)) ns, match() \(ns(timing.full)) ns per message [checksum \(checksum)]")
        return
    }
    // Verification pass over the same stream, both APIs.
    var wrongFast = 0, wrongFull = 0, answered = 0
    var firstWrong: String?
    let scratch = MatchScratch()
    for i in 0..<messageCount {
        let sample = pool[i % pool.count]
        if !matcher.withMatch(sample.text, scratch: scratch, { view in
            if view.answeredByAnchoredPass { answered += 1 }
            return check(view, sample)
        }) {
            wrongFast += 1
            if firstWrong == nil { firstWrong = "fast: " + sample.text }
        }
        if !check(matcher.match(sample.text), sample) {
            wrongFull += 1
            if firstWrong == nil { firstWrong = "match(): " + sample.text }
        }
    }
    // Baseline on a subsample.
    let baselineStart = clock.now
    var baselineWrong = 0
    for i in 0..<baselineSample {
        let sample = pool[i % pool.count]
        let got = baseline.match(sample.text)
        if got?.0 != sample.code && !(sample.code == nil && got?.0 == "DisallowedOperation") { baselineWrong += 1 }
    }
    let baselineNs = seconds(clock.now - baselineStart) * 1e9 / Double(baselineSample)
    let noise = pool.filter { $0.code == nil }.count * 100 / pool.count
    func ratio(_ value: Double) -> String { String(format: "%.0f", baselineNs / value) }
    print("\(name): \(matcher.templateCount) templates, \(matcher.stateCount) states, compiled in \(String(format: "%.3f", compileSeconds)) s; \(messageCount) messages (\(pool.count) distinct, \(noise)% noise), medians of 5 rounds")
    print("  fast withMatch (template + values as spans/integers): \(ns(timing.fast)) ns/message (\(ratio(timing.fast))× baseline)")
    print("  fast withMatch + a String per value                 : \(ns(timing.fastStrings)) ns/message (\(ratio(timing.fastStrings))× baseline)")
    print("  match() (full typed MatchResult)                    : \(ns(timing.full)) ns/message (\(ratio(timing.full))× baseline)")
    print("  literal-anchored pre-pass \(matcher.anchoredPassEnabled ? "on" : "off"): answered \(String(format: "%.1f", Double(answered) * 100 / Double(messageCount)))% of messages (the rest ran the automaton)")
    print("  checked every message: fast \(wrongFast) wrong, match() \(wrongFull) wrong\(firstWrong.map { " (first: \($0.prefix(100)))" } ?? "")  [checksum \(checksum)]")
    print("  baseline: NSRegularExpression per template, first match wins, \(baselineSample) messages: \(ns(baselineNs)) ns/message (\(baselineWrong) wrong or unmatched)")
    print("  max RSS so far: \(String(format: "%.1f", maxRSSMegabytes())) MB")
}

print("MatchBenchmark — one thread, \(messageCount) messages per workload")
if CommandLine.arguments.contains("--micro") {
    // Per-message cost of single fixed messages (what each shape costs on its own).
    let matcher = try MessageMatcher(catalog: catalog).withAnchoredPass(anchoredPass)
    let given = CommandLine.arguments.drop { $0 != "--micro" }.dropFirst().first
    for text in given.map({ [$0] }) ?? ["Request body is incorrect", "Hash value 9f86d081884c7d659a2feaa0c55ad015 is invalid.",
                 "Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "zorb quint fellow 123"] {
        var sum = 0
        let scratch = MatchScratch()
        var fast: [Double] = [], full: [Double] = []
        // MICRO_N=2000 for a short run under valgrind --tool=callgrind.
        let iterations = Int(ProcessInfo.processInfo.environment["MICRO_N"] ?? "") ?? 100_000
        for _ in 0..<5 {
            var start = clock.now
            for _ in 0..<iterations { sum &+= matcher.withMatch(text, scratch: scratch, consume) }
            fast.append(seconds(clock.now - start) * 1e9 / Double(iterations))
            start = clock.now
            for _ in 0..<iterations { sum &+= matcher.match(text).alternatives.count }
            full.append(seconds(clock.now - start) * 1e9 / Double(iterations))
        }
        print("  fast \(String(format: "%5.0f", fast.sorted()[2])) ns, match() \(String(format: "%5.0f", full.sorted()[2])) ns  \(text)  [\(sum)]")
    }
    exit(0)
}
do {
    let t0 = clock.now
    let matcher = try MessageMatcher(catalog: catalog).withAnchoredPass(anchoredPass)
    let compile = seconds(clock.now - t0)
    let pool = try catalogPool(matcher: matcher, size: poolSize ?? 20_000)
    run(name: "catalog", matcher: matcher, compileSeconds: compile, pool: pool,
        baseline: try Baseline(catalogBaselinePatterns()), baselineSample: 50_000)
}
for (count, baselineSample) in [(1_000, 2_000), (10_000, 200)] {
    let templates = synthetic(count: count)
    let t0 = clock.now
    let matcher = try MessageMatcher(templates: templates.map(\.raw)).withAnchoredPass(anchoredPass)
    let compile = seconds(clock.now - t0)
    let pool = syntheticPool(templates, size: poolSize ?? 50_000)
    let baseline = try Baseline(templates.map { ($0.raw.code, $0.pieces, $0.slots.map(\.name)) })
    run(name: "synthetic \(count)", matcher: matcher, compileSeconds: compile, pool: pool, baseline: baseline, baselineSample: baselineSample)
}
