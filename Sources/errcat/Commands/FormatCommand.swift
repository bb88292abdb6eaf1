import ArgumentParser
import ErrorCatalog
import Foundation
import MessageFormatting

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Render a code's message with typed values in a locale.",
        discussion: """
        Values are name=value pairs; `errcat list` shows each code's placeholders and types.
        Examples:
          errcat format MaximumBatchSizeExceeded --locale de received=1200 allowed=1000
          errcat format InvalidHashValue hash=xyz --envelope
        """
    )

    @Argument(help: ArgumentHelp("The error code, e.g. InvalidHashValue.", valueName: "code"))
    var code: String

    @Argument(help: ArgumentHelp("Placeholder values as name=value.", valueName: "name=value"))
    var values: [String] = []

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var localeOption: LocaleOption

    @Option(name: .long, help: ArgumentHelp("The template variant: its number (0 = documented wording) or its id.", valueName: "n|id"))
    var variant: String = "0"

    @Flag(name: .long, help: "Print a whole JSON error body as a server sends it, with a new tracking ID.")
    var envelope = false

    func run() throws {
        let catalog = try catalogOptions.load()
        let negotiated = try localeOption.negotiate(catalog)
        let entry = try catalog.requireEntry(code)
        let parsed = try parseValues(entry)
        let variantIndex = try resolveVariant(entry, locale: negotiated.catalogLocale)
        let formatter = try makeFormatter(catalog)
        let message: String
        do {
            message = try formatter.format(code: code, values: parsed, locale: negotiated.formattingLocale, variant: variantIndex)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        if envelope {
            let body: JSONValue = ["error": ["code": .string(code), "message": .string(message), "target": .string(UUID().uuidString.lowercased())]]
            Terminal.outJSON(JSONWriter.string(body, layout: .pretty))
        } else {
            Terminal.out(message)
        }
    }

    private func makeFormatter(_ catalog: Catalog) throws -> CatalogFormatter {
        do {
            return try CatalogFormatter(catalog: catalog)
        } catch {
            Terminal.error("cannot prepare the formatter: \(error)")
            throw ExitCode(2)
        }
    }

    private func parseValues(_ entry: CodeEntry) throws -> [String: Value] {
        var result: [String: Value] = [:]
        var problems: [String] = []
        for argument in values {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                problems.append("'\(Terminal.safe(argument))' is not name=value; \(entry.code) takes " + describe(entry.placeholders))
                continue
            }
            let name = String(argument[..<equals])
            let text = String(argument[argument.index(after: equals)...])
            guard let placeholder = entry.placeholder(named: name) else {
                problems.append("\(entry.code) has no placeholder '\(Terminal.safe(name))'; it takes " + describe(entry.placeholders))
                continue
            }
            if result[name] != nil {
                problems.append("'\(name)' is given twice")
                continue
            }
            switch placeholder.parse(text) {
            case .success(let value): result[name] = value
            case .failure(let problem): problems.append("\(name)=\(Terminal.safe(text)): \(Terminal.safe(problem.description))")
            }
        }
        if !problems.isEmpty {
            for problem in problems { Terminal.error(problem) }
            throw ExitCode(2)
        }
        return result
    }

    private func describe(_ placeholders: [Placeholder]) -> String {
        placeholders.isEmpty ? "no values" : placeholders.map { "\($0.name)=<\($0.type)>" }.joined(separator: " ")
    }

    private func resolveVariant(_ entry: CodeEntry, locale: String) throws -> Int {
        let templates = entry.localized[locale]?.templates ?? []
        if let index = Int(variant), index >= 0, index < templates.count { return index }
        if let index = templates.firstIndex(where: { $0.id == variant }) { return index }
        if templates.isEmpty {
            let description = entry.localized[locale]?.description.map { " Its description: \($0)" } ?? ""
            Terminal.error("\(entry.code) has no message template: servers send no documented text for it.\(description)")
            throw ExitCode(2)
        }
        let list = templates.enumerated().map { "\($0.offset) (\($0.element.id))" }.joined(separator: ", ")
        Terminal.error("\(entry.code) has no variant '\(Terminal.safe(variant))'; its variants are \(list)")
        throw ExitCode(2)
    }
}
