// Matching many lines on all cores, results in input order. A matcher is immutable and Sendable;
// each worker thread has its own MatchScratch, so the only shared writes are the result slots,
// each written by exactly one worker before the batch returns.
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MessageMatcher {
    /// The number of cores online: the default number of jobs.
    public static var defaultJobs: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Matches every line of `lines` with up to `jobs` threads and returns the results in input
    /// order: the same results as `lines.map { match($0, locale:, code:) }`.
    public func matchLines(_ lines: [String], locale: LocaleFilter = .auto, code: String? = nil,
                           jobs: Int = MessageMatcher.defaultJobs) -> [MatchResult] {
        mapLines(lines, jobs: jobs) { matcher, line, _ in matcher.match(line, locale: locale, code: code) }
    }

    /// Runs `transform` on every line of `lines` with up to `jobs` threads and returns its results
    /// in input order. `transform` gets this matcher, the line and a scratch owned by the calling
    /// worker (for `withMatch(_:locale:code:scratch:_:)`); it may run on any thread, several
    /// calls at once. Lines are handed out in small runs from a shared counter, so a slow line
    /// does not hold back the other workers. With `jobs` ≤ 1 or a few lines everything runs on the
    /// calling thread.
    public func mapLines<T: Sendable>(_ lines: [String], jobs: Int = MessageMatcher.defaultJobs,
                                      _ transform: @Sendable (MessageMatcher, String, MatchScratch) -> T) -> [T] {
        let run = 64
        let workers = min(max(1, jobs), (lines.count + run - 1) / run)
        if workers <= 1 {
            let scratch = MatchScratch()
            return lines.map { transform(self, $0, scratch) }
        }
        let results = ResultSlots<T>(count: lines.count)
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let scratch = MatchScratch()
                while true {
                    let start = next.wrappingAdd(run, ordering: .relaxed).oldValue
                    if start >= lines.count { break }
                    for index in start..<min(start + run, lines.count) {
                        results.set(index, transform(self, lines[index], scratch))
                    }
                }
            }
        }
        return results.take()
    }

    /// Runs `transform` on consecutive runs of at most `runLength` lines of `lines` with up to
    /// `jobs` threads and returns one result per run, in input order: for outputs that are cheaper
    /// to build a run at a time (one output buffer and one writer per run instead of per line).
    /// `transform` gets this matcher, the run and a scratch owned by the calling worker.
    public func mapRuns<T: Sendable>(_ lines: [String], runLength: Int = 64, jobs: Int = MessageMatcher.defaultJobs,
                                     _ transform: @Sendable (MessageMatcher, ArraySlice<String>, MatchScratch) -> T) -> [T] {
        let length = max(1, runLength)
        let runs = (lines.count + length - 1) / length
        let workers = min(max(1, jobs), runs)
        // Scratches come from the matcher's pool: a caller that maps batch after batch (parse
        // --jobs) reuses grown scratches instead of allocating and faulting in new ones per batch.
        if workers <= 1 {
            return withPooledScratch { scratch in
                (0..<runs).map { run in
                    transform(self, lines[run * length..<min(run * length + length, lines.count)], scratch)
                }
            }
        }
        let results = ResultSlots<T>(count: runs)
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                withPooledScratch { scratch in
                    while true {
                        let run = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        if run >= runs { break }
                        results.set(run, transform(self, lines[run * length..<min(run * length + length, lines.count)], scratch))
                    }
                }
            }
        }
        return results.take()
    }

    /// Matches a sequence of lines (a file, a socket, standard input) with up to `jobs` threads,
    /// `batchSize` lines at a time, and calls `body` with each line and its result in input order
    /// on the calling thread. Memory stays bounded by one batch whatever the length of `lines`.
    public func matchLines<S: Sequence>(_ lines: S, locale: LocaleFilter = .auto, code: String? = nil,
                                        jobs: Int = MessageMatcher.defaultJobs, batchSize: Int = 4096,
                                        _ body: (String, MatchResult) throws -> Void) rethrows where S.Element == String {
        var batch: [String] = []
        batch.reserveCapacity(max(1, batchSize))
        var iterator = lines.makeIterator()
        while true {
            batch.removeAll(keepingCapacity: true)
            while batch.count < max(1, batchSize), let line = iterator.next() { batch.append(line) }
            if batch.isEmpty { return }
            let results = matchLines(batch, locale: locale, code: code, jobs: jobs)
            for index in batch.indices { try body(batch[index], results[index]) }
        }
    }
}

/// Result storage that workers fill by index: each index is written exactly once, by one worker,
/// and read only after `DispatchQueue.concurrentPerform` has returned (which orders the writes
/// before the read).
private final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(1, count))
    }

    func set(_ index: Int, _ value: T) {
        (base + index).initialize(to: value)
    }

    /// Moves the values out into an array (every index must have been set).
    func take() -> [T] {
        let array = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base, count: count)
            initialized = count
        }
        base.deallocate()
        return array
    }
}
