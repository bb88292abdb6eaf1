import ArgumentParser
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Recover the code, locale and typed values from a received message.",
        discussion: """
        With MESSAGE, parses that message. Without it, reads standard input one message per line and \
        prints one result per line, in order (NDJSON with --json). With --ndjson each input line is a \
        JSON error body ({"error": {"code", "message", "target"}}).
        """
    )

    @Argument(help: ArgumentHelp("The message; omit it to read standard input, one message per line.", valueName: "message"))
    var message: String?

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Which templates to consider: auto (every locale), or a catalog locale such as en or de.", valueName: "auto|locale"))
    var locale: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Only consider templates of this code.", valueName: "code"))
    var code: String?

    @Flag(name: .long, help: "Print JSON (one object per input line when streaming).")
    var json = false

    @Flag(name: .long, help: "Each input line is a JSON error body, not a bare message.")
    var ndjson = false

    @Option(name: .long, help: ArgumentHelp("Threads for reading standard input (default: the number of cores). Output stays in input order.", valueName: "n"))
    var jobs: Int = MessageMatcher.defaultJobs

    func validate() throws {
        if ndjson && message != nil {
            throw ValidationError("--ndjson reads error bodies from standard input; give no MESSAGE (use `errcat explain` for one body)")
        }
        if jobs < 1 || jobs > 1024 {
            throw ValidationError("--jobs must be between 1 and 1024 (got \(jobs))")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.load()
        let filter = try catalog.localeFilter(locale, option: "--locale")
        if let code { _ = try catalog.requireEntry(code) }
        let matcher = try Matchers.make(catalog)
        if let message {
            let result = matcher.match(message, locale: filter, code: code)
            if json {
                Terminal.outJSON(JSONWriter.string(MatchOutput.json(result, input: message), layout: .pretty))
            } else {
                Terminal.out(MatchOutput.detailed(result, input: message, catalog: catalog))
            }
            if !result.matched { throw ExitCode(1) }
            return
        }
        if isatty(STDIN_FILENO) == 1 {
            Terminal.err(Terminal.styled("reading messages from standard input, one per line; Ctrl-D ends", .dim, stderr: true))
        }
        // A line of --ndjson is a whole error body: it may be as large as explain's body limit.
        let limit = ndjson ? InputLimits.maxBodyBytes : InputLimits.maxLineBytes
        var reader = LineReader(fd: STDIN_FILENO, maximumLineLength: limit)
        var output = OutputBuffer()
        var progress = ProgressBar(fd: STDIN_FILENO)
        var lines = 0
        var tooLong: [Int] = []
        let parser = LineParser(catalog: catalog, matcher: matcher, filter: filter, code: code, json: json, ndjson: ndjson, limit: limit)
        if jobs == 1 {
            var writer = MatchJSONWriter(terminalSafe: true)
            let scratch = MatchScratch()
            while let line = reader.next() {
                lines += 1
                if line.tooLong { tooLong.append(lines) }
                output.append { parser.append(line, number: lines, scratch: scratch, writer: &writer, to: &$0) }
                progress.update(bytes: reader.bytesRead, lines: lines)
            }
        } else {
            // Bounded batches, pipelined: while the workers match batch k, this thread writes the
            // output of batch k-1 and reads batch k+1, so reading and writing (serial) overlap
            // with matching (parallel). Output stays in input order; memory is that of two batches.
            let batchSize = 4096
            var finished = false
            func readBatch() -> [LineReader.Line] {
                var batch: [LineReader.Line] = []
                batch.reserveCapacity(batchSize)
                while batch.count < batchSize {
                    guard let line = reader.next() else { finished = true; break }
                    if line.tooLong { tooLong.append(lines + batch.count + 1) }
                    batch.append(line)
                }
                return batch
            }
            let jobs = self.jobs
            let runLength = 128
            /// Starts matching `batch` (its first line is number `first`) on the workers, into
            /// `pending`'s buffers (reused batch after batch: no allocation once they have grown).
            func start(_ batch: [LineReader.Line], first: Int, into pending: PendingBatch) {
                let texts = batch.map(\.text)
                pending.runs = (batch.count + runLength - 1) / runLength
                pending.group.enter()
                DispatchQueue.global().async {
                    // One output buffer and one JSON writer per run of 128 lines.
                    _ = matcher.mapRuns(texts, runLength: runLength, jobs: jobs) { _, run, scratch -> Bool in
                        var writer = MatchJSONWriter(terminalSafe: true)
                        pending.withBuffer(run.startIndex / runLength) { bytes in
                            bytes.removeAll(keepingCapacity: true)
                            for index in run.indices {
                                parser.append(batch[index], number: first + index, scratch: scratch, writer: &writer, to: &bytes)
                            }
                        }
                        return true
                    }
                    pending.group.leave()
                }
            }
            // Two sets of buffers: one being filled by the workers, one being written out.
            var spare = PendingBatch(capacity: (batchSize + runLength - 1) / runLength)
            var current = readBatch()
            var inFlight: PendingBatch? = nil
            if !current.isEmpty {
                let first = PendingBatch(capacity: spare.capacity)
                start(current, first: 1, into: first)
                inFlight = first
            }
            while let pending = inFlight {
                lines += current.count
                let next = finished ? [] : readBatch()
                pending.group.wait()
                if next.isEmpty {
                    inFlight = nil
                } else {
                    start(next, first: lines + 1, into: spare)
                    inFlight = spare
                }
                for run in 0..<pending.runs { pending.withBuffer(run) { bytes in output.append { $0.append(contentsOf: bytes) } } }
                spare = pending
                progress.update(bytes: reader.bytesRead, lines: lines)
                current = next
            }
        }
        output.flush()
        progress.finish(lines: lines)
        if let first = tooLong.first {
            Terminal.error("\(tooLong.count) input line\(tooLong.count == 1 ? " was" : "s were") too long to parse (first: line \(first)); "
                + "parse reads \(ndjson ? "error bodies" : "messages") of up to \(limit) bytes per line")
            throw ExitCode(1)
        }
    }
}

/// One input line of `parse` → its output line (without the newline): the same function whatever
/// the number of jobs, so `--jobs N` prints exactly what `--jobs 1` prints.
struct LineParser: Sendable {
    let catalog: Catalog
    let matcher: MessageMatcher
    let filter: LocaleFilter
    let code: String?
    let json: Bool
    let ndjson: Bool
    /// The longest line read (bytes); a longer one is reported in its result's place, never cut.
    let limit: Int

    /// Text for people is made safe for a terminal (`Terminal.printable`); JSON keeps its value, with
    /// invisible and control characters inside strings as `\u` escapes (`Terminal.jsonSafe`).
    func append(_ input: LineReader.Line, number: Int, scratch: MatchScratch, writer: inout MatchJSONWriter, to out: inout [UInt8]) {
        defer { out.append(0x0A) }
        if input.tooLong {
            let what = ndjson ? "error body" : "line"
            if json {
                out.append(contentsOf: "{\"line\":\(number),\"error\":\"\(what) too long\",\"bytes\":\(input.length),\"limit\":\(limit)}".utf8)
            } else {
                out.append(contentsOf: "line \(number): not parsed: the \(what) is \(input.length) bytes, \(input.length - limit) over the limit of \(limit) bytes".utf8)
            }
            return
        }
        let line = input.text
        if ndjson {
            let explained = BodyExplainer(catalog: catalog, matcher: matcher).explain(line)
            if json {
                out.append(contentsOf: Terminal.jsonSafe(JSONWriter.string(explained.json, layout: .compact)).utf8)
            } else {
                out.append(contentsOf: Terminal.printable(explained.line, colour: false).utf8)
            }
        } else if json {
            // The common case (one match of a template with literal text) is written from the
            // view in place; anything else from the full result, built from the same scan.
            writer.reset()
            matcher.withMatch(line, locale: filter, code: code, scratch: scratch) { view in
                if MatchJSONWriter.canWrite(view) {
                    writer.write(view: view, input: line)
                } else {
                    writer.write(matcher.result(of: view, message: line, locale: filter, code: code), input: line)
                }
            }
            precondition(writer.isTerminalSafe, "parse writes JSON for a terminal: pass MatchJSONWriter(terminalSafe: true)")
            writer.append(to: &out)
        } else {
            // The allocation-free view answers the common case; an unmatched, ambiguous or
            // free-text-only message takes the full result (literal-text fallback, nearest
            // template, alternatives).
            let text: String = matcher.withMatch(line, locale: filter, code: code, scratch: scratch) { view in
                view.matched && !view.ambiguous && !view.isCatchAll
                    ? MatchOutput.line(view) : MatchOutput.line(matcher.result(of: view, message: line, locale: filter, code: code))
            }
            out.append(contentsOf: Terminal.printable(text, colour: false).utf8)
        }
    }
}

enum Matchers {
    static func make(_ catalog: Catalog) throws -> MessageMatcher {
        do {
            // Grouping separators as ICU has them, also for a catalog locale the built-in table lacks.
            return try MessageMatcher(catalog: catalog, numberSymbols: .icu)
        } catch {
            Terminal.error("cannot compile the catalog's templates for matching: \(error)")
            throw ExitCode(2)
        }
    }
}

/// A batch of `parse --jobs` being matched: one output buffer per run of lines, each written by
/// the one worker that matches that run, and read only after `group` has been waited for (the wait
/// orders the workers' writes before the reads). The buffers keep their capacity from batch to batch.
final class PendingBatch: @unchecked Sendable {
    let group = DispatchGroup()
    let capacity: Int
    var runs = 0
    private let buffers: UnsafeMutablePointer<[UInt8]>

    init(capacity: Int) {
        self.capacity = capacity
        buffers = .allocate(capacity: capacity)
        buffers.initialize(repeating: [], count: capacity)
    }

    deinit {
        buffers.deinitialize(count: capacity)
        buffers.deallocate()
    }

    func withBuffer<R>(_ run: Int, _ body: (inout [UInt8]) throws -> R) rethrows -> R {
        precondition(run >= 0 && run < capacity, "run \(run) outside the batch")
        return try body(&buffers[run])
    }
}
