import Foundation
import MessageSyntax
import ErrorCatalog

/// One translatable text in an exchange file: a template, a description or a hint of one code.
public struct ExchangeUnit: Sendable, Hashable {
    /// `Code/variant`, `Code/description` or `Code/hint`.
    public var context: String
    public var source: String
    /// `nil` or empty: not translated.
    public var target: String?
    /// The source text the translation was made from, when it differs from `source` (stale).
    public var previousSource: String?
    /// Needs review (PO `fuzzy`, XLIFF `needs-review-translation`).
    public var fuzzy: Bool
    /// Notes for the translator (placeholders, origin, the English description).
    public var notes: [String]
    /// 1-based line in the exchange file (import only).
    public var line: Int?

    public init(context: String, source: String, target: String?, previousSource: String? = nil, fuzzy: Bool = false,
                notes: [String] = [], line: Int? = nil) {
        self.context = context
        self.source = source
        self.target = target
        self.previousSource = previousSource
        self.fuzzy = fuzzy
        self.notes = notes
        self.line = line
    }

    public var code: String { String(context.split(separator: "/", maxSplits: 1).first ?? "") }
    public var key: String { context.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
}

public struct ExchangeDocument: Sendable, Hashable {
    public var catalog: String
    public var sourceLocale: String
    public var locale: String
    public var units: [ExchangeUnit]
}

public enum ExchangeFormat: String, Sendable, CaseIterable {
    /// gettext PO, XLIFF 1.2, XLIFF 2.0 (core).
    case po, xliff, xliff2
}

/// A problem in an exchange file or its import: what and where.
public struct ExchangeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var context: String?
    public var message: String
    public var isError: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, context: String? = nil, message: String, isError: Bool = true) {
        self.file = file
        self.line = line
        self.column = column
        self.context = context
        self.message = message
        self.isError = isError
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)"; if let column { location += ":\(column)" } }
        if let context { location += ": \(ReviewReport.sanitize(context))" }
        return "\(isError ? "error" : "warning"): \(location): \(ReviewReport.sanitize(message))"
    }
}

public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [ExchangeProblem]
    public init(_ problems: [ExchangeProblem]) { self.problems = problems }
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
            + "\n\(problems.filter(\.isError).count) error(s): the catalog on disk was not changed."
    }
}

public enum CatalogExchange {
    /// Larger exchange files are refused before parsing (the bundled catalog's PO is about 20 KB).
    public static let maximumInputBytes = 8 * 1024 * 1024

    // MARK: Units

    /// The units of `locale`: every source template, description and hint, with the current translation.
    public static func document(raw: CatalogDocument, locale: String) throws(ImportFailure) -> ExchangeDocument {
        guard let source = raw.source else {
            throw ImportFailure([ExchangeProblem(file: "catalog", message: "no source locale file in the catalog")])
        }
        let target = raw.file(locale: locale)
        var units: [ExchangeUnit] = []
        for code in source.codes {
            let translated = target?.code(code.code)
            let placeholderNote: String? = {
                guard let list = code.placeholders, !list.isEmpty else { return nil }
                return "placeholders: " + list.map { p in
                    "{\(p.name)} \(p.type)\(p.rejected ? ", rejected: any text" : "")" + (p.description.map { " — \($0)" } ?? "")
                }.joined(separator: "; ")
            }()
            for template in code.templates {
                let current = translated?.templates.first { $0.id == template.id }
                var notes = ["\(code.code), HTTP \(code.status.map(String.init) ?? "?"), variant \"\(template.id)\"; ICU MessageFormat: keep {…} placeholders and plural/select syntax as they are"]
                if let placeholderNote { notes.append(placeholderNote) }
                if let origin = template.origin { notes.append("origin: \(origin)") }
                let previous = current?.from.flatMap { $0 == template.pattern ? nil : $0 }
                units.append(ExchangeUnit(context: "\(code.code)/\(template.id)", source: template.pattern, target: current?.pattern,
                                          previousSource: previous, fuzzy: previous != nil, notes: notes))
            }
            if let description = code.description {
                units.append(ExchangeUnit(context: "\(code.code)/description", source: description, target: translated?.description,
                                          notes: ["\(code.code): what the error means, for a person (plain text, not a pattern)"]))
            }
            if let hint = code.hint {
                units.append(ExchangeUnit(context: "\(code.code)/hint", source: hint, target: translated?.hint,
                                          notes: ["\(code.code): what to do about it, for a person (plain text, not a pattern)"]))
            }
        }
        return ExchangeDocument(catalog: source.catalog, sourceLocale: source.locale, locale: target?.locale ?? locale, units: units)
    }

    public static func export(raw: CatalogDocument, locale: String, format: ExchangeFormat) throws(ImportFailure) -> String {
        let document = try document(raw: raw, locale: locale)
        switch format {
        case .po: return PO.write(document)
        case .xliff: return XLIFF.write(document)
        case .xliff2: return XLIFF2.write(document)
        }
    }

    // MARK: Reading

    public static func read(text: String, fileName: String, format: ExchangeFormat? = nil) throws(ImportFailure) -> ExchangeDocument {
        guard text.utf8.count <= maximumInputBytes else {
            throw ImportFailure([ExchangeProblem(file: fileName, message: "the file has \(text.utf8.count) bytes, more than the \(maximumInputBytes) accepted")])
        }
        let format = format ?? guessFormat(text: text, fileName: fileName)
        switch format {
        case .po: return try PO.read(text, fileName: fileName)
        case .xliff: return try XLIFF.read(Data(text.utf8), fileName: fileName)
        case .xliff2: return try XLIFF2.read(Data(text.utf8), fileName: fileName)
        }
    }

    public static func guessFormat(text: String, fileName: String) -> ExchangeFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".po") || lower.hasSuffix(".pot") { return .po }
        let xml = lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") || text.drop { $0.isWhitespace }.hasPrefix("<")
        guard xml else { return .po }
        // XLIFF 2.0 by its namespace (or version) on the root element, near the start of the file.
        let head = text.prefix(2048)
        return head.contains(XLIFF2.namespace) || head.contains("version=\"2.") ? .xliff2 : .xliff
    }

    // MARK: Merging

    /// Merges a document into the catalog: returns the new translation file (not written) and warnings.
    /// Every problem of the whole document is collected before failing.
    public static func merge(_ document: ExchangeDocument, into raw: CatalogDocument, fileName: String) throws(ImportFailure)
        -> (file: DocumentFile, warnings: [ExchangeProblem], changed: Int)
    {
        var problems: [ExchangeProblem] = []
        func fail(_ unit: ExchangeUnit?, _ message: String) {
            problems.append(ExchangeProblem(file: fileName, line: unit?.line, context: unit?.context, message: message))
        }
        guard let source = raw.source else { throw ImportFailure([ExchangeProblem(file: fileName, message: "the catalog has no source locale")]) }
        let locale = document.locale
        guard !locale.isEmpty else { throw ImportFailure([ExchangeProblem(file: fileName, message: "the file does not say which locale it translates (PO \"Language\" header, XLIFF target-language)")]) }
        if LocaleTag.same(locale, source.locale) {
            throw ImportFailure([ExchangeProblem(file: fileName, message: "the file translates into the source locale '\(locale)'; import translations only")])
        }
        var file = raw.file(locale: locale) ?? DocumentFile(fileName: "\(locale).json", catalog: source.catalog, locale: locale,
            codes: source.codes.map { DocumentCode(code: $0.code, templates: []) }, isSource: false)
        var warnings: [ExchangeProblem] = []
        var seen: Set<String> = []
        var changed = 0
        for unit in document.units {
            if !seen.insert(unit.context).inserted { fail(unit, "'\(unit.context)' occurs twice in the file"); continue }
            guard let sourceCode = source.code(unit.code) else {
                let near = source.codes.map(\.code).min { TextRules.editDistance($0, unit.code) < TextRules.editDistance($1, unit.code) }
                fail(unit, "unknown code '\(unit.code)'" + (near.map { " (did you mean '\($0)'?)" } ?? ""))
                continue
            }
            guard let target = unit.target, !target.isEmpty else { continue }
            guard let index = file.codeIndex(unit.code) else {
                fail(unit, "code '\(unit.code)' is missing from \(file.fileName)")
                continue
            }
            switch unit.key {
            case "description", "hint":
                let sourceText = unit.key == "description" ? sourceCode.description : sourceCode.hint
                if sourceText == nil { fail(unit, "\(unit.code) has no \(unit.key) in the source"); continue }
                if unit.key == "description" {
                    if file.codes[index].description != target { changed += 1 }
                    file.codes[index].description = target
                } else {
                    if file.codes[index].hint != target { changed += 1 }
                    file.codes[index].hint = target
                }
            default:
                guard let sourceTemplate = sourceCode.templates.first(where: { $0.id == unit.key }) else {
                    let ids = sourceCode.templates.map(\.id)
                    fail(unit, "unknown variant '\(unit.key)' of \(unit.code)" + (ids.isEmpty ? " (it has no templates)" : " (variants: \(ids.joined(separator: ", ")))"))
                    continue
                }
                let message: Message
                do {
                    message = try MessageParser.parse(target)
                } catch {
                    fail(unit, "the translation is not valid ICU MessageFormat at offset \(error.offset): \(error.problem) (expected \(error.expected))")
                    continue
                }
                let sourceNames = Set(((try? MessageParser.parse(sourceTemplate.pattern))?.allArguments ?? []).map { $0.name.description })
                let targetNames = Set(message.allArguments.map { $0.name.description })
                let missing = sourceNames.subtracting(targetNames).sorted()
                let extra = targetNames.subtracting(sourceNames).sorted()
                if !missing.isEmpty { fail(unit, "the translation drops " + missing.map { "{\($0)}" }.joined(separator: ", ")) }
                if !extra.isEmpty { fail(unit, "the translation uses " + extra.map { "{\($0)}" }.joined(separator: ", ") + ", which the source does not") }
                if !missing.isEmpty || !extra.isEmpty { continue }
                if unit.source != sourceTemplate.pattern, unit.previousSource == nil {
                    warnings.append(ExchangeProblem(file: fileName, line: unit.line, context: unit.context,
                        message: "the file's source text differs from the catalog's current source: imported as stale", isError: false))
                }
                let from = unit.previousSource ?? unit.source
                var templates = file.codes[index].templates
                if let position = templates.firstIndex(where: { $0.id == unit.key }) {
                    if templates[position].pattern != target || templates[position].from != from { changed += 1 }
                    templates[position].pattern = target
                    templates[position].from = from
                } else {
                    templates.append(DocumentTemplate(id: unit.key, pattern: target, from: from))
                    changed += 1
                }
                // Keep the source's variant order.
                let order = sourceCode.templates.map(\.id)
                templates.sort { (order.firstIndex(of: $0.id) ?? .max) < (order.firstIndex(of: $1.id) ?? .max) }
                file.codes[index].templates = templates
            }
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        // The merged catalog must load: the document with the merged file is validated as it is.
        var merged = raw
        if let position = merged.files.firstIndex(where: { LocaleTag.same($0.locale, file.locale) }) {
            merged.files[position] = file
        } else {
            merged.files.append(file)
        }
        do {
            _ = try Catalog.load(document: merged)
        } catch {
            throw ImportFailure(error.errors.map { problem in
                ExchangeProblem(file: fileName, context: [problem.code, problem.variant].compactMap { $0 }.joined(separator: "/"),
                                message: "after the merge, \(problem.file ?? "the catalog") would not load: \(problem.message)")
            })
        }
        return (file, warnings, changed)
    }

    /// Imports an exchange file into the catalog directory. The translation file is replaced
    /// atomically (written to a temporary file, then renamed) and only when everything is valid.
    public static func importFile(at path: String, catalogDirectory: String, locale: String? = nil)
        throws(ImportFailure) -> (file: String, locale: String, changed: Int, warnings: [ExchangeProblem])
    {
        let name = (path as NSString).lastPathComponent
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else {
            throw ImportFailure([ExchangeProblem(file: name, message: "cannot read the file")])
        }
        guard size.intValue <= maximumInputBytes else {
            throw ImportFailure([ExchangeProblem(file: name, message: "the file has \(size.intValue) bytes, more than the \(maximumInputBytes) accepted")])
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure([ExchangeProblem(file: name, message: "the file is not readable UTF-8 text")])
        }
        var document = try read(text: text, fileName: name)
        if let locale { document.locale = locale }
        let (raw, readProblems) = CatalogDocument.read(directory: catalogDirectory)
        if !readProblems.isEmpty {
            throw ImportFailure(readProblems.map { ExchangeProblem(file: $0.file ?? catalogDirectory, line: $0.line, column: $0.column,
                                                                   message: "catalog: \($0.message)") })
        }
        let merged = try merge(document, into: raw, fileName: name)
        let destination: String
        do {
            destination = try CatalogWriter.write(merged.file, into: catalogDirectory)
        } catch {
            throw ImportFailure([ExchangeProblem(file: error.path, message: error.reason)])
        }
        return (destination, merged.file.locale, merged.changed, merged.warnings)
    }
}
