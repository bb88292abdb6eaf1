import ErrorCatalog
import MessageFormatting
@testable import MessageMatching
import Foundation
import Testing

/// Issue 10.10: the shared scratch pool (matcher) and the ICU pools and caches (formatter) are used
/// from many tasks at once. Each task formats and parses its own slice of a fixed workload; the
/// results must equal the sequential ones. Under ThreadSanitizer (`.ci/sanitizers.sh`) the same
/// test checks the locks themselves (`Locked`, a pthread mutex TSan understands).
@Suite("Concurrency: format and parse from many tasks")
struct ConcurrencyStressTests {
    struct Job: Sendable {
        let code: String
        let locale: String
        let variant: Int
        let values: [String: Value]
    }

    /// A fixed workload over every template of the catalog, in regional locales too (de-CH,
    /// en-GB: the formatter's regional tables and ICU pools fill on first use, concurrently).
    static func jobs(count: Int) -> [Job] {
        let catalog = Fixtures.catalog
        var rng = SeededRandomNumberGenerator(seed: 0xC0C0)
        var all: [Job] = []
        let locales = ["en", "de", "de-CH", "de-AT", "en-GB", "en-US"]
        while all.count < count {
            for entry in catalog.codes {
                for locale in locales {
                    guard let localized = entry.localized[locale.hasPrefix("de") ? "de" : "en"] else { continue }
                    for (variant, template) in localized.templates.enumerated() {
                        var values: [String: Value] = [:]
                        for argument in template.argumentNames {
                            guard let placeholder = entry.placeholder(named: argument) else { continue }
                            values[argument] = placeholder.type.randomValue(using: &rng)
                        }
                        all.append(Job(code: entry.code, locale: locale, variant: variant, values: values))
                    }
                }
            }
        }
        return Array(all.prefix(count))
    }

    /// What one job gives: the formatted text and what the matcher reads back from it.
    static func run(_ job: Job, formatter: CatalogFormatter, matcher: MessageMatcher) -> String {
        let text: String
        do {
            text = try formatter.format(code: job.code, values: job.values, locale: job.locale, variant: job.variant)
        } catch {
            return "error: \(error)"
        }
        let result = matcher.match(text)
        let best = result.best.map { "\($0.code)/\($0.locale)/\($0.variant.id) \($0.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" })" }
        // The nearest report runs the automata again through the same pool.
        let nearest = result.nearest.map { "\($0.code)@\($0.utf8Offset)" } ?? "-"
        var viewCode = "-"
        matcher.withMatch(text) { view in viewCode = view.code ?? "nil" }
        return "\(text) → \(best ?? "no match") [\(result.ambiguous)] \(nearest) \(viewCode)"
    }

    @Test func resultsEqualTheSequentialOnes() async throws {
        let jobs = Self.jobs(count: 3_000)
        // Fresh instances: their caches and pools start empty, so the first uses race too.
        let catalog = Fixtures.catalog
        let sequential: [String] = try {
            let formatter = try CatalogFormatter(catalog: catalog)
            let matcher = try MessageMatcher(catalog: catalog)
            return jobs.map { Self.run($0, formatter: formatter, matcher: matcher) }
        }()
        let formatter = try CatalogFormatter(catalog: catalog)
        let matcher = try MessageMatcher(catalog: catalog)
        let tasks = 16
        let concurrent = await withTaskGroup(of: [(Int, String)].self) { group in
            for t in 0..<tasks {
                group.addTask {
                    // Each task walks the whole workload from a different start, so every task
                    // meets every template (and every pool) while the others do.
                    var out: [(Int, String)] = []
                    for k in 0..<jobs.count where k % tasks == t {
                        out.append((k, Self.run(jobs[k], formatter: formatter, matcher: matcher)))
                    }
                    for k in stride(from: (t * 97) % jobs.count, to: jobs.count, by: 37) {
                        _ = Self.run(jobs[k], formatter: formatter, matcher: matcher)
                    }
                    return out
                }
            }
            var results = [String](repeating: "", count: jobs.count)
            for await part in group { for (k, text) in part { results[k] = text } }
            return results
        }
        #expect(concurrent.count == sequential.count)
        let differing = zip(concurrent, sequential).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differing.isEmpty, "\(differing.prefix(3).map { "\($0.offset): \($0.element.0) != \($0.element.1)" })")
        #expect(sequential.filter { $0.hasPrefix("error:") }.isEmpty, "\(sequential.first { $0.hasPrefix("error:") } ?? "")")
    }
}

/// The matcher's scratch pool (an atomic slot in front of a locked list): a scratch is never
/// handed to two callers at once, a single caller gets the same scratch back every time, and
/// concurrent callers are served from the list (or a new scratch) without blocking.
@Suite struct ScratchPoolTests {
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private var inUse: Set<ObjectIdentifier> = []
        private(set) var seen: Set<ObjectIdentifier> = []
        private(set) var doubleHandOuts = 0
        func checkOut(_ box: PooledScratch) {
            lock.withLock {
                if !inUse.insert(ObjectIdentifier(box)).inserted { doubleHandOuts += 1 }
                seen.insert(ObjectIdentifier(box))
            }
        }
        func checkIn(_ box: PooledScratch) { _ = lock.withLock { inUse.remove(ObjectIdentifier(box)) } }
    }

    @Test func oneCallerReusesOneScratch() {
        let pool = ScratchPool()
        let first = pool.take()
        pool.give(first)
        for _ in 0..<100 {
            let box = pool.take()
            #expect(box === first)
            pool.give(box)
        }
    }

    @Test func neverHandsOneScratchToTwoCallers() async {
        let pool = ScratchPool()
        let ledger = Ledger()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for round in 0..<2_000 {
                        let box = pool.take()
                        ledger.checkOut(box)
                        // Use the scratch a little so overlapping holders are likely.
                        box.scratch.slotCount = round
                        if round % 7 == 0 { await Task.yield() }
                        #expect(box.scratch.slotCount == round)
                        ledger.checkIn(box)
                        pool.give(box)
                    }
                }
            }
        }
        #expect(ledger.doubleHandOuts == 0)
        // At most one scratch per concurrent holder ever existed (8 tasks).
        #expect(ledger.seen.count <= 8)
    }
}
