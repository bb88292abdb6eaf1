import ArgumentParser
import ErrorCatalog
import MessageFormatting
import MessageMatching

struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Parse a message in one locale and render it in another with the same values.",
        discussion: "Example: errcat translate \"Maximum batch size exceeded. Received: 1200, allowed: 1000.\" --to de"
    )

    @Argument(help: ArgumentHelp("The message to translate.", valueName: "message"))
    var message: String

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("The target locale tag or Accept-Language header.", valueName: "locale"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The message's locale: auto, or a catalog locale.", valueName: "auto|locale"))
    var from: String = "auto"

    func run() throws {
        let catalog = try catalogOptions.load()
        let target: NegotiatedLocale
        do {
            target = try catalog.negotiateLocale(to)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        var filter = LocaleFilter.auto
        if from != "auto" {
            guard let locale = catalog.locales.first(where: { $0.lowercased() == LocaleTag.language(from) }) else {
                Terminal.error("--from '\(Terminal.safe(from))' is not a locale of the catalog; use auto or one of: \(catalog.locales.joined(separator: ", "))")
                throw ExitCode(2)
            }
            filter = .only(locale)
        }
        let matcher = try Matchers.make(catalog)
        let result = matcher.match(message, locale: filter)
        guard let best = result.best else {
            Terminal.error("the message matches no template, so it cannot be translated")
            if let nearest = result.nearest {
                Terminal.err("  = nearest: \(nearest.code) (\(nearest.locale), \(nearest.variant.id)) \"\(Terminal.safe(nearest.pattern))\"; the message leaves it at column \(nearest.scalarOffset + 1), expected \(Terminal.safe(nearest.expected))")
            }
            throw ExitCode(1)
        }
        let formatter: CatalogFormatter
        do {
            formatter = try CatalogFormatter(catalog: catalog)
        } catch {
            Terminal.error("cannot prepare the formatter: \(error)")
            throw ExitCode(2)
        }
        guard let text = Translation.render(best, formatter: formatter, catalog: catalog, locale: target) else {
            Terminal.error("\(best.code) has no template in \(target.catalogLocale)")
            throw ExitCode(1)
        }
        if result.ambiguous {
            Terminal.warning("the message is ambiguous; translated as \(best.code)/\(best.variant.id) (also: \(result.alternatives.map { "\($0.code)/\($0.variant.id)" }.joined(separator: ", ")))")
        }
        Terminal.out(text)
    }
}
