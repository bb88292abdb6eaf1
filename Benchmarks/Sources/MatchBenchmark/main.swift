// Reverse-parser benchmark (issue 3 §7): identify + extract over ≥ 1,000,000 messages (~5% noise)
// with the catalog's templates, 1,000 and 10,000 synthetic templates, against a naive baseline
// (one NSRegularExpression per template, first match wins) in the same run. Every result of the
// timed pass is checked against the known truth afterwards (the matcher is deterministic: a second
// pass over the same stream recomputes and compares each one).
//
// The strongest baseline is RE2 (Debian libre2-dev, C++ behind BaselineShim's extern "C" facade):
// an RE2::Set anchored at both ends identifies the templates that match, the best-ranked one's own
// RE2 extracts the values (FullMatchN into StringPieces). Each template's RE2 pattern is its
// literal text (escaped) with a regex per slot that mirrors the matcher's recognisers (see
// `slotRegex`); its answers get the same check as the matcher's. Times are thread CPU time.
// `--scale` compiles 10,000 and 100,000 synthetic templates (matcher, formatter preparation,
// RE2::Set) and reports time and heap bytes per template (mallinfo2 deltas).
//
// Run: swift run -c release --package-path Benchmarks MatchBenchmark [messages] [--micro [message]] [--profile]
//      [--fast-only] [--worst [--worst-full]] [--no-anchored] [--scale [sizes…]]   (env RE2_SLOTS=any: untyped RE2 slots)
// Both APIs are timed (fast withMatch with a reused scratch, and match()) and both are checked.
// It prints the share of messages the literal-anchored pre-pass decided; --no-anchored turns the
// pre-pass off (every message through the automaton) for before/after figures in one build.
import BaselineShim
import ErrorCatalog
import Foundation
import MessageFormatting
@_spi(Benchmarks) import MessageMatching
import MessageSyntax

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

// MARK: Baseline: RE2::Set to identify, RE2 to extract

/// One template as RE2 sees it: literal pieces around typed slots.
struct RE2Template {
    let code: String
    let locale: String
    let pieces: [String]
    let names: [String]
    let types: [PlaceholderType]
    /// The integer grouping separator of the locale.
    let grouping: String
}

/// RE2 syntax for each slot type, mirroring the matcher's recognisers (Recognisers.swift) as far as
/// a regex reasonably can. Differences: the matcher reads normalised text (ASCII case folded,
/// whitespace runs as one space, curly apostrophes folded), RE2 reads the bytes as they are; the
/// matcher checks IPv4 octets ≤ 255, IPv6 group structure and URL syntax after the byte class,
/// the regexes only approximate them; free text is `.+?` (shortest) where the matcher ranks
/// alternatives.
///
/// `RE2_SLOTS=any` makes every slot `(.+?)` instead (untyped: a smaller DFA, but it can take a
/// template whose types do not fit; its answers are checked the same way).
let untypedRE2Slots = ProcessInfo.processInfo.environment["RE2_SLOTS"] == "any"
func slotRegex(_ type: PlaceholderType, grouping: String) -> String {
    if untypedRE2Slots { return "(.+?)" }
    let hex = "[0-9A-Fa-f]"
    switch type {
    case .string, .list, .date: return "(.+?)"
    case .identifier: return "(\\S+)"
    case .hash: return "(\(hex){64}|\(hex){40}|\(hex){32})"
    case .guid: return "(\\{?\(hex){8}-\(hex){4}-\(hex){4}-\(hex){4}-\(hex){12}\\}?)"
    case .ipAddress: return "((?:[0-9]{1,3}\\.){3}[0-9]{1,3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?:%[0-9A-Za-z]+)?)"
    case .version: return "([0-9]+(?:\\.[0-9]+){1,3})"
    case .integer:
        let separator = escapeRE2(grouping)
        return grouping.isEmpty ? "(-?[0-9]+)" : "(-?[0-9]{1,3}(?:\(separator)[0-9]{3})+|-?[0-9]+)"
    case .domainName: return "([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+)"
    case .url: return "([A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#]+[^\\s]*)"
    }
}

/// RE2::QuoteMeta's rule: every ASCII byte other than [A-Za-z0-9_] escaped, UTF-8 as is.
func escapeRE2(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if scalar.isASCII, !(CharacterSet.alphanumerics.contains(scalar) || scalar == "_") { out += "\\" }
        out.unicodeScalars.append(scalar)
    }
    return out
}

final class RE2Baseline {
    let handle: OpaquePointer
    let templates: [RE2Template]
    let catchAll: [Bool]
    let compileSeconds: Double
    var spans = [Int32](repeating: 0, count: 64)

    init(_ templates: [RE2Template]) {
        let handle = baseline_re2_new(1 << 31)!
        self.handle = handle
        self.templates = templates
        var catchAll: [Bool] = []
        let start = cpuSeconds()
        for template in templates {
            var pattern = ""
            for (k, piece) in template.pieces.enumerated() {
                pattern += escapeRE2(piece)
                if k < template.types.count { pattern += slotRegex(template.types[k], grouping: template.grouping) }
            }
            // Rank: more literal text is the more specific template (as the matcher ranks).
            let literal = template.pieces.reduce(0) { $0 + $1.utf8.count }
            catchAll.append(!template.pieces.joined().contains { $0.isLetter })
            var error = [CChar](repeating: 0, count: 256)
            let bytes = Array(pattern.utf8)
            let index = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { baseline_re2_add(handle, $0.baseAddress, Int32($0.count), Int32(literal), &error, 256) }
            }
            if index < 0 { print("FAIL: RE2 rejects \(pattern): \(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))"); exit(1) }
        }
        if baseline_re2_compile(handle) != 1 { print("FAIL: RE2 compile"); exit(1) }
        compileSeconds = cpuSeconds() - start
        self.catchAll = catchAll
    }

    /// The chosen template and each value's text (integers without grouping), or nil.
    func match(_ text: String) -> (Int, [String: String])? {
        var text = text
        let index = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { baseline_re2_match(handle, $0.baseAddress, Int32($0.count), &spans, 32) }
        }
        if index == -2 { print("FAIL: RE2::Set ran out of memory"); exit(1) }
        guard index >= 0 else { return nil }
        let template = templates[Int(index)]
        var values: [String: String] = [:]
        let utf8 = Array(text.utf8)
        for (k, name) in template.names.enumerated() {
            var value = String(decoding: utf8[Int(spans[2 * k])..<Int(spans[2 * k + 1])], as: UTF8.self)
            if template.types[k] == .integer, !template.grouping.isEmpty { value = value.replacingOccurrences(of: template.grouping, with: "") }
            values[name] = value
        }
        return (Int(index), values)
    }

    /// The timed path: identify + extract, then touch each span (what a pipeline reads).
    @inline(__always) func matchSpans(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { buffer -> Int in
                let index = baseline_re2_match(handle, buffer.baseAddress, Int32(buffer.count), &spans, 32)
                guard index >= 0 else { return 0 }
                var sum = Int(index)
                for k in 0..<templates[Int(index)].names.count { sum &+= Int(spans[2 * k + 1] &- spans[2 * k]) }
                return sum
            }
        }
    }

    func check(_ sample: Sample) -> Bool {
        let got = match(sample.text)
        guard let code = sample.code else { return got == nil || catchAll[got!.0] }
        guard let (index, values) = got, templates[index].code == code else { return false }
        if let locale = sample.locale, templates[index].locale != locale { return false }
        for (name, text) in sample.values where values[name] != text { return false }
        return true
    }
}

func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

@MainActor func catalogRE2Templates() -> [RE2Template] {
    var out: [RE2Template] = []
    let grouping = ["en": ",", "de": "."]
    for entry in catalog.codes {
        for locale in catalog.locales {
            guard let localized = entry.localized[locale] else { continue }
            for template in localized.templates + localized.observed {
                var pieces = [""]
                var names: [String] = []
                var types: [PlaceholderType] = []
                for part in template.message.parts {
                    switch part {
                    case .text(let text, _): pieces[pieces.count - 1] += text
                    case .argument(let argument):
                        names.append(argument.name.description)
                        types.append(entry.placeholder(named: argument.name.description)?.type ?? .string)
                        pieces.append("")
                    case .pound: pieces[pieces.count - 1] += "#"
                    }
                }
                guard let separator = grouping[locale] else { print("FAIL: no grouping separator known for \(locale)"); exit(1) }
                out.append(RE2Template(code: entry.code, locale: locale, pieces: pieces, names: names, types: types, grouping: separator))
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
    var fast = 0.0, fastStrings = 0.0, full = 0.0, re2 = 0.0
    /// Medians of the per-round ratios RE2 time / matcher time.
    var fastVsRE2 = 0.0, fullVsRE2 = 0.0
}

@MainActor func timePasses(matcher: MessageMatcher, re2: RE2Baseline?, pool: [Sample], rounds: Int) -> (Timing, Int) {
    // Alternating rounds, thread CPU time, medians: the 2 cores are shared with other work.
    var fast: [Double] = [], strings: [Double] = [], full: [Double] = [], re2Times: [Double] = []
    var checksum = 0
    let perRound = messageCount / rounds
    let scratch = MatchScratch()
    for round in 0..<rounds {
        let offset = round * perRound
        if let re2 {
            let start = cpuSeconds()
            for i in offset..<offset + perRound { checksum &+= re2.matchSpans(pool[i % pool.count].text) }
            re2Times.append((cpuSeconds() - start) * 1e9 / Double(perRound))
        }
        var start = cpuSeconds()
        for i in offset..<offset + perRound {
            checksum &+= matcher.withMatch(pool[i % pool.count].text, scratch: scratch, consume)
        }
        fast.append((cpuSeconds() - start) * 1e9 / Double(perRound))
        if fastOnly { strings.append(0); full.append(0); continue }
        start = cpuSeconds()
        for i in offset..<offset + perRound {
            checksum &+= matcher.withMatch(pool[i % pool.count].text, scratch: scratch) { view in
                var sum = 0
                for k in 0..<view.slotCount { sum &+= view.text(at: k).utf8.count }
                return sum
            }
        }
        strings.append((cpuSeconds() - start) * 1e9 / Double(perRound))
        start = cpuSeconds()
        for i in offset..<offset + perRound {
            checksum &+= matcher.match(pool[i % pool.count].text).best?.values.count ?? 0
        }
        full.append((cpuSeconds() - start) * 1e9 / Double(perRound))
    }
    func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
    var timing = Timing(fast: median(fast), fastStrings: median(strings), full: median(full), re2: median(re2Times))
    if !re2Times.isEmpty {
        timing.fastVsRE2 = median(zip(re2Times, fast).map { $0 / $1 })
        timing.fullVsRE2 = median(zip(re2Times, full).map { $0 / $1 })
    }
    return (timing, checksum)
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

@MainActor func run(name: String, matcher: MessageMatcher, compileSeconds: Double, pool: [Sample], baseline: Baseline, baselineSample: Int,
                    re2: RE2Baseline) {
    if CommandLine.arguments.contains("--worst") { worst(name: name, matcher: matcher, pool: pool); return }
    // RE2's answers get the same check as the matcher's, before any timing.
    var re2Wrong = 0
    var re2FirstWrong: String?
    for sample in pool.prefix(messageCount) where !re2.check(sample) {
        re2Wrong += 1
        if re2FirstWrong == nil { re2FirstWrong = sample.text }
    }
    let (timing, checksum) = timePasses(matcher: matcher, re2: profileOnly ? nil : re2, pool: pool, rounds: profileOnly ? 1 : 5)
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
    print("  baseline: RE2::Set + RE2 extraction (compiled in \(String(format: "%.3f", re2.compileSeconds)) s): \(ns(timing.re2)) ns/message; checked every distinct message: \(re2Wrong) of \(min(pool.count, messageCount)) wrong\(re2FirstWrong.map { " (first: \($0.prefix(100)))" } ?? "")")
    print("  vs RE2 (median per-round ratio RE2 time / errcat time): withMatch \(String(format: "%.2f", timing.fastVsRE2))×, match() \(String(format: "%.2f", timing.fullVsRE2))×")
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
/// `--cache-probe catalog|1000|10000`: one workload's withMatch pass (what the timed fast pass
/// runs) over `messages` messages in a function of its own, for a cache simulator; the same
/// stream is then checked outside it (every answer must be right). Run under callgrind with
/// collection only inside the pass (valgrind 3.19 cannot read Swift's DWARF 5: strip it first):
///   objcopy --strip-debug .build/release/MatchBenchmark /tmp/MatchBenchmark
///   valgrind --tool=callgrind --cache-sim=yes --LL=33554432,16,64 --toggle-collect='*cacheProbePass*' \
///     /tmp/MatchBenchmark 100000 --cache-probe 10000
/// and divide the totals (`callgrind_annotate`) by the number of messages.
@inline(never) @MainActor func cacheProbePass(matcher: MessageMatcher, pool: [Sample], count: Int, scratch: MatchScratch) -> Int {
    var checksum = 0
    for i in 0..<count { checksum &+= matcher.withMatch(pool[i % pool.count].text, scratch: scratch, consume) }
    return checksum
}

if let index = CommandLine.arguments.firstIndex(of: "--cache-probe") {
    let workload = index + 1 < CommandLine.arguments.count ? CommandLine.arguments[index + 1] : "catalog"
    let matcher: MessageMatcher
    let pool: [Sample]
    if workload == "catalog" {
        matcher = try MessageMatcher(catalog: catalog).withAnchoredPass(anchoredPass)
        pool = try catalogPool(matcher: matcher, size: poolSize ?? 20_000)
    } else if let count = Int(workload) {
        let templates = synthetic(count: count)
        matcher = try MessageMatcher(templates: templates.map(\.raw)).withAnchoredPass(anchoredPass)
        pool = syntheticPool(templates, size: poolSize ?? 50_000)
    } else {
        print("usage: MatchBenchmark [messages] --cache-probe catalog|<number of synthetic templates>")
        exit(2)
    }
    let scratch = MatchScratch()
    // Warm-up: the scratch grows to the longest message, lazily built tables exist.
    _ = cacheProbePass(matcher: matcher, pool: pool, count: min(pool.count, 2_000), scratch: scratch)
    let checksum = cacheProbePass(matcher: matcher, pool: pool, count: messageCount, scratch: scratch)
    // The same stream again, every answer checked (the matcher is deterministic).
    var right = 0
    var again = 0
    for i in 0..<messageCount {
        let sample = pool[i % pool.count]
        if matcher.withMatch(sample.text, scratch: scratch, { check($0, sample) }) { right += 1 }
        again &+= matcher.withMatch(sample.text, scratch: scratch, consume)
    }
    print("cache probe \(workload): \(matcher.templateCount) templates, \(messageCount) messages (\(pool.count) distinct), \(right) answered right [checksum \(checksum)]")
    guard right == messageCount, again == checksum else { print("FAIL: \(messageCount - right) wrong answers, checksum \(again) vs \(checksum)"); exit(1) }
    exit(0)
}
if CommandLine.arguments.contains("--scale") {
    // Catalog-scale compile: time (thread CPU) and heap bytes (mallinfo2 deltas) per template.
    let sizes = CommandLine.arguments.drop { $0 != "--scale" }.dropFirst().compactMap { Int($0) }
    print("| templates | matcher compile | matcher heap | formatter prepare | formatter heap | RE2::Set compile | RE2::Set heap | + one RE2 per template |")
    print("|---|---|---|---|---|---|---|---|")
    for count in sizes.isEmpty ? [10_000, 100_000] : sizes {
        let templates = synthetic(count: count)
        func perTemplate(_ bytes: Int64) -> String { "\(bytes / Int64(count)) B/template" }
        func time(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
        // Matcher.
        var heap = baseline_heap_bytes()
        var start = cpuSeconds()
        let matcher = try MessageMatcher(templates: templates.map(\.raw))
        let matcherTime = cpuSeconds() - start
        let matcherHeap = baseline_heap_bytes() - heap
        let probe = templates[count / 2]
        var text = probe.pieces[0]
        for (k, slot) in probe.slots.enumerated() { text += render(slot.type).0 + probe.pieces[k + 1] }
        guard matcher.match(text).best?.code == probe.raw.code else { print("FAIL: the matcher does not read back \(text)"); exit(1) }
        // Formatter: a catalog of the same templates (one code each), prepared by CatalogFormatter.
        let entries = try templates.map { template in
            CodeEntry(code: template.raw.code, status: 400, placeholders: template.slots, localized: [
                "en": LocalizedEntry(locale: "en", templates: [Template(id: "docs", pattern: template.raw.pattern,
                                                                        message: try MessageParser.parse(template.raw.pattern))],
                                     observed: [], description: nil, hint: nil),
            ])
        }
        let scaleCatalog = Catalog(name: "scale", sourceLocale: "en", locales: ["en"], codes: entries)
        heap = baseline_heap_bytes()
        start = cpuSeconds()
        let scaleFormatter = try CatalogFormatter(catalog: scaleCatalog)
        let formatterTime = cpuSeconds() - start
        let formatterHeap = baseline_heap_bytes() - heap
        var values: [String: Value] = [:]
        for slot in probe.slots { values[slot.name] = slot.type.randomValue(using: &rng) }
        _ = try scaleFormatter.format(code: probe.raw.code, values: values, locale: "en")
        // RE2::Set alone, then with the per-template RE2s the extraction needs.
        let re2Templates = templates.map { RE2Template(code: $0.raw.code, locale: "en", pieces: $0.pieces, names: $0.slots.map(\.name),
                                                       types: $0.slots.map(\.type), grouping: ",") }
        heap = baseline_heap_bytes()
        start = cpuSeconds()
        let set = baseline_re2_new(1 << 31)!
        for template in re2Templates {
            var pattern = ""
            for (k, piece) in template.pieces.enumerated() {
                pattern += escapeRE2(piece)
                if k < template.types.count { pattern += slotRegex(template.types[k], grouping: ",") }
            }
            let bytes = Array(pattern.utf8)
            _ = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { baseline_re2_add(set, $0.baseAddress, Int32($0.count), 0, nil, 0) }
            }
        }
        let row = "| \(count) | \(time(matcherTime)) | \(perTemplate(matcherHeap)) | \(time(formatterTime)) | \(perTemplate(formatterHeap))"
        guard baseline_re2_compile_set_only(set) == 1 else {
            // RE2 caps a program's size (RE2::Set included): past it, Compile() fails whatever max_mem says.
            print("\(row) | compile fails after \(time(cpuSeconds() - start)) (RE2's program-size limit) | – | – |")
            baseline_re2_free(set)
            withExtendedLifetime((matcher, scaleFormatter)) {}
            continue
        }
        let setTime = cpuSeconds() - start
        let setHeap = baseline_heap_bytes() - heap
        guard baseline_re2_identify(set, text, Int32(text.utf8.count)) >= 0 else { print("FAIL: RE2::Set does not match \(text)"); exit(1) }
        baseline_re2_free(set)
        heap = baseline_heap_bytes()
        start = cpuSeconds()
        let full = RE2Baseline(re2Templates)
        let fullTime = cpuSeconds() - start
        let fullHeap = baseline_heap_bytes() - heap
        guard full.match(text)?.0 == count / 2 else { print("FAIL: RE2 does not read back \(text)"); exit(1) }
        print("\(row) | \(time(setTime)) | \(perTemplate(setHeap)) | \(time(fullTime)), \(perTemplate(fullHeap)) |")
        withExtendedLifetime((matcher, scaleFormatter, full)) {}
    }
    print("(thread CPU time; heap = bytes allocated through malloc during the step and still held, mallinfo2; RE2 set-only heap is measured before its first match, whose DFA grows lazily)")
    exit(0)
}
do {
    let t0 = clock.now
    let matcher = try MessageMatcher(catalog: catalog).withAnchoredPass(anchoredPass)
    let compile = seconds(clock.now - t0)
    let pool = try catalogPool(matcher: matcher, size: poolSize ?? 20_000)
    run(name: "catalog", matcher: matcher, compileSeconds: compile, pool: pool,
        baseline: try Baseline(catalogBaselinePatterns()), baselineSample: 50_000, re2: RE2Baseline(catalogRE2Templates()))
}
for (count, baselineSample) in [(1_000, 2_000), (10_000, 200)] {
    let templates = synthetic(count: count)
    let t0 = clock.now
    let matcher = try MessageMatcher(templates: templates.map(\.raw)).withAnchoredPass(anchoredPass)
    let compile = seconds(clock.now - t0)
    let pool = syntheticPool(templates, size: poolSize ?? 50_000)
    let baseline = try Baseline(templates.map { ($0.raw.code, $0.pieces, $0.slots.map(\.name)) })
    let re2 = RE2Baseline(templates.map { RE2Template(code: $0.raw.code, locale: "en", pieces: $0.pieces, names: $0.slots.map(\.name),
                                                      types: $0.slots.map(\.type), grouping: ",") })
    run(name: "synthetic \(count)", matcher: matcher, compileSeconds: compile, pool: pool, baseline: baseline, baselineSample: baselineSample,
        re2: re2)
}
