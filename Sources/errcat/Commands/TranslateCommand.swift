import ArgumentParser
import ErrorCatalog
import MessageFormatting
import MessageMatching
import MessageTranslation

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
        let filter = try catalog.localeFilter(from, option: "--from")
        let translator: MessageTranslator
        do {
            translator = try MessageTranslator(catalog: catalog)
        } catch {
            Terminal.error("cannot prepare the catalog for translation: \(error)")
            throw ExitCode(2)
        }
        let translation: MessageTranslator.Translation
        do {
            translation = try translator.translate(message, to: to, from: filter)
        } catch {
            Terminal.error(Terminal.safe(error.description))
            switch error {
            case .invalidLocale: throw ExitCode(2)
            default: throw ExitCode(1)
            }
        }
        if translation.result.ambiguous {
            let others = translation.result.alternatives.map { "\($0.code)/\($0.variant.id)" }.joined(separator: ", ")
            Terminal.warning("the message is ambiguous; translated as \(translation.match.code)/\(translation.match.variant.id) (also: \(others))")
        }
        Terminal.out(translation.text)
    }
}
