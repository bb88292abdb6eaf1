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
                Terminal.out(JSONWriter.string(MatchOutput.json(result, input: message), layout: .pretty))
            } else {
                Terminal.out(MatchOutput.detailed(result, input: message, catalog: catalog))
            }
            if !result.matched { throw ExitCode(1) }
            return
        }
        if isatty(STDIN_FILENO) == 1 {
            Terminal.err(Terminal.styled("reading messages from standard input, one per line; Ctrl-D ends", .dim, stderr: true))
        }
        var reader = LineReader(fd: STDIN_FILENO)
        var output = OutputBuffer()
        var progress = ProgressBar(fd: STDIN_FILENO)
        var lines = 0
        let parser = LineParser(catalog: catalog, matcher: matcher, filter: filter, code: code, json: json, ndjson: ndjson)
        if jobs == 1 {
            var writer = MatchJSONWriter()
            let scratch = MatchScratch()
            while let (line, _) = reader.next() {
                lines += 1
                output.append { parser.append(line, scratch: scratch, writer: &writer, to: &$0) }
                progress.update(bytes: reader.bytesRead, lines: lines)
            }
        } else {
            // Bounded batches: read up to `batchSize` lines, match them on all workers, write the
            // outputs in input order, repeat. Memory stays that of one batch.
            let batchSize = 4096
            var batch: [String] = []
            batch.reserveCapacity(batchSize)
            var finished = false
            while !finished {
                batch.removeAll(keepingCapacity: true)
                while batch.count < batchSize {
                    guard let (line, _) = reader.next() else { finished = true; break }
                    batch.append(line)
                }
                if batch.isEmpty { break }
                // One output buffer and one JSON writer per run of 128 lines.
                let outputs = matcher.mapRuns(batch, runLength: 128, jobs: jobs) { _, run, scratch -> [UInt8] in
                    var writer = MatchJSONWriter()
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(run.count * 96)
                    for line in run { parser.append(line, scratch: scratch, writer: &writer, to: &bytes) }
                    return bytes
                }
                for bytes in outputs { output.append { $0.append(contentsOf: bytes) } }
                lines += batch.count
                progress.update(bytes: reader.bytesRead, lines: lines)
            }
        }
        output.flush()
        progress.finish(lines: lines)
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

    func append(_ line: String, scratch: MatchScratch, writer: inout MatchJSONWriter, to out: inout [UInt8]) {
        if ndjson {
            let explained = BodyExplainer(catalog: catalog, matcher: matcher).explain(line)
            out.append(contentsOf: (json ? JSONWriter.string(explained.json, layout: .compact) : explained.line).utf8)
        } else if json {
            let result = matcher.match(line, locale: filter, code: code)
            writer.reset()
            writer.write(result, input: line)
            out.append(contentsOf: writer.bytes)
        } else {
            // The allocation-free view answers the common case; an unmatched or ambiguous
            // message takes the full result (nearest template, alternatives).
            let quick: String? = matcher.withMatch(line, locale: filter, code: code, scratch: scratch) { view in
                view.matched && !view.ambiguous ? MatchOutput.line(view) : nil
            }
            out.append(contentsOf: (quick ?? MatchOutput.line(matcher.match(line, locale: filter, code: code))).utf8)
        }
        out.append(0x0A)
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
