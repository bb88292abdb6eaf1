import ArgumentParser
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching
import MessageTranslation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a JSON error body in your language: message, code, HTTP status, tracking ID and hint.",
        discussion: """
        Reads {"error": {"code", "message", "target"}} (also nested innererror, an ASP.NET {"Message": …} \
        body, or anything else a server or proxy sent) from FILE or standard input. A whole HTTP response \
        as `curl -i` prints it is read too: its status is cross-checked, and Retry-After and the request id \
        are shown.
        """
    )

    @Argument(help: ArgumentHelp("The body's file; - or nothing for standard input.", valueName: "file"))
    var file: String?

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var localeOption: LocaleOption

    @Option(name: .long, help: ArgumentHelp("The HTTP status the response came with, to cross-check.", valueName: "status"))
    var status: Int?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let catalog = try catalogOptions.load()
        let locale = try localeOption.negotiate(catalog)
        let response = HTTPResponse(try readInput())
        let matcher = try Matchers.make(catalog)
        let translator = (try? CatalogFormatter(catalog: catalog)).map { MessageTranslator(matcher: matcher, formatter: $0) }
        var explained = BodyExplainer(catalog: catalog, matcher: matcher, translator: translator)
            .explain(response.body, locale: locale, httpStatus: status ?? response.status)
        if let retryAfter = response.header("Retry-After") { explained.json["retryAfter"] = .string(retryAfter) }
        if let requestID = response.requestID { explained.json["requestId"] = .string(requestID) }
        if json {
            Terminal.outJSON(JSONWriter.string(explained.json, layout: .pretty))
            return
        }
        Terminal.out(render(explained, response: response, german: LocaleTag(locale.catalogLocale)?.language == "de"))
        if explained.explanation.code == nil { throw ExitCode(1) }
    }

    private func readInput() throws -> String {
        let data: Data?
        let name = file ?? "-"
        if name == "-" {
            if isatty(STDIN_FILENO) == 1 {
                Terminal.err(Terminal.styled("reading the error body from standard input; paste it, then Ctrl-D", .dim, stderr: true))
            }
            data = try? FileHandle.standardInput.read(upToCount: InputLimits.maxBodyBytes + 1) ?? Data()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue else {
                Terminal.error("cannot read '\(Terminal.safe(name))': \(FileManager.default.fileExists(atPath: name) ? "it is a directory" : "no such file")")
                Terminal.err("  = help: give the file with the JSON error body, or - to read standard input")
                throw ExitCode(2)
            }
            data = FileHandle(forReadingAtPath: name).flatMap { try? $0.read(upToCount: InputLimits.maxBodyBytes + 1) ?? Data() }
        }
        guard let data else {
            Terminal.error("cannot read '\(Terminal.safe(name))'")
            throw ExitCode(2)
        }
        if data.count > InputLimits.maxBodyBytes {
            Terminal.error("the body from '\(Terminal.safe(name))' is larger than \(InputLimits.maxBodyBytes) bytes (16 MiB); "
                + "explain reads error bodies up to that size and reads none of a larger one")
            throw ExitCode(2)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func render(_ explained: BodyExplainer.Explained, response: HTTPResponse, german: Bool) -> String {
        let e = explained.explanation
        let labels = german
            ? (message: "Meldung", code: "Code", status: "HTTP-Status", target: "Tracking-ID", description: "Bedeutung", hint: "Hinweis", original: "Original", notes: "Anmerkung", retry: "Erneut nach", request: "Request-ID", seconds: "Sekunden")
            : (message: "Message", code: "Code", status: "HTTP status", target: "Tracking ID", description: "Meaning", hint: "Hint", original: "Original", notes: "Note", retry: "Retry after", request: "Request ID", seconds: "seconds")
        var lines: [String] = []
        func add(_ label: String, _ value: String) {
            lines.append(Terminal.styled(label.padding(toLength: 12, withPad: " ", startingAt: 0), .bold) + value)
        }
        if let localized = explained.localizedMessage {
            add(labels.message, Terminal.safe(localized))
            if let original = e.message ?? e.body.message, original != localized { add(labels.original, Terminal.safe(original)) }
        } else if let original = e.message ?? e.body.message {
            add(labels.message, Terminal.safe(original))
        }
        add(labels.code, e.code.map { Terminal.safe($0) } ?? (e.body.code.map { Terminal.safe($0) + " (not in the catalog)" } ?? "—"))
        if let status = e.status {
            var text = String(status)
            if let http = e.httpStatus, http != status { text += " (the response said \(http))" }
            add(labels.status, text)
        }
        add(labels.target, e.body.target.map { Terminal.safe($0) } ?? "—")
        if let requestID = response.requestID, requestID != e.body.target { add(labels.request, Terminal.safe(requestID)) }
        if let retryAfter = response.header("Retry-After") {
            add(labels.retry, Int(retryAfter) != nil ? "\(retryAfter) \(labels.seconds)" : Terminal.safe(retryAfter))
        }
        if let description = e.description { add(labels.description, Terminal.safe(description)) }
        if let hint = e.hint { add(labels.hint, Terminal.safe(hint)) }
        if let best = e.match?.best {
            for (name, value) in best.values.sorted(by: { $0.key < $1.key }) where value.rejected && !value.isValidForType {
                add(labels.notes, Terminal.safe(value.type.explain(value.text, locale: german ? "de" : "en")) + " (\(name))")
            }
        }
        for note in e.findings { add(labels.notes, Terminal.safe(note.text(german: german))) }
        // Each entry of the envelope's details[], explained on its own.
        for detail in e.details {
            var text = detail.code.map { Terminal.safe($0) + (detail.status.map { " (HTTP \($0))" } ?? "") }
                ?? (detail.body.code.map { Terminal.safe($0) + (german ? " (nicht im Katalog)" : " (not in the catalog)") } ?? "—")
            if let message = detail.message { text += ": " + Terminal.safe(message) }
            if let best = detail.match?.best, best.code == detail.code {
                for name in best.values.keys.sorted() { text += "  \(name)=\(Terminal.safe(best.values[name]!.text))" }
            }
            if let target = detail.target { text += "  [\(Terminal.safe(target))]" }
            if detail.confidence == .low { text += german ? "  (geraten)" : "  (a guess)" }
            add("Detail", text)
        }
        return lines.joined(separator: "\n")
    }
}
