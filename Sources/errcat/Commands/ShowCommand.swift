import ArgumentParser
import ErrorCatalog

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything the catalog knows about one code: status, placeholders, every variant in every locale, meaning and hint."
    )

    @Argument(help: ArgumentHelp("The error code, e.g. ResourceNotFound.", valueName: "code"))
    var code: String

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Show only this locale (default: every locale).", valueName: "locale"))
    var locale: String?

    func run() throws {
        let catalog = try catalogOptions.load()
        let entry = try catalog.requireEntry(code)
        var locales = catalog.locales
        if let locale {
            do {
                locales = [try catalog.negotiateLocale(locale).catalogLocale]
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
        var out: [String] = [Terminal.styled(entry.code, .bold) + "  HTTP \(entry.status)"]
        if !entry.placeholders.isEmpty {
            out.append("")
            out.append(Terminal.styled("Placeholders", .bold))
            let width = entry.placeholders.map(\.name.count).max() ?? 0
            for placeholder in entry.placeholders {
                var line = "  " + placeholder.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + placeholder.type.rawValue
                if placeholder.rejected { line += " (the rejected value: any text)" }
                if let description = placeholder.description { line += " — " + description }
                out.append(line)
            }
        }
        for locale in locales {
            guard let texts = entry.localized[locale] else { continue }
            out.append("")
            out.append(Terminal.styled("[\(locale)]", .bold))
            if texts.templates.isEmpty && texts.observed.isEmpty {
                out.append("  (no server text is documented or observed)")
            }
            let idWidth = (texts.templates + texts.observed).map(\.id.count).max() ?? 0
            for (index, template) in texts.templates.enumerated() {
                out.append("  \(index) " + template.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0) + Terminal.styled(template.pattern, .cyan))
                if let origin = template.origin { out.append("    " + String(repeating: " ", count: idWidth + 2) + Terminal.styled(origin, .dim)) }
            }
            for template in texts.observed {
                out.append("  ~ " + template.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0) + template.pattern + Terminal.styled("  (recognised, never produced)", .dim))
            }
            if let description = texts.description { out.append("  meaning: " + description) }
            if let hint = texts.hint { out.append("  hint:    " + hint) }
        }
        Terminal.out(out.joined(separator: "\n"))
    }
}
