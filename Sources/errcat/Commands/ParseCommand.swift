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

    func validate() throws {
        if ndjson && message != nil {
            throw ValidationError("--ndjson reads error bodies from standard input; give no MESSAGE (use `errcat explain` for one body)")
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
        var writer = MatchJSONWriter()
        let scratch = MatchScratch()
        while let (line, _) = reader.next() {
            lines += 1
            if ndjson {
                let explained = BodyExplainer(catalog: catalog, matcher: matcher).explain(line)
                output.write(line: json ? JSONWriter.string(explained.json, layout: .compact) : explained.line)
            } else {
                if json {
                    let result = matcher.match(line, locale: filter, code: code)
                    writer.reset()
                    writer.write(result, input: line)
                    output.write(lineBytes: writer.bytes)
                } else {
                    // The allocation-free view answers the common case; an unmatched, ambiguous or
                    // free-text-only message takes the full result (literal-text fallback, nearest
                    // template, alternatives).
                    let quick: String? = matcher.withMatch(line, locale: filter, code: code, scratch: scratch) { view in
                        view.matched && !view.ambiguous && !view.isCatchAll ? MatchOutput.line(view) : nil
                    }
                    output.write(line: quick ?? MatchOutput.line(matcher.match(line, locale: filter, code: code)))
                }
            }
            progress.update(bytes: reader.bytesRead, lines: lines)
        }
        output.flush()
        progress.finish(lines: lines)
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
