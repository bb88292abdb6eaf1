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
    /// code → catalog locale → compiled templates in variant order.
    private let compiled: [String: [String: [CompiledMessage]]]
    /// formatting locale → code → compiled templates, for locales that are not catalog locales.
    private let regional = Mutex<[String: [String: [CompiledMessage]]]>([:])

    public init(catalog: Catalog) throws(FormatError) {
        self.catalog = catalog
        var compiled: [String: [String: [CompiledMessage]]] = [:]
        for entry in catalog.codes {
            var perLocale: [String: [CompiledMessage]] = [:]
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                perLocale[locale] = try Self.compile(localized.templates, locale: locale)
            }
            compiled[entry.code] = perLocale
        }
        self.compiled = compiled
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
        compiled[code]?[locale] ?? []
    }

    /// Formats `code` with `values` in the best catalog locale for `locale` (a BCP 47 tag or an
    /// Accept-Language header), using template number `variant` (0 = the documented wording).
    public func format(code: String, values: [String: Value], locale: String, variant: Int = 0) throws(FormatError) -> String {
        let (entry, localized, formattingLocale) = try resolve(code: code, locale: locale)
        guard localized.templates.indices.contains(variant) else {
            throw .unknownVariant(code: code, requested: String(variant), available: localized.templates.map(\.id))
        }
        return try render(entry, localized, variant, values, formattingLocale)
    }

    /// Formats with the template whose id is `variantID` (`docs`, `example` …).
    public func format(code: String, values: [String: Value], locale: String, variantID: String) throws(FormatError) -> String {
        let (entry, localized, formattingLocale) = try resolve(code: code, locale: locale)
        guard let variant = localized.templates.firstIndex(where: { $0.id == variantID }) else {
            throw .unknownVariant(code: code, requested: "'\(variantID)'", available: localized.templates.map(\.id))
        }
        return try render(entry, localized, variant, values, formattingLocale)
    }

    private func resolve(code: String, locale: String) throws(FormatError) -> (CodeEntry, LocalizedEntry, String) {
        guard let entry = catalog.entry(code) else {
            throw .unknownCode(code, suggestions: catalog.suggestions(for: code))
        }
        let negotiated: NegotiatedLocale
        do { negotiated = try catalog.negotiateLocale(locale) } catch { throw .invalidLocale(error) }
        var catalogLocale = negotiated.catalogLocale
        var formattingLocale = negotiated.formattingLocale
        if entry.localized[catalogLocale] == nil {
            // A translation without this code: fall back to the source texts.
            catalogLocale = catalog.sourceLocale
            formattingLocale = catalogLocale
        }
        guard let localized = entry.localized[catalogLocale] else {
            throw .noTemplate(code: code, locale: catalogLocale, description: nil)
        }
        if localized.templates.isEmpty {
            throw .noTemplate(code: code, locale: catalogLocale,
                              description: localized.description ?? entry.localized[catalog.sourceLocale]?.description)
        }
        if formattingLocale == catalogLocale || !Self.isUsable(formattingLocale) { formattingLocale = catalogLocale }
        return (entry, localized, formattingLocale)
    }

    /// Tags ICU would choke on are not worth a compile.
    private static func isUsable(_ locale: String) -> Bool {
        !locale.isEmpty && locale.unicodeScalars.allSatisfy {
            $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    private func render(_ entry: CodeEntry, _ localized: LocalizedEntry, _ variant: Int,
                        _ values: [String: Value], _ formattingLocale: String) throws(FormatError) -> String {
        let template = localized.templates[variant]
        // Names the code does not declare at all are an error; values for placeholders that this
        // variant does not use are fine (variants of one code use different subsets).
        let extra = values.keys.filter { entry.placeholder(named: $0) == nil }.sorted()
        if !extra.isEmpty {
            throw .extraValues(code: entry.code, names: extra, accepted: entry.placeholders.map(\.name))
        }
        for name in template.argumentNames {
            guard let placeholder = entry.placeholder(named: name) else { continue }
            guard let value = values[name] else {
                throw .missingValue(code: entry.code, name: name, type: placeholder.type)
            }
            if let problem = placeholder.validate(value) {
                throw .invalidValue(code: entry.code, name: name, problem: problem)
            }
        }
        let message = try compiledMessage(entry.code, localized.locale, variant, formattingLocale)
        do { return try message.render(values) } catch { throw .icu(error) }
    }

    private func compiledMessage(_ code: String, _ catalogLocale: String, _ variant: Int,
                                 _ formattingLocale: String) throws(FormatError) -> CompiledMessage {
        if formattingLocale == catalogLocale, let list = compiled[code]?[catalogLocale] {
            return list[variant]
        }
        if let list = regional.withLock({ $0[formattingLocale]?[code] }) { return list[variant] }
        guard let templates = catalog.entry(code)?.localized[catalogLocale]?.templates else {
            throw .noTemplate(code: code, locale: catalogLocale, description: nil)
        }
        let list = try Self.compile(templates, locale: formattingLocale)
        regional.withLock { $0[formattingLocale, default: [:]][code] = list }
        return list[variant]
    }
}
