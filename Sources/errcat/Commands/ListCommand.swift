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
            Terminal.outJSON(try JSONOutput.string(catalogJSON(catalog, locale: locale)))
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

    private func catalogJSON(_ catalog: Catalog, locale: String) -> [String: Any] {
        let codes: [[String: Any]] = catalog.codes.map { entry in
            let texts = entry.localized[locale] ?? entry.localized[catalog.sourceLocale]
            var object: [String: Any] = [
                "code": entry.code,
                "status": entry.status,
                "placeholders": entry.placeholders.map { placeholder -> [String: Any] in
                    var p: [String: Any] = ["name": placeholder.name, "type": placeholder.type.rawValue, "rejected": placeholder.rejected]
                    if let description = placeholder.description { p["description"] = description }
                    return p
                },
                "templates": (texts?.templates ?? []).enumerated().map { index, template -> [String: Any] in
                    ["variant": index, "id": template.id, "pattern": template.pattern]
                },
            ]
            if let description = texts?.description { object["description"] = description }
            if let hint = texts?.hint { object["hint"] = hint }
            return object
        }
        return ["catalog": catalog.name, "locale": locale, "codes": codes]
    }
}

