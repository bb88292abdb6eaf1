import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching

/// A typed error generated from a catalog by `swift package generate-error-types` (or
/// `errcat generate-swift`): one case per code, and per template variant where variants have
/// different placeholders, with typed associated values. `DefenderError` is one.
///
/// The generated type supplies the mapping between its cases and the catalog (``code``,
/// ``variantID``, ``status``, ``values``, ``init(code:variantID:values:)``); this protocol adds the
/// rest: text in any catalog locale through `CatalogFormatter`, the catalog's hint as recovery
/// suggestion, the HTTP status as `errorCode`, and reading a received message or error body back
/// into a case through `MessageMatcher`.
public protocol CatalogError: LocalizedError, CustomNSError, Sendable {
    /// Where the type's catalog comes from; formatter and matcher are built from it once.
    static var catalogSupport: CatalogSupport { get }
    /// The catalog code (`MaximumBatchSizeExceeded`).
    var code: String { get }
    /// The HTTP status the catalog gives the code.
    var status: Int { get }
    /// The template variant this case renders (`docs`, `app-roles` …); `nil` when the code has no template.
    var variantID: String? { get }
    /// The case's associated values as catalog values, by placeholder name.
    var values: [String: Value] { get }
    /// The case for a code, one of its template variant ids (any locale, observed wordings too) and
    /// values as the matcher returns them; `nil` when the code or variant is not the type's, or a
    /// value does not have the placeholder's type.
    init?(code: String, variantID: String, values: [String: Value])
}

/// Loads a generated type's catalog once, and builds its formatter and matcher once.
public final class CatalogSupport: Sendable {
    public struct Loaded: Sendable {
        public let catalog: Catalog
        public let formatter: CatalogFormatter
        public let matcher: MessageMatcher
    }

    private let load: @Sendable () throws -> Catalog
    private let state = Locked<Result<Loaded, any Error>?>(nil)

    /// `load` is called at most once, on first use.
    public init(_ load: @escaping @Sendable () throws -> Catalog) {
        self.load = load
    }

    /// The catalog, formatter and matcher; rethrows the first load's error on every call.
    public func loaded() throws -> Loaded {
        try state.withLock { state in
            if let state { return state }
            let result = Result<Loaded, any Error> {
                let catalog = try load()
                return Loaded(catalog: catalog, formatter: try CatalogFormatter(catalog: catalog),
                              matcher: try MessageMatcher(catalog: catalog))
            }
            state = result
            return result
        }.get()
    }
}

/// The locale a generated error speaks when none is given: `LC_ALL`, `LC_MESSAGES` or `LANG`
/// (`de_DE.UTF-8` → `de-DE`), else `en`; negotiated against the catalog (unknown → source locale).
public enum CatalogErrorLocale {
    public static var current: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let tag = value.split(separator: ".").first.map(String.init) ?? value
            if tag == "C" || tag == "POSIX" { return "en" }
            if LocaleTag.isWellFormed(tag) { return LocaleTag.canonical(tag) }
        }
        return "en"
    }
}

extension CatalogError {
    /// The message in `locale` (a BCP 47 tag or an Accept-Language header), rendered by the
    /// catalog's formatter; for a code without a template, the catalog's description of it.
    public func message(locale: String) throws -> String {
        let loaded = try Self.catalogSupport.loaded()
        guard let variantID else {
            let negotiated = loaded.catalog.negotiate(locale)
            let entry = loaded.catalog.entry(code)
            return entry?.localized[negotiated]?.description ?? entry?.localized[loaded.catalog.sourceLocale]?.description ?? code
        }
        do {
            return try loaded.formatter.format(code: code, values: values, locale: locale, variantID: variantID)
        } catch {
            // A locale without this variant speaks the source locale rather than nothing.
            guard let text = try? loaded.formatter.format(code: code, values: values, locale: loaded.catalog.sourceLocale, variantID: variantID) else {
                throw error
            }
            return text
        }
    }

    /// The catalog's hint for the code in `locale`.
    public func hint(locale: String) -> String? {
        guard let loaded = try? Self.catalogSupport.loaded(), let entry = loaded.catalog.entry(code) else { return nil }
        return entry.localized[loaded.catalog.negotiate(locale)]?.hint ?? entry.localized[loaded.catalog.sourceLocale]?.hint
    }

    /// The catalog's description of the code in `locale`.
    public func meaning(locale: String) -> String? {
        guard let loaded = try? Self.catalogSupport.loaded(), let entry = loaded.catalog.entry(code) else { return nil }
        return entry.localized[loaded.catalog.negotiate(locale)]?.description ?? entry.localized[loaded.catalog.sourceLocale]?.description
    }

    /// The message in ``CatalogErrorLocale/current``; if the catalog cannot be loaded, `Code (HTTP status)`.
    public var errorDescription: String? {
        (try? message(locale: CatalogErrorLocale.current)) ?? "\(code) (HTTP \(status))"
    }

    public var failureReason: String? { meaning(locale: CatalogErrorLocale.current) }

    public var recoverySuggestion: String? { hint(locale: CatalogErrorLocale.current) }

    /// The HTTP status.
    public var errorCode: Int { status }

    public var errorUserInfo: [String: Any] {
        var info: [String: Any] = ["code": code]
        if let errorDescription { info[NSLocalizedDescriptionKey] = errorDescription }
        if let recoverySuggestion { info[NSLocalizedRecoverySuggestionErrorKey] = recoverySuggestion }
        return info
    }

    /// Reads a received message (any catalog locale, with the matcher's tolerances) back into a
    /// case with its values; `nil` when no template of the type's catalog matches, or the catalog
    /// cannot be loaded.
    public init?(message: String, locale: LocaleFilter = .auto) {
        guard let matcher = try? Self.catalogSupport.loaded().matcher,
              let best = matcher.match(message, locale: locale).best else { return nil }
        self.init(code: best.code, variantID: best.variant.id, values: best.values.mapValues(\.value))
    }

    /// Reads an error response body (`{"error":{"code":…,"message":…}}`, an ASP.NET body, plain
    /// text) back into a case; the body's code, when the catalog has it, restricts the match. A code
    /// without any template in the catalog is read from the body's code alone.
    public init?(body: Data) {
        guard let loaded = try? Self.catalogSupport.loaded() else { return nil }
        let decoded = ErrorBody.decode(String(decoding: body, as: UTF8.self))
        let message = decoded.message ?? ""
        let code = decoded.code.flatMap { loaded.catalog.entry($0) != nil ? $0 : nil }
        if let best = loaded.matcher.match(message, code: code).best {
            self.init(code: best.code, variantID: best.variant.id, values: best.values.mapValues(\.value))
        } else if let code, loaded.catalog.entry(code)?.localized.values.allSatisfy({ $0.templates.isEmpty && $0.observed.isEmpty }) == true {
            // A code the catalog has no wording for (BadRequest, TooManyRequests): the code says it all.
            self.init(code: code, variantID: "", values: [:])
        } else {
            return nil
        }
    }
}

/// Conversions the generated code uses between catalog values and Swift types.
public enum CatalogValue {
    public static func int(_ value: Value?) -> Int? {
        if case .integer(let number)? = value { return Int(exactly: number) }
        return nil
    }

    public static func string(_ value: Value?) -> String? {
        switch value {
        case .text(let text)?: return text
        case let other?: return other.description
        case nil: return nil
        }
    }

    public static func list(_ value: Value?) -> [String]? {
        if case .list(let items)? = value { return items }
        return nil
    }

    /// A `.date`, or ISO 8601 text. The matcher returns a date it read from a message as the text
    /// it found (`11/30/26, 12:00 AM`), which is not a moment: such a message does not read back
    /// into a case with a `Date` (the initialisers return `nil`).
    public static func date(_ value: Value?) -> Date? {
        switch value {
        case .date(let milliseconds)?:
            return Date(timeIntervalSince1970: milliseconds / 1000)
        case .text(let text)?:
            if case .success(.date(let milliseconds)) = PlaceholderType.date.parse(text) {
                return Date(timeIntervalSince1970: milliseconds / 1000)
            }
            return nil
        default:
            return nil
        }
    }

    public static func value(_ date: Date) -> Value {
        .date(millisecondsSince1970: (date.timeIntervalSince1970 * 1000).rounded())
    }
}
