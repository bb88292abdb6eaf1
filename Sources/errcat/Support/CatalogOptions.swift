import ArgumentParser
import ErrorCatalog
import Foundation
import MessageMatching

/// `--catalog DIR`, shared by every command; the bundled Defender catalog by default.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalog directory of your own (default: the bundled Defender catalog).", valueName: "dir"))
    var catalog: String?

    /// Where the bundled catalog is: `$ERRCAT_CATALOG`, next to the executable's package checkout,
    /// or the source tree this binary was built from.
    static func bundledDirectory() -> String? {
        let fileManager = FileManager.default
        if let fromEnvironment = ProcessInfo.processInfo.environment["ERRCAT_CATALOG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        var candidates: [URL] = []
        // The source tree: Sources/errcat/Support/CatalogOptions.swift → ../../../Catalogs/defender
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Catalogs/defender"))
        // Walk up from the executable (.build/debug/errcat → the package root).
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Catalogs/defender"))
            candidates.append(directory.appendingPathComponent("share/errcat/defender"))
            directory = directory.deletingLastPathComponent()
        }
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("en.json").path) }?.path
    }

    var directory: String {
        get throws {
            if let catalog { return catalog }
            guard let bundled = Self.bundledDirectory() else {
                Terminal.error("the bundled catalog was not found next to this executable")
                Terminal.err("  = help: pass --catalog DIR or set ERRCAT_CATALOG to the Catalogs/defender directory")
                throw ExitCode(2)
            }
            return bundled
        }
    }

    /// Loads the catalog or prints every problem (one screen each) and exits with status 2.
    func load() throws -> Catalog {
        let directory = try self.directory
        do {
            return try Catalog.load(directory: directory)
        } catch {
            for problem in error.problems {
                Terminal.err(CLIReport.render(problem))
                Terminal.err("")
            }
            let count = error.errors.count
            Terminal.error("the catalog \(directory) has \(count) error\(count == 1 ? "" : "s"); run `errcat check --catalog \(directory)` after fixing them")
            throw ExitCode(2)
        }
    }
}

/// Renders catalog problems with colour where allowed.
enum CLIReport {
    static func render(_ problem: CatalogProblem, toStderr: Bool = true) -> String {
        let text = problem.description
        let label = problem.severity == .error ? "error:" : "warning:"
        guard text.hasPrefix(label) else { return text }
        let style: Terminal.Style = problem.severity == .error ? .red : .yellow
        return Terminal.styled(label, style, stderr: toStderr) + text.dropFirst(label.count)
    }
}

/// `--locale` values: a BCP 47 tag or an Accept-Language header.
struct LocaleOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A locale tag (en, de, de-AT) or an Accept-Language header (\"de-CH, en;q=0.5\").", valueName: "locale"))
    var locale: String = "en"

    func negotiate(_ catalog: Catalog) throws -> NegotiatedLocale {
        do {
            return try catalog.negotiateLocale(locale)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}

extension Catalog {
    /// The entry for `code`, or a one-screen "unknown code … did you mean …?" and exit 2.
    func requireEntry(_ code: String) throws -> CodeEntry {
        if let entry = entry(code) { return entry }
        let suggestions = suggestions(for: code)
        Terminal.error("unknown code '\(Terminal.safe(code))'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"))
        Terminal.err("  = help: `errcat list` shows the \(codes.count) codes of the catalog")
        throw ExitCode(2)
    }
}

extension Catalog {
    /// `auto`, or a catalog locale given as a tag (`de`, `de-AT` → `de`), for the matcher; anything
    /// else is a one-screen error naming the option.
    func localeFilter(_ text: String, option: String) throws -> LocaleFilter {
        if text == "auto" { return .auto }
        let requested = LocaleTag(text)
        guard let requested, let match = locales.first(where: { locale in
            LocaleTag(locale).map { $0 == requested || $0.identifier == requested.language } ?? false
        }) else {
            Terminal.error("\(option) '\(Terminal.safe(text))' is not a locale of the catalog; use auto or one of: \(locales.joined(separator: ", "))")
            throw ExitCode(2)
        }
        return .only(match)
    }
}
