import ArgumentParser
import DefenderCatalog
import ErrorCatalog
import Foundation
import MessageMatching

/// `--catalog DIR` (or `$ERRCAT_CATALOG`), shared by every command; the bundled Defender catalog by default.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalog directory of your own (default: the bundled Defender catalog).", valueName: "dir"))
    var catalog: String?

    /// The catalog directory the user named: `--catalog DIR`, else `$ERRCAT_CATALOG`.
    var namedDirectory: String? {
        if let catalog { return catalog }
        if let fromEnvironment = ProcessInfo.processInfo.environment["ERRCAT_CATALOG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    /// The catalog to read: the one the user named, else the bundled Defender catalog (the
    /// `DefenderCatalog` resource bundle next to this executable).
    var directory: String {
        get throws {
            if let namedDirectory { return namedDirectory }
            do {
                return try Catalog.defenderDirectory()
            } catch {
                Terminal.error(error.description)
                Terminal.err("  = help: pass --catalog DIR or set ERRCAT_CATALOG to a catalog directory (such as Catalogs/defender in a clone)")
                throw ExitCode(2)
            }
        }
    }

    /// The catalog directory a command may write into: only one the user named. The bundled
    /// catalog is a read-only resource (in a build, a copy that the next build overwrites).
    func writableDirectory(command: String) throws -> String {
        let bundled = (try? Catalog.defenderDirectory()).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        guard let named = namedDirectory else {
            Terminal.error("\(command) writes into a catalog directory, and none was named; the bundled catalog\(bundled.map { " (\($0))" } ?? "") is read-only")
            Terminal.err("  = help: pass --catalog DIR or set ERRCAT_CATALOG to a catalog directory of your own (copy it first: cp -r \(bundled ?? "Catalogs/defender") mycatalog)")
            throw ExitCode(2)
        }
        if let bundled, URL(fileURLWithPath: named).resolvingSymlinksInPath().path == bundled {
            Terminal.error("\(command): \(named) is the bundled catalog resource, which is read-only")
            Terminal.err("  = help: copy it and name the copy: cp -r \(bundled) mycatalog && errcat \(command) … --catalog mycatalog")
            throw ExitCode(2)
        }
        return named
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
        // The locale itself, else its parent (`de-AT` → `de`), else a member of its family (`de` → `de-DE`).
        guard let requested, let match = locales.first(where: { LocaleTag($0) == requested })
                ?? locales.first(where: { locale in LocaleTag(locale).map { $0.identifier == requested.language } ?? false })
                ?? locales.first(where: { locale in LocaleTag(locale).map { $0.isSameFamily(as: requested) } ?? false }) else {
            Terminal.error("\(option) '\(Terminal.safe(text))' is not a locale of the catalog; use auto or one of: \(locales.joined(separator: ", "))")
            throw ExitCode(2)
        }
        return .only(match)
    }
}
