// Formats catalog codes: code + typed values + requested locale → the localized message.
import ErrorCatalog
import MessageSyntax
import Synchronization

/// Why a code could not be formatted. Each case renders as a one-screen message that says what to
/// do (`description`).
public enum FormatError: Error, Sendable, CustomStringConvertible {
    /// The catalog has no such code; `suggestions` are close codes, best first.
    case unknownCode(String, suggestions: [String])
    /// The code has no template with this index or id; `available` lists the template ids.
    case unknownVariant(code: String, requested: String, available: [String])
    /// The template needs a value that was not given.
    case missingValue(code: String, name: String, type: PlaceholderType)
    /// Values were given for names the code does not declare.
    case extraValues(code: String, names: [String], accepted: [String])
    /// A value does not fit its placeholder's type.
    case invalidValue(code: String, name: String, problem: ValueProblem)
    /// The code has no server message to render (only a description).
    case noTemplate(code: String, locale: String, description: String?)
    /// The locale request is neither a tag nor an Accept-Language header.
    case invalidLocale(LocaleRequestError)
    /// ICU failed (compiling a pattern or formatting a date …).
    case icu(ICUError)

    public var description: String {
        switch self {
        case .unknownCode(let code, let suggestions):
            var text = "Unknown error code '\(code)'."
            if let best = suggestions.first {
                text += " Did you mean \(best)?"
                if suggestions.count > 1 {
                    text += " (also close: \(suggestions.dropFirst().joined(separator: ", ")))"
                }
            }
            return text + " Codes are case-sensitive, as servers send them."
        case .unknownVariant(let code, let requested, let available):
            if available.isEmpty { return "\(code) has no variant \(requested): it has no templates at all." }
            let list = available.enumerated().map { "\($0.offset) = \($0.element)" }.joined(separator: ", ")
            return "\(code) has no variant \(requested). Its variants are: \(list)."
        case .missingValue(let code, let name, let type):
            return "\(code) needs a value for '\(name)' (type \(type): \(type.accepts))."
        case .extraValues(let code, let names, let accepted):
            let given = names.map { "'\($0)'" }.joined(separator: ", ")
            let plural = names.count == 1 ? "is" : "are"
            if accepted.isEmpty { return "\(code) takes no values, but \(given) \(plural) given." }
            return "\(code) does not take \(given); it accepts: \(accepted.joined(separator: ", "))."
        case .invalidValue(let code, let name, let problem):
            return "The value for '\(name)' of \(code) is not valid: \(problem.reason) ('\(problem.text)'). "
                + "A \(problem.type) is \(problem.type.accepts)."
        case .noTemplate(let code, let locale, let description):
            var text = "\(code) has no message template in \(locale): servers send no fixed text for it."
            if let description { text += "\nWhat it means: \(description)" }
            return text
        case .invalidLocale(let error):
            return error.description
        case .icu(let error):
            return error.description
        }
    }
}

/// Renders catalog codes in any locale. Every template of every locale is compiled up front; the
/// formatter is immutable apart from a lock-protected cache for regional formatting locales
/// (`de-AT` uses the German texts with Austrian number conventions), so one instance may be shared
/// by any number of tasks.
public final class CatalogFormatter: Sendable {
    public let catalog: Catalog
    /// code → everything needed to format it, compiled up front.
    private let tables: [String: CodeTable]
    /// formatting locale → code → compiled templates, for locales that are not catalog locales
    /// (filled on first use).
    private let regional = Mutex<[String: [String: [CompiledMessage]]]>([:])
    /// Negotiation results of requests that are not exactly a catalog locale (bounded).
    private let negotiated = Mutex<[String: NegotiatedLocale]>([:])

    final class CodeTable: Sendable {
        let entry: CodeEntry
        let placeholderNames: [String]
        /// catalog locale → compiled templates in variant order.
        let messages: [String: [CompiledMessage]]
        init(entry: CodeEntry, messages: [String: [CompiledMessage]]) {
            self.entry = entry
            placeholderNames = entry.placeholders.map(\.name)
            self.messages = messages
        }
    }

    public init(catalog: Catalog) throws(FormatError) {
        self.catalog = catalog
        var tables: [String: CodeTable] = [:]
        for entry in catalog.codes {
            var perLocale: [String: [CompiledMessage]] = [:]
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                perLocale[locale] = try Self.compile(localized.templates, locale: locale)
            }
            tables[entry.code] = CodeTable(entry: entry, messages: perLocale)
        }
        self.tables = tables
    }

    private static func compile(_ templates: [Template], locale: String) throws(FormatError) -> [CompiledMessage] {
        var result: [CompiledMessage] = []
        for template in templates {
            do {
                result.append(try CompiledMessage(pattern: template.pattern, message: template.message, locale: locale))
            } catch {
                throw .icu(error)
            }
        }
        return result
    }

    /// The compiled templates of `code` in a catalog locale (for tools and benchmarks).
    public func compiledTemplates(code: String, locale: String) -> [CompiledMessage] {
        tables[code]?.messages[locale] ?? []
    }

    /// Formats `code` with `values` in the best catalog locale for `locale` (a BCP 47 tag or an
    /// Accept-Language header), using template number `variant` (0 = the documented wording).
    public func format(code: String, values: [String: Value], locale: String, variant: Int = 0) throws(FormatError) -> String {
        let (table, catalogLocale, messages) = try resolve(code: code, locale: locale)
        guard messages.indices.contains(variant) else {
            throw .unknownVariant(code: code, requested: String(variant), available: templateIDs(table, catalogLocale))
        }
        return try render(table, messages[variant], values)
    }

    /// Formats with the template whose id is `variantID` (`docs`, `example` …).
    public func format(code: String, values: [String: Value], locale: String, variantID: String) throws(FormatError) -> String {
        let (table, catalogLocale, messages) = try resolve(code: code, locale: locale)
        let ids = templateIDs(table, catalogLocale)
        guard let variant = ids.firstIndex(of: variantID) else {
            throw .unknownVariant(code: code, requested: "'\(variantID)'", available: ids)
        }
        return try render(table, messages[variant], values)
    }

    private func templateIDs(_ table: CodeTable, _ catalogLocale: String) -> [String] {
        table.entry.localized[catalogLocale]?.templates.map(\.id) ?? []
    }

    /// The code's table, the catalog locale whose texts are used, and the compiled templates for
    /// the formatting locale.
    private func resolve(code: String, locale: String) throws(FormatError) -> (CodeTable, String, [CompiledMessage]) {
        guard let table = tables[code] else {
            throw .unknownCode(code, suggestions: catalog.suggestions(for: code))
        }
        // The common case: the request names a catalog locale exactly.
        if let messages = table.messages[locale], !messages.isEmpty { return (table, locale, messages) }
        let negotiation = try negotiate(locale)
        var catalogLocale = negotiation.catalogLocale
        var formattingLocale = negotiation.formattingLocale
        if table.entry.localized[catalogLocale] == nil {
            // A translation without this code: fall back to the source texts.
            catalogLocale = catalog.sourceLocale
            formattingLocale = catalogLocale
        }
        guard let localized = table.entry.localized[catalogLocale], !localized.templates.isEmpty else {
            let description = table.entry.localized[catalogLocale]?.description
                ?? table.entry.localized[catalog.sourceLocale]?.description
            throw .noTemplate(code: code, locale: catalogLocale, description: description)
        }
        if formattingLocale == catalogLocale || !Self.isUsable(formattingLocale) {
            return (table, catalogLocale, table.messages[catalogLocale] ?? [])
        }
        return (table, catalogLocale, try regionalMessages(table, catalogLocale, formattingLocale))
    }

    private func negotiate(_ request: String) throws(FormatError) -> NegotiatedLocale {
        if let known = negotiated.withLock({ $0[request] }) { return known }
        let result: NegotiatedLocale
        do { result = try catalog.negotiateLocale(request) } catch { throw .invalidLocale(error) }
        negotiated.withLock { cache in
            if cache.count >= 1024 { cache.removeAll() }
            cache[request] = result
        }
        return result
    }

    /// Tags ICU would choke on are not worth a compile.
    private static func isUsable(_ locale: String) -> Bool {
        !locale.isEmpty && locale.unicodeScalars.allSatisfy {
            $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    private func regionalMessages(_ table: CodeTable, _ catalogLocale: String,
                                  _ formattingLocale: String) throws(FormatError) -> [CompiledMessage] {
        let code = table.entry.code
        if let list = regional.withLock({ $0[formattingLocale]?[code] }) { return list }
        let list = try Self.compile(table.entry.localized[catalogLocale]?.templates ?? [], locale: formattingLocale)
        regional.withLock { $0[formattingLocale, default: [:]][code] = list }
        return list
    }

    private func render(_ table: CodeTable, _ message: CompiledMessage,
                        _ values: [String: Value]) throws(FormatError) -> String {
        // Names the code does not declare at all are an error; values for placeholders that this
        // variant does not use are fine (variants of one code use different subsets).
        if values.keys.contains(where: { !table.placeholderNames.contains($0) }) {
            let extra = values.keys.filter { !table.placeholderNames.contains($0) }.sorted()
            throw .extraValues(code: table.entry.code, names: extra, accepted: table.placeholderNames)
        }
        var slots: [Value?] = []
        slots.reserveCapacity(message.slotNames.count)
        for name in message.slotNames {
            guard let index = table.placeholderNames.firstIndex(of: name) else {
                // The loader rejects templates with undeclared names; ICU prints {name}.
                slots.append(values[name])
                continue
            }
            let placeholder = table.entry.placeholders[index]
            guard let value = values[name] else {
                throw .missingValue(code: table.entry.code, name: name, type: placeholder.type)
            }
            if let problem = placeholder.validate(value) {
                throw .invalidValue(code: table.entry.code, name: name, problem: problem)
            }
            slots.append(value)
        }
        do { return try message.render(slots: slots) } catch { throw .icu(error) }
    }
}
