import ErrorCatalog
import Foundation
import MessageMatching
import Testing

/// Results compared through their Codable form (MatchResult is not Equatable).
private func keys(_ results: [MatchResult]) -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return results.map { String(decoding: try! encoder.encode($0), as: UTF8.self) }
}

/// The batch API gives, in input order, exactly what one `match` per line gives, whatever the
/// number of jobs, also when several batches run at once on a shared matcher.
@Suite struct MatchLinesTests {
    static let lines: [String] = (0..<3_000).map { index in
        switch index % 5 {
        case 0: return "Hash value \(String(repeating: "ab", count: 16)) is invalid."
        case 1: return "Machine m\(index) was not found"
        case 2: return "Maximum batch size exceeded. Received: \(index), allowed: 1,000."
        case 3: return "noise line \(index)"
        default: return String(repeating: "x", count: index % 300)
        }
    }

    @Test(arguments: [1, 2, 3, 8])
    func matchLinesEqualsMatchInOrder(jobs: Int) {
        let matcher = Fixtures.matcher
        let expected = Self.lines.map { matcher.match($0) }
        let results = matcher.matchLines(Self.lines, jobs: jobs)
        #expect(keys(results) == keys(expected))
    }

    @Test func mapLinesKeepsOrderAndUsesTheScratch() {
        let matcher = Fixtures.matcher
        let codes = matcher.mapLines(Self.lines, jobs: 4) { matcher, line, scratch in
            matcher.withMatch(line, scratch: scratch) { $0.matched ? $0.code : "-" }
        }
        #expect(codes == Self.lines.map { line in matcher.withMatch(line) { $0.matched ? $0.code : "-" } })
        #expect(matcher.mapLines([], jobs: 4) { _, line, _ in line }.isEmpty)
    }

    @Test(arguments: [1, 7, 64, 5_000])
    func mapRunsCoversEveryLineOnceInOrder(runLength: Int) {
        let matcher = Fixtures.matcher
        let runs = matcher.mapRuns(Self.lines, runLength: runLength, jobs: 4) { matcher, run, scratch in
            run.map { line in matcher.withMatch(line, scratch: scratch) { $0.matched ? $0.code : "-" } }
        }
        #expect(runs.count == (Self.lines.count + runLength - 1) / runLength)
        #expect(Array(runs.joined()) == Self.lines.map { line in matcher.withMatch(line) { $0.matched ? $0.code : "-" } })
    }

    @Test func streamingSequenceInBoundedBatches() {
        let matcher = Fixtures.matcher
        var seen: [String] = []
        var results: [MatchResult] = []
        matcher.matchLines(Self.lines.lazy.map { $0 }, jobs: 3, batchSize: 257) { line, result in
            seen.append(line)
            results.append(result)
        }
        #expect(seen == Self.lines)
        #expect(keys(results) == keys(Self.lines.map { matcher.match($0) }))
    }

    @Test func concurrentBatchesOnOneMatcher() async {
        let matcher = Fixtures.matcher
        let expected = keys(Self.lines.map { matcher.match($0) })
        await withTaskGroup(of: Bool.self) { group in
            for jobs in [2, 3, 4, 2] {
                group.addTask { keys(matcher.matchLines(Self.lines, jobs: jobs)) == expected }
            }
            for await same in group { #expect(same) }
        }
    }
}
