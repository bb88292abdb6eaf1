import ArgumentParser
import CatalogReview
import ErrorCatalog
import Foundation

/// What a report or export is, for standard output: text for people is made terminal-safe, JSON
/// keeps its value (`Terminal.jsonSafe`), a data file (PO, XLIFF, HTML) is written as it is.
enum OutputKind { case text, json, data }

/// Writes `text` to `-o FILE` atomically (`AtomicFile`), or to standard output (no `-o`, `-o -`).
private func emit(_ text: String, to output: String?, as kind: OutputKind = .data) throws {
    guard let output, output != "-" else {
        switch kind {
        case .text: FileHandle.standardOutput.write(Data(Terminal.printable(text, colour: false).utf8))
        case .json: FileHandle.standardOutput.write(Data(Terminal.jsonSafe(text).utf8))
        case .data: FileHandle.standardOutput.write(Data(text.utf8))
        }
        return
    }
    do {
        try AtomicFile.write(text, to: output)
    } catch {
        Terminal.error(error.description)
        throw ExitCode(2)
    }
}

private func readRaw(_ directory: String) throws -> CatalogDocument {
    let (raw, problems) = CatalogDocument.read(directory: directory)
    if raw.source == nil {
        for problem in problems { Terminal.error(Terminal.safe(problem.description)) }
        Terminal.error("\(directory): no source locale file (codes with \"status\" and \"placeholders\")")
        throw ExitCode(2)
    }
    return raw
}

enum ReviewOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, html
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review translations against the source: placeholders, plurals, syntax, untranslated text, typography, stale texts.",
        discussion: """
        Works from the raw catalog files, so a catalog that does not load is still reviewed in full. \
        Exit status: 0 without errors, 1 when there are errors (warnings and notes do not fail), 2 on bad usage. \
        Formats: text (default), json, sarif (SARIF 2.1.0 for code-scanning tools), html (one self-contained page).
        """
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Review only this locale (default: every translation).", valueName: "locale"))
    var locale: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif or html.")
    var format: ReviewOutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file, atomically (default, or -: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let directory = try catalogOptions.directory
        let reviewer = CatalogReviewer.forDirectory(directory)
        let result = reviewer.review(locales: locale.isEmpty ? nil : locale)
        if !locale.isEmpty, result.locales.isEmpty {
            Terminal.error("no translation for \(locale.joined(separator: ", ")) in \(directory)")
            throw ExitCode(2)
        }
        switch format {
        case .text: try emit(ReviewReport.text(result), to: output, as: .text)
        case .json: try emit(ReviewReport.json(result), to: output, as: .json)
        case .sarif: try emit(ReviewReport.sarif(result, catalogDirectory: directory), to: output, as: .json)
        case .html: try emit(HTMLReport.render(result), to: output)
        }
        if output != nil || format != .text { Terminal.err(ReviewReport.summaryLine(result)) }
        if result.hasErrors { throw ExitCode(1) }
    }
}

enum ExchangeFormatOption: String, ExpressibleByArgument, CaseIterable {
    case po, xliff, xliff2
    var format: ExchangeFormat {
        switch self {
        case .po: return .po
        case .xliff: return .xliff
        case .xliff2: return .xliff2
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a translation for translators: gettext PO, XLIFF 1.2 or XLIFF 2.0.",
        discussion: """
        Context = code/variant (or code/description, code/hint); placeholder names and types are notes \
        for the translator; ICU syntax is kept as written. A stale translation is marked fuzzy with the \
        old source (#| msgid, or <alt-trans alttranstype="previous-version">; in XLIFF 2.0, \
        subState="errcat:needs-review" and a note of category "previous-source").
        """
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: "po, xliff (1.2) or xliff2 (2.0).")
    var format: ExchangeFormatOption = .po

    @Option(name: .long, help: ArgumentHelp("The locale to export (default: the only translation).", valueName: "locale"))
    var locale: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file, atomically (default, or -: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let directory = try catalogOptions.directory
        let raw = try readRaw(directory)
        let translations = raw.translations.map(\.locale)
        let chosen: String
        if let locale {
            // `--locale de` exports de-DE.json when that is the German file (as negotiation serves it).
            chosen = raw.file(serving: locale).map(\.locale) ?? locale
        } else if translations.count == 1 {
            chosen = translations[0]
        } else {
            Terminal.error("the catalog has \(translations.count) translations (\(translations.joined(separator: ", "))): choose one with --locale")
            throw ExitCode(2)
        }
        let text: String
        do {
            text = try CatalogExchange.export(raw: raw, locale: chosen, format: format.format)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        try emit(text, to: output)
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a translated PO or XLIFF file into the catalog.",
        discussion: """
        The whole file is checked first (syntax, known codes and variants, placeholders, ICU syntax) and \
        the merged catalog must load; only then is the translation file replaced, atomically. On any \
        error nothing on disk changes and every problem is listed with its line.
        """
    )

    @Argument(help: ArgumentHelp("The .po or .xlf/.xliff file (XLIFF 1.2 or 2.0, told apart by its namespace).", valueName: "file"))
    var file: String

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Override the file's locale.", valueName: "locale"))
    var locale: String?

    func run() throws {
        let directory = try catalogOptions.writableDirectory(command: "import")
        do {
            let result = try CatalogExchange.importFile(at: file, catalogDirectory: directory, locale: locale)
            for warning in result.warnings { Terminal.warning(warning.description) }
            Terminal.out("imported \(Terminal.safe(file)) into \(result.file) (\(result.locale)): \(result.changed) text\(result.changed == 1 ? "" : "s") changed")
        } catch {
            for problem in error.problems { Terminal.err(problem.description) }
            Terminal.error("\(error.problems.filter(\.isError).count) error(s); the catalog on disk was not changed")
            throw ExitCode(1)
        }
    }
}

struct ImportDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-docs",
        abstract: "Turn a docs page's error table into a catalog pair: a bilingual page (sxs-lookup span pairs), or an English page and its translation side by side.",
        discussion: """
        errcat import-docs PAGE.md -o DIR reads a bilingual page (each translated <span data-ttu-id=…> followed by a \
        sxs-lookup span with its English source). errcat import-docs --source EN.md --translation XX.md -o DIR reads \
        an English page and a plain translation of it (no spans) and aligns their tables row by row by the code \
        column; a row present in one page only is reported with its file and line and left out. The table is \
        GitHub-flavoured Markdown in any layout (leading/trailing pipes or none, alignment colons, \\| inside a \
        cell); its first three columns are the code, the HTTP status and the message; placeholders are written \
        <…>, \\<…\\> or {…}, in English or translated. \
        Writes <dir>/en.json (the English source, with named typed placeholders for the prose ones) \
        and <dir>/<page locale>.json (the page's ms.contentlocale, or --locale). Each imported template keeps the page's own wording in its "note" \
        ("page text (line N): …", and "page code column (line N): …" when the code cell is not the bare \
        identifier), so `errcat review --catalog DIR` lists what the page got wrong (a translated code \
        column, placeholder prose left in English, mixed placeholder syntax) along with the template checks. \
        Prints what it noticed on the page too.
        """
    )

    @Argument(help: ArgumentHelp("A bilingual docs page (Markdown with span pairs).", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("The English docs page (with --translation).", valueName: "file"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Its translated page, without span pairs (with --source).", valueName: "file"))
    var translation: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The catalog directory to write.", valueName: "dir"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The catalog name.", valueName: "name"))
    var name: String = "imported"

    @Option(name: .long, help: ArgumentHelp("The translated page's locale (default: its front matter's ms.contentlocale).", valueName: "locale"))
    var locale: String?

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.error("cannot read \(Terminal.safe(path)): no such file, or not readable")
            throw ExitCode(2)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Terminal.error("\(Terminal.safe(path)) is not UTF-8 text; expected a Markdown docs page")
            throw ExitCode(2)
        }
        return text
    }

    func run() throws {
        let result: DocsImport.Result
        do {
            switch (file, source, translation) {
            case let (file?, nil, nil):
                result = try DocsImport.read(try Self.readText(file), fileName: (file as NSString).lastPathComponent, catalogName: name, locale: locale)
            case let (nil, source?, translation?):
                result = try DocsImport.readPair(source: try Self.readText(source), sourceName: (source as NSString).lastPathComponent,
                                                 translation: try Self.readText(translation), translationName: (translation as NSString).lastPathComponent,
                                                 catalogName: name, locale: locale)
            default:
                Terminal.error("give either one bilingual page (errcat import-docs PAGE.md -o DIR) or an English page and its translation "
                    + "(errcat import-docs --source EN.md --translation XX.md -o DIR)")
                throw ExitCode(2)
            }
        } catch let error as DocsImport.Failure {
            Terminal.error(Terminal.safe(error.description))
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Terminal.error("cannot create \(Terminal.safe(output)): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        for file in [result.source, result.translation] {
            do {
                try CatalogWriter.write(file, into: output)
            } catch {
                Terminal.error(Terminal.safe(error.description))
                throw ExitCode(2)
            }
        }
        for finding in result.findings {
            Terminal.err("\(finding.severity.rawValue)[\(finding.check)]: \(ReviewReport.sanitize(finding.message))\n --> \(ReviewReport.sanitize(finding.location))")
        }
        Terminal.out("wrote \(output)/\(result.source.fileName) and \(output)/\(result.translation.fileName): \(result.source.codes.count) codes, "
            + "\(result.source.codes.reduce(0) { $0 + $1.templates.count }) templates; \(result.findings.count) note\(result.findings.count == 1 ? "" : "s") on the page"
            + (result.notKept.isEmpty ? " (the page's wording is kept in the templates' notes: review re-checks it)"
                : "; \(result.notKept.count) of them on rows without a template, which review cannot see"))
    }
}

struct PseudoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudo",
        abstract: "Generate a pseudo-locale: accented, about 30% longer, bracketed, placeholders intact.",
        discussion: "Writes <catalog>/<locale>.json (default en-XA), or the file named by -o."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("The pseudo-locale id.", valueName: "locale"))
    var locale: String = "en-XA"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of into the catalog directory ('-': standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let directory = try output == nil ? catalogOptions.writableDirectory(command: "pseudo") : catalogOptions.directory
        let raw = try readRaw(directory)
        guard let source = raw.source else { throw ExitCode(2) }
        let file: DocumentFile
        do {
            file = try Pseudo.file(from: source, locale: locale)
        } catch {
            Terminal.error("a source pattern does not parse: \(error.description)")
            throw ExitCode(1)
        }
        // Check before writing: the catalog with the pseudo-locale loads and the reverse parser reads it back.
        var document = raw
        document.files.removeAll { LocaleTag.same($0.locale, file.locale) }
        document.files.append(file)
        let readBack: Pseudo.ReadBack
        do {
            readBack = try Pseudo.readBack(document: document, locale: locale)
        } catch {
            Terminal.error("the catalog with the pseudo-locale does not load:\n\(error.description)")
            throw ExitCode(1)
        }
        for failure in readBack.failures { Terminal.warning(Terminal.safe(failure)) }
        let destination = output ?? (directory as NSString).appendingPathComponent(file.fileName)
        try emit(CatalogWriter.text(of: file), to: destination)
        Terminal.err("\(destination == "-" ? "generated" : "wrote \(destination):") \(file.codes.count) codes; reverse parser read back \(readBack.checked - readBack.failures.count)/\(readBack.checked) templates"
            + (readBack.skipped.isEmpty ? "" : " (\(readBack.skipped.count) with plural/select not rendered here)"))
        if !readBack.failures.isEmpty { throw ExitCode(1) }
    }
}
