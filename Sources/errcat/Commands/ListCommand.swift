import ArgumentParser
import ErrorCatalog
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every code with its HTTP status, placeholders and template."
    )

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var localeOption: LocaleOption
    @Flag(name: .long, help: "Print JSON: every code with status, placeholders, templates, description and hint.")
    var json = false

    func run() throws {
        let catalog = try catalogOptions.load()
        let locale = try localeOption.negotiate(catalog).catalogLocale
        if json {
            Terminal.outJSON(JSONWriter.string(catalogJSON(catalog, locale: locale), layout: .pretty))
            return
        }
        let codeWidth = max(4, catalog.codes.map(\.code.count).max() ?? 0)
        Terminal.out(Terminal.styled(pad("CODE", codeWidth) + "  STATUS  TEMPLATE (\(locale))", .bold))
        for entry in catalog.codes {
            let texts = entry.localized[locale] ?? entry.localized[catalog.sourceLocale]
            let first = texts?.templates.first
            let template = first.map(\.pattern) ?? Terminal.styled("(no server text; see description)", .dim)
            let more = (texts?.templates.count ?? 0) > 1 ? Terminal.styled("  +\(texts!.templates.count - 1) variant\(texts!.templates.count == 2 ? "" : "s")", .dim) : ""
            Terminal.out("\(pad(entry.code, codeWidth))  \(entry.status)     \(template)\(more)")
            if !entry.placeholders.isEmpty {
                let list = entry.placeholders.map { "\($0.name): \($0.type)\($0.rejected ? " (rejected value, any text)" : "")" }
                Terminal.out(String(repeating: " ", count: codeWidth + 10) + Terminal.styled(list.joined(separator: ", "), .cyan))
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func catalogJSON(_ catalog: Catalog, locale: String) -> JSONValue {
        let codes: [JSONValue] = catalog.codes.map { entry in
            let texts = entry.localized[locale] ?? entry.localized[catalog.sourceLocale]
            var object: JSONValue = [
                "code": .string(entry.code),
                "status": .integer(entry.status),
                "placeholders": .array(entry.placeholders.map { placeholder in
                    var p: JSONValue = ["name": .string(placeholder.name), "type": .string(placeholder.type.rawValue), "rejected": .bool(placeholder.rejected)]
                    if let description = placeholder.description { p["description"] = .string(description) }
                    return p
                }),
                "templates": .array((texts?.templates ?? []).enumerated().map { index, template in
                    ["variant": .integer(index), "id": .string(template.id), "pattern": .string(template.pattern)]
                }),
            ]
            if let description = texts?.description { object["description"] = .string(description) }
            if let hint = texts?.hint { object["hint"] = .string(hint) }
            return object
        }
        return ["catalog": .string(catalog.name), "locale": .string(locale), "codes": .array(codes)]
    }
}

