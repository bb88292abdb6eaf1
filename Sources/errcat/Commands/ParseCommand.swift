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
            // Bounded batches: read up to `batchSize` lines, match them on all workers, write the
            // outputs in input order, repeat. Memory stays that of one batch.
            let batchSize = 4096
            var batch: [LineReader.Line] = []
            batch.reserveCapacity(batchSize)
            var finished = false
            while !finished {
                batch.removeAll(keepingCapacity: true)
                while batch.count < batchSize {
                    guard let line = reader.next() else { finished = true; break }
                    if line.tooLong { tooLong.append(lines + batch.count + 1) }
                    batch.append(line)
                }
                if batch.isEmpty { break }
                // One output buffer and one JSON writer per run of 128 lines.
                let first = lines + 1
                let read = batch
                // Runs are slices of the texts; their indices find each line's record (and its number).
                let outputs = matcher.mapRuns(read.map(\.text), runLength: 128, jobs: jobs) { _, run, scratch -> [UInt8] in
                    var writer = MatchJSONWriter(terminalSafe: true)
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(run.count * 96)
                    for index in run.indices {
                        parser.append(read[index], number: first + index, scratch: scratch, writer: &writer, to: &bytes)
                    }
                    return bytes
                }
                for bytes in outputs { output.append { $0.append(contentsOf: bytes) } }
                lines += batch.count
                progress.update(bytes: reader.bytesRead, lines: lines)
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
            if writer.isTerminalSafe {
                out.append(contentsOf: writer.bytes)
            } else {
                writer.bytes.withUnsafeBufferPointer { Terminal.appendJSONSafe($0, to: &out) }
            }
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
