import ArgumentParser
import Foundation

@main
struct Errcat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errcat",
        abstract: "The Microsoft Defender REST API error catalog: list, format, explain and parse error messages in English and German.",
        discussion: """
        Uses the bundled Defender catalog unless --catalog DIR names another. Output that came from a \
        server is printed with control characters made visible. Colour only on a terminal, never with NO_COLOR.
        """,
        version: "0.1.0",
        subcommands: [
            ListCommand.self, ShowCommand.self, FormatCommand.self, ParseCommand.self, ExplainCommand.self, TranslateCommand.self, CheckCommand.self,
            ReviewCommand.self, ExportCommand.self, ImportCommand.self, ImportDocsCommand.self, PseudoCommand.self,
            GenerateSwiftCommand.self,
        ]
    )

    /// ArgumentParser's own messages (an unknown option, a bad value) quote what the user typed:
    /// they go through the terminal sanitiser like every other line (`Terminal.out`/`err`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Terminal.out(message) } else { Terminal.err(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
