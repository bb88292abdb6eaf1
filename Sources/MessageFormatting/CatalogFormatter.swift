// Formats catalog codes: code + typed values + requested locale → the localized message.
import ErrorCatalog
import MessageSyntax

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
    /// code → everything needed to format it, compiled up front; behind a cheaper hash than
    /// `Dictionary`'s seeded SipHash, as the lookup by code is on every `format`.
    private let codeIndex: CodeIndex
    /// (code, catalog locale, variant) → prepared template: `format`'s common case in one probe.
    private let messageIndex: MessageIndex
    /// formatting locale → code → prepared templates, for locales that are not catalog locales
    /// (filled on first use).
    private let regional = Locked<[String: [String: [PreparedMessage]]]>([:])
    /// Negotiation results of requests that are not exactly a catalog locale (bounded).
    private let negotiated = Locked<[String: NegotiatedLocale]>([:])

    final class CodeTable: Sendable {
        let entry: CodeEntry
        /// The catalog locales that have texts for the code, and their prepared templates in
        /// variant order (a short list compared by equality: cheaper than hashing the request).
        let locales: [String]
        let prepared: [[PreparedMessage]]
        init(entry: CodeEntry, locales: [String], prepared: [[PreparedMessage]]) {
            self.entry = entry
            self.locales = locales
            self.prepared = prepared
        }

        /// The prepared templates of a catalog locale named exactly.
        @inline(__always)
        func prepared(exactly locale: String) -> [PreparedMessage]? {
            for index in locales.indices where locales[index] == locale { return prepared[index] }
            return nil
        }
    }

    public init(catalog: Catalog) throws(FormatError) {
        self.catalog = catalog
        var tables: [String: CodeTable] = [:]
        for entry in catalog.codes {
            var locales: [String] = []
            var prepared: [[PreparedMessage]] = []
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                locales.append(locale)
                prepared.append(try Self.prepare(entry, localized.templates, catalogLocale: locale, formattingLocale: locale))
            }
            tables[entry.code] = CodeTable(entry: entry, locales: locales, prepared: prepared)
        }
        codeIndex = CodeIndex(tables)
        messageIndex = MessageIndex(tables.values.flatMap { $0.prepared.joined() })
    }

    private static func prepare(_ entry: CodeEntry, _ templates: [Template], catalogLocale: String,
                                formattingLocale: String) throws(FormatError) -> [PreparedMessage] {
        var result: [PreparedMessage] = []
        for (variant, template) in templates.enumerated() {
            let message: CompiledMessage
            do {
                message = try CompiledMessage(pattern: template.pattern, message: template.message, locale: formattingLocale)
            } catch {
                throw .icu(error)
            }
            result.append(PreparedMessage(code: entry.code, catalogLocale: catalogLocale, variant: variant,
                                          templateID: template.id, message: message, placeholders: entry.placeholders))
        }
        return result
    }

    /// The compiled templates of `code` in a catalog locale (for tools and benchmarks).
    public func compiledTemplates(code: String, locale: String) -> [CompiledMessage] {
        codeIndex.table(code)?.prepared(exactly: locale)?.map(\.message) ?? []
    }

    /// Formats `code` with `values` in the best catalog locale for `locale` (a BCP 47 tag or an
    /// Accept-Language header), using template number `variant` (0 = the documented wording).
    public func format(code: String, values: [String: Value], locale: String, variant: Int = 0) throws(FormatError) -> String {
        // The common case without detours: a known code, a catalog locale named exactly, an
        // existing variant. Anything else takes the general path, which also reports errors.
        if let message = messageIndex.find(code: code, locale: locale, variant: variant) {
            if let text = message._withUnsafeGuaranteedRef({ $0.renderFlat(values) }) { return text }
            return try message.takeUnretainedValue().render(values)
        }
        return try prepared(code: code, locale: locale, variant: variant).render(values)
    }

    /// Formats like `format(code:values:locale:variant:)` and appends the UTF-8 bytes to `out`
    /// instead of returning a `String`: the same bytes and the same errors, and no allocation of
    /// its own for the catalog's templates in a catalog locale (only `out` grows, so reuse one
    /// buffer). On a thrown error `out` is left as it was.
    public func format(code: String, values: [String: Value], locale: String, variant: Int = 0,
                       appendingTo out: inout [UInt8]) throws(FormatError) {
        if let message = messageIndex.find(code: code, locale: locale, variant: variant) {
            if message._withUnsafeGuaranteedRef({ $0.appendFlat(values, to: &out) }) { return }
            return try message.takeUnretainedValue().render(values, appendingTo: &out)
        }
        try prepared(code: code, locale: locale, variant: variant).render(values, appendingTo: &out)
    }

    /// Formats with the template whose id is `variantID` (`docs`, `example` …).
    public func format(code: String, values: [String: Value], locale: String, variantID: String) throws(FormatError) -> String {
        try prepared(code: code, locale: locale, variantID: variantID).render(values)
    }

    /// The template `variant` of `code` resolved for `locale` (a BCP 47 tag or an Accept-Language
    /// header), to render many times: `format` without the code lookup, the locale negotiation
    /// and the variant choice per message. Throws what `format` throws for these three.
    public func prepared(code: String, locale: String, variant: Int = 0) throws(FormatError) -> PreparedMessage {
        let (table, catalogLocale, messages) = try resolve(code: code, locale: locale)
        guard variant >= 0, variant < messages.count else {
            throw .unknownVariant(code: code, requested: String(variant), available: templateIDs(table, catalogLocale))
        }
        return messages[variant]
    }

    /// The template with id `variantID` of `code` resolved for `locale`.
    public func prepared(code: String, locale: String, variantID: String) throws(FormatError) -> PreparedMessage {
        let (table, catalogLocale, messages) = try resolve(code: code, locale: locale)
        guard let message = messages.first(where: { $0.templateID == variantID }) else {
            throw .unknownVariant(code: code, requested: "'\(variantID)'", available: templateIDs(table, catalogLocale))
        }
        return message
    }

    private func templateIDs(_ table: CodeTable, _ catalogLocale: String) -> [String] {
        table.entry.localized[catalogLocale]?.templates.map(\.id) ?? []
    }

    /// The code's table, the catalog locale whose texts are used, and the prepared templates for
    /// the formatting locale.
    private func resolve(code: String, locale: String) throws(FormatError) -> (CodeTable, String, [PreparedMessage]) {
        guard let table = codeIndex.table(code) else {
            throw .unknownCode(code, suggestions: catalog.suggestions(for: code))
        }
        // The common case: the request names a catalog locale exactly.
        if let messages = table.prepared(exactly: locale), !messages.isEmpty { return (table, locale, messages) }
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
            return (table, catalogLocale, table.prepared(exactly: catalogLocale) ?? [])
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
        LocaleTag.isWellFormed(locale)
    }

    private func regionalMessages(_ table: CodeTable, _ catalogLocale: String,
                                  _ formattingLocale: String) throws(FormatError) -> [PreparedMessage] {
        let code = table.entry.code
        if let list = regional.withLock({ $0[formattingLocale]?[code] }) { return list }
        let list = try Self.prepare(table.entry, table.entry.localized[catalogLocale]?.templates ?? [],
                                    catalogLocale: catalogLocale, formattingLocale: formattingLocale)
        regional.withLock { $0[formattingLocale, default: [:]][code] = list }
        return list
    }
}

/// An open-addressing table from code to `CodeTable`, hashed over the code's UTF-8 eight bytes at a
/// time. Codes are the catalog's own (not attacker-chosen keys), so an unseeded hash is fine; a
/// hit is confirmed by full string equality.
final class CodeIndex: Sendable {
    private let codes: [String]
    private let tables: [CatalogFormatter.CodeTable?]
    private let mask: Int

    init(_ tables: [String: CatalogFormatter.CodeTable]) {
        var size = 16
        while size < tables.count * 2 { size *= 2 }
        var codes = [String](repeating: "", count: size)
        var slots = [CatalogFormatter.CodeTable?](repeating: nil, count: size)
        for (code, table) in tables.sorted(by: { $0.key < $1.key }) {
            var index = Self.hash(code) & (size - 1)
            while slots[index] != nil { index = (index + 1) & (size - 1) }
            codes[index] = code
            slots[index] = table
        }
        self.codes = codes
        self.tables = slots
        mask = size - 1
    }

    @inline(__always)
    func table(_ code: String) -> CatalogFormatter.CodeTable? {
        var index = Self.hash(code) & mask
        while let table = tables[index] {
            if codes[index] == code { return table }
            index = (index + 1) & mask
        }
        return nil
    }

    @inline(__always)
    static func hash(_ code: String) -> Int {
        if let hash = code.utf8.withContiguousStorageIfAvailable(hash) { return hash }
        return Array(code.utf8).withUnsafeBufferPointer(hash)
    }

    /// A multiply-xorshift hash of 8-byte words (the tail zero-padded), mixed with the length.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var position = 0
        let count = bytes.count
        while position + 8 <= count {
            let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            position += 8
        }
        if position < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while position < count {
                word |= UInt64(bytes[position]) << shift
                shift += 8
                position += 1
            }
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }
}

/// An open-addressing table from (code, catalog locale, variant) to the prepared template, in
/// storage of its own so that a probe reads keys in place (no array or class references to retain
/// on the way to the one message it returns). Immutable after `init`.
final class MessageIndex: @unchecked Sendable {
    /// A free slot has `variant == -1` and no message. The message is held unretained: `owners`
    /// keeps every one alive, and a probe hands it out without reference counting.
    struct Entry {
        let code: String
        let locale: String
        let variant: Int
        let message: Unmanaged<PreparedMessage>?
    }
    private let entries: UnsafeMutablePointer<Entry>
    private let size: Int
    private let owners: [PreparedMessage]

    init(_ messages: [PreparedMessage]) {
        owners = messages
        var size = 16
        while size < messages.count * 2 { size *= 2 }
        self.size = size
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry(code: "", locale: "", variant: -1, message: nil), count: size)
        for message in messages.sorted(by: { ($0.code, $0.catalogLocale, $0.variant) < ($1.code, $1.catalogLocale, $1.variant) }) {
            var index = Self.hash(message.code, message.catalogLocale, message.variant) & (size - 1)
            while entries[index].variant >= 0 { index = (index + 1) & (size - 1) }
            entries[index] = Entry(code: message.code, locale: message.catalogLocale, variant: message.variant,
                                   message: Unmanaged.passUnretained(message))
        }
    }

    deinit {
        entries.deinitialize(count: size)
        entries.deallocate()
    }

    /// The prepared template, unretained (alive as long as this index).
    @inline(__always)
    func find(code: String, locale: String, variant: Int) -> Unmanaged<PreparedMessage>? {
        guard variant >= 0 else { return nil }
        let mask = size - 1
        var index = Self.hash(code, locale, variant) & mask
        while true {
            let entry = entries + index
            if entry.pointee.variant < 0 { return nil }
            if entry.pointee.variant == variant, entry.pointee.code == code, entry.pointee.locale == locale {
                return entry.pointee.message
            }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ code: String, _ locale: String, _ variant: Int) -> Int {
        let h = UInt64(bitPattern: Int64(CodeIndex.hash(code)))
        let l = UInt64(bitPattern: Int64(CodeIndex.hash(locale)))
        var mixed = (h ^ (l &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(variant))) &* 0xD6E8_FEB8_6659_FD93
        mixed ^= mixed >> 32
        return Int(truncatingIfNeeded: mixed)
    }
}
