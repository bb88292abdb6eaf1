import Foundation
import MessageSyntax

extension Catalog {
    /// Loads and validates every `*.json` file of a catalog directory (see `Catalogs/README.md`).
    ///
    /// The files are read once into a `CatalogDocument`; all problems of all files are collected
    /// in one pass and thrown together, each with its file, line and column. A catalog with any
    /// error does not load. Warnings (stale translations) are kept in `warnings`.
    public static func load(directory: String) throws(CatalogLoadError) -> Catalog {
        let (document, problems) = CatalogDocument.read(directory: directory)
        return try load(document: document, readProblems: problems, directory: directory)
    }

    /// Loads a catalog from in-memory file contents (file name → JSON text), e.g. for tests.
    public static func load(files: [String: String], name directory: String = "<memory>") throws(CatalogLoadError) -> Catalog {
        let (document, problems) = CatalogDocument.read(files: files)
        return try load(document: document, readProblems: problems, directory: directory, fromDisk: false)
    }

    /// Validates a document (read from files, or built or changed in memory) into a catalog.
    /// `readProblems` are the problems of reading it, reported with the validation's own.
    public static func load(document: CatalogDocument, readProblems: [CatalogProblem] = [], directory: String? = nil,
                            fromDisk: Bool = true) throws(CatalogLoadError) -> Catalog {
        var validator = CatalogValidator(document: document, directory: directory ?? "<memory>", problems: readProblems)
        return try validator.validate(keepDirectory: fromDisk && directory != nil)
    }
}

/// Validates a `CatalogDocument`: the source's codes, statuses, placeholders and templates, and
/// each translation against it. Linear in the size of the catalog: codes and ids are looked up in
/// dictionaries, positions come from the document.
struct CatalogValidator {
    let document: CatalogDocument
    let directory: String
    var problems: [CatalogProblem]
    /// "Did you mean" suggestions cost a scan of every code; they stop after this many, so that a
    /// catalog with thousands of unknown codes is still reported in linear time.
    private var suggestionBudget = 20

    init(document: CatalogDocument, directory: String, problems: [CatalogProblem]) {
        self.document = document
        self.directory = directory
        self.problems = problems
    }

    mutating func validate(keepDirectory: Bool) throws(CatalogLoadError) -> Catalog {
        let files = document.files
        if files.isEmpty {
            if problems.isEmpty {
                problems.append(CatalogProblem(check: "io", file: directory, message: "the catalog has no files",
                    expected: "one <locale>.json file per locale (en.json declares the codes, de.json translates them)"))
            }
            throw CatalogLoadError(problems: problems)
        }
        let sources = files.filter(\.isSource)
        guard sources.count == 1, let source = sources.first else {
            let names = sources.map(\.displayName).joined(separator: ", ")
            problems.append(CatalogProblem(check: "source-file", file: directory,
                message: sources.isEmpty
                    ? "no file declares the source locale"
                    : "more than one file declares statuses and placeholders (\(names))",
                expected: "exactly one file (the source, e.g. en.json) whose codes carry \"status\" and \"placeholders\"; the other files translate it"))
            throw CatalogLoadError(problems: problems)
        }
        var seenLocales: [String: String] = [:]
        for file in files {
            let key = LocaleTag(file.locale)?.identifier ?? file.locale
            if let other = seenLocales[key] {
                problems.append(CatalogProblem(check: "duplicate-locale", file: file.displayName, line: file.localePosition?.line ?? 1,
                    column: file.localePosition?.column,
                    message: "locale '\(file.locale)' is also declared by \(other)", expected: "one file per locale"))
            }
            seenLocales[key] = file.displayName
        }

        var entries = readSource(source)
        let translations = files.filter { $0.fileName != source.fileName }.sorted { $0.locale < $1.locale }
        for file in translations {
            readTranslation(file, into: &entries, source: source)
        }

        sortProblems()
        guard !problems.contains(where: { $0.severity == .error }) else { throw CatalogLoadError(problems: problems) }

        var codes: [CodeEntry] = []
        codes.reserveCapacity(entries.count)
        for draft in entries {
            codes.append(CodeEntry(code: draft.code, status: draft.status, placeholders: draft.placeholders, localized: draft.localized))
        }
        var filesByLocale: [String: String] = [:]
        for file in files { filesByLocale[file.locale] = file.displayName }
        return Catalog(name: source.catalog.isEmpty ? URL(fileURLWithPath: directory).lastPathComponent : source.catalog,
                       sourceLocale: source.locale,
                       locales: [source.locale] + translations.map(\.locale),
                       codes: codes, directory: keepDirectory ? directory : nil,
                       files: filesByLocale, warnings: problems)
    }

    /// In file order: by file (as the document lists them), then line and column; problems without
    /// a line (a missing translation of a whole code) after the file's positioned ones. Stable.
    private mutating func sortProblems() {
        var fileOrder: [String: Int] = [:]
        for (index, file) in document.files.enumerated() { fileOrder[file.displayName] = index }
        problems = problems.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let fx = x.file.flatMap { fileOrder[$0] } ?? -1, fy = y.file.flatMap { fileOrder[$0] } ?? -1
            if fx != fy { return fx < fy }
            let lx = x.line ?? .max, ly = y.line ?? .max
            if lx != ly { return lx < ly }
            let cx = x.column ?? 0, cy = y.column ?? 0
            if cx != cy { return cx < cy }
            return a.offset < b.offset
        }.map(\.element)
    }

    // MARK: Source

    struct DraftEntry {
        var code: String
        var status: Int
        var placeholders: [Placeholder]
        var sourceTemplates: [Template]
        /// Source templates that did not load (syntax, limits): their translations are not
        /// reported again as "does not exist in the source".
        var failedSourceIDs: [String]
        var localized: [String: LocalizedEntry]
        var hasDescription: Bool
        var hasHint: Bool

        /// A code has a few templates: a scan is cheaper than a dictionary per code.
        func sourceTemplate(_ id: String) -> Int? {
            for index in sourceTemplates.indices where sourceTemplates[index].id == id { return index }
            return nil
        }
    }

    private mutating func problem(_ check: String, file: DocumentFile, at position: SourcePosition?, code: String?,
                                  variant: String? = nil, _ message: String, expected: String? = nil,
                                  severity: CatalogProblem.Severity = .error) {
        problems.append(CatalogProblem(severity: severity, check: check, file: file.displayName, line: position?.line,
                                       column: position?.column, code: code, variant: variant, message: message, expected: expected))
    }

    private mutating func readSource(_ file: DocumentFile) -> [DraftEntry] {
        var drafts: [DraftEntry] = []
        drafts.reserveCapacity(file.codes.count)
        var seen: Set<String> = []
        // Codes whose "status" the reader already reported (present but not a number).
        let statusReported = Set(problems.lazy.filter { $0.check == "status" && $0.file == file.displayName }.compactMap(\.code))
        for position in file.codes.indices {
            let raw = file.codes[position]
            let code = raw.code
            let at = raw.position
            if !code.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
                problem("code-name", file: file, at: at, code: code, "code '\(code)' has characters other than ASCII letters and digits",
                        expected: "a code such as InvalidHashValue")
            }
            if !seen.insert(code).inserted {
                problem("duplicate-code", file: file, at: at, code: code, "code '\(code)' is declared more than once", expected: "each code once")
                continue
            }
            var status = 0
            if let value = raw.status {
                status = value
                if !(100...599).contains(value) {
                    problem("status", file: file, at: at, code: code, "HTTP status \(value) does not exist", expected: "an HTTP error status, 400–599")
                } else if value < 400 {
                    problem("status", file: file, at: at, code: code, "HTTP status \(value) is not an error status", expected: "an HTTP error status, 400–599")
                }
            } else if !statusReported.contains(code) {
                problem("status", file: file, at: at, code: code, "missing \"status\"", expected: "\"status\": 400 (an HTTP error status, 400–599)")
            }

            var placeholders: [Placeholder] = []
            var placeholderNames: Set<String> = []
            let declared = raw.placeholders ?? []
            if declared.count > CatalogLimits.placeholdersPerCode {
                problem("limit", file: file, at: at, code: code, "\(declared.count) placeholders are declared, more than the \(CatalogLimits.placeholdersPerCode) a code may have",
                        expected: "at most \(CatalogLimits.placeholdersPerCode) placeholders per code (CatalogLimits.placeholdersPerCode)")
            }
            for item in declared.prefix(CatalogLimits.placeholdersPerCode) {
                guard let type = PlaceholderType(rawValue: item.type) else {
                    let given = item.type.isEmpty ? "no type" : "'\(item.type)'"
                    problem("placeholder-type", file: file, at: item.position ?? at, code: code, "placeholder '\(item.name)' has \(given)",
                            expected: "one of: " + PlaceholderType.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                guard placeholderNames.insert(item.name).inserted else {
                    problem("duplicate-placeholder", file: file, at: item.position ?? at, code: code,
                            "placeholder '\(item.name)' is declared twice", expected: "each name once per code")
                    continue
                }
                placeholders.append(Placeholder(name: item.name, type: type, rejected: item.rejected, description: item.description))
            }

            var templates: [Template] = []
            var failedIDs: [String] = []
            var used: [String] = []
            checkTemplateCount(raw, file: file, code: code, at: at)
            for item in raw.templates.prefix(CatalogLimits.templatesPerCode) {
                if templates.contains(where: { $0.id == item.id }) {
                    problem("duplicate-variant", file: file, at: item.position ?? at, code: code, variant: item.id,
                            "template id '\(item.id)' is used twice", expected: "a distinct id per template of a code")
                    continue
                }
                guard let message = parsePattern(item, file: file, code: code) else {
                    failedIDs.append(item.id)
                    continue
                }
                checkArguments(message, template: item, placeholders: placeholders, file: file, code: code)
                let template = Template(id: item.id, pattern: item.pattern, message: message, origin: item.origin)
                for name in template.argumentNames where !used.contains(name) { used.append(name) }
                templates.append(template)
            }
            for placeholder in placeholders where !used.contains(placeholder.name) && !templates.isEmpty {
                problem("unused-placeholder", file: file, at: at, code: code, "placeholder '\(placeholder.name)' is declared but no template uses it",
                        expected: "use {\(placeholder.name)} in a template or remove the declaration")
            }
            let observed = readObserved(raw.observed, existing: templates, placeholders: placeholders, file: file, code: code, at: at)
            let localized = LocalizedEntry(locale: file.locale, templates: templates, observed: observed,
                                           description: nonEmpty(raw.description), hint: nonEmpty(raw.hint))
            drafts.append(DraftEntry(code: code, status: status, placeholders: placeholders, sourceTemplates: templates,
                                     failedSourceIDs: failedIDs, localized: [file.locale: localized], hasDescription: raw.description != nil, hasHint: raw.hint != nil))
        }
        return drafts
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isBlank else { return nil }
        return text
    }

    // MARK: Translations

    private mutating func readTranslation(_ file: DocumentFile, into drafts: inout [DraftEntry], source: DocumentFile) {
        var seen: Set<String> = []
        var known: [String: Int] = [:]
        known.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() where known[draft.code] == nil { known[draft.code] = index }
        for raw in file.codes {
            let code = raw.code
            let at = raw.position
            guard let index = known[code] else {
                var suggestion = ""
                if suggestionBudget > 0 {
                    suggestionBudget -= 1
                    suggestion = Catalog.closest(code, among: drafts.map(\.code)).map { " (did you mean '\($0)'?)" } ?? ""
                }
                problem("unknown-code", file: file, at: at, code: code, "code '\(code)' is not declared in the source \(source.displayName)\(suggestion)",
                        expected: "a code of the source; translations cannot add codes")
                continue
            }
            if !seen.insert(code).inserted {
                problem("duplicate-code", file: file, at: at, code: code, "code '\(code)' is translated more than once", expected: "each code once")
                continue
            }
            // Read through the index, not a copy: a copy would make the update below copy the entry's storage.
            var translated: [Template] = []
            var failed: [String] = []
            checkTemplateCount(raw, file: file, code: code, at: at)
            for item in raw.templates.prefix(CatalogLimits.templatesPerCode) {
                guard let sourcePosition = drafts[index].sourceTemplate(item.id) else {
                    if drafts[index].failedSourceIDs.contains(item.id) { continue }
                    let ids = drafts[index].sourceTemplates.map(\.id)
                    problem("unknown-variant", file: file, at: item.position ?? at, code: code, variant: item.id,
                            "template id '\(item.id)' does not exist in the source",
                            expected: ids.isEmpty ? "no templates: the source has none for \(code)" : "one of: " + ids.joined(separator: ", "))
                    continue
                }
                let sourceTemplate = drafts[index].sourceTemplates[sourcePosition]
                if translated.contains(where: { $0.id == item.id }) || failed.contains(item.id) {
                    problem("duplicate-variant", file: file, at: item.position ?? at, code: code, variant: item.id,
                            "template id '\(item.id)' is translated twice")
                    continue
                }
                guard let message = parsePattern(item, file: file, code: code) else {
                    failed.append(item.id)
                    continue
                }
                checkArguments(message, template: item, placeholders: drafts[index].placeholders, file: file, code: code, mustMatch: sourceTemplate)
                if let from = item.from, from != sourceTemplate.pattern {
                    problem("stale", file: file, at: item.position ?? at, code: code, variant: item.id,
                            "the translation was made from an older source text: \"\(from)\"",
                            expected: "review it against the current source \"\(sourceTemplate.pattern)\" and update \"from\"", severity: .warning)
                }
                translated.append(Template(id: item.id, pattern: item.pattern, message: message, origin: item.origin, from: item.from))
            }
            for sourceTemplate in drafts[index].sourceTemplates where !translated.contains(where: { $0.id == sourceTemplate.id }) && !failed.contains(sourceTemplate.id) {
                problem("missing-translation", file: file, at: at, code: code, variant: sourceTemplate.id,
                        "template '\(sourceTemplate.id)' is not translated", expected: "a translation of \"\(sourceTemplate.pattern)\"")
            }
            // Keep the source's variant order.
            let ordered = translated.count <= 1 ? translated
                : drafts[index].sourceTemplates.compactMap { source in translated.first { $0.id == source.id } }
            let observed = readObserved(raw.observed, existing: ordered, placeholders: drafts[index].placeholders, file: file, code: code, at: at)
            if drafts[index].hasDescription && raw.description == nil {
                problem("missing-translation", file: file, at: at, code: code, "the description is not translated", expected: "\"description\": \"…\"")
            }
            if drafts[index].hasHint && raw.hint == nil {
                problem("missing-translation", file: file, at: at, code: code, "the hint is not translated", expected: "\"hint\": \"…\"")
            }
            drafts[index].localized[file.locale] = LocalizedEntry(locale: file.locale, templates: ordered, observed: observed,
                                                                 description: nonEmpty(raw.description), hint: nonEmpty(raw.hint))
        }
        for draft in drafts where !seen.contains(draft.code) {
            problems.append(CatalogProblem(check: "missing-translation", file: file.displayName, code: draft.code,
                message: "code '\(draft.code)' is not translated", expected: "an entry {\"code\": \"\(draft.code)\", \"templates\": [ … ], …}"))
        }
    }

    // MARK: Shared checks

    /// Recognise-only wordings (`observed`): ids distinct from the templates', placeholders declared.
    private mutating func readObserved(_ items: [DocumentTemplate]?, existing: [Template], placeholders: [Placeholder],
                                       file: DocumentFile, code: String, at: SourcePosition?) -> [Template] {
        guard let items, !items.isEmpty else { return [] }
        var observed: [Template] = []
        for item in items.prefix(max(0, CatalogLimits.templatesPerCode - existing.count)) {
            if existing.contains(where: { $0.id == item.id }) || observed.contains(where: { $0.id == item.id }) {
                problem("duplicate-variant", file: file, at: item.position ?? at, code: code, variant: item.id,
                        "observed id '\(item.id)' is already used by another template of \(code)", expected: "a distinct id")
                continue
            }
            guard let message = parsePattern(item, file: file, code: code) else { continue }
            checkArguments(message, template: item, placeholders: placeholders, file: file, code: code)
            observed.append(Template(id: item.id, pattern: item.pattern, message: message, origin: item.origin, isObserved: true))
        }
        return observed
    }

    private mutating func checkTemplateCount(_ raw: DocumentCode, file: DocumentFile, code: String, at: SourcePosition?) {
        let count = raw.templates.count + (raw.observed?.count ?? 0)
        guard count > CatalogLimits.templatesPerCode else { return }
        problem("limit", file: file, at: at, code: code, "\(count) templates and observed wordings, more than the \(CatalogLimits.templatesPerCode) a code may have in one locale",
                expected: "at most \(CatalogLimits.templatesPerCode) per code and locale (CatalogLimits.templatesPerCode)")
    }

    private mutating func parsePattern(_ item: DocumentTemplate, file: DocumentFile, code: String) -> Message? {
        // UTF-8 bytes bound the scalar count from above: count scalars only for a long pattern.
        let length = item.pattern.utf8.count <= CatalogLimits.patternLength ? 0 : item.pattern.unicodeScalars.count
        if length > CatalogLimits.patternLength {
            problems.append(CatalogProblem(check: "limit", file: file.displayName, line: item.patternLocation?.start.line ?? item.position?.line,
                column: item.patternLocation?.start.column, code: code, variant: item.id,
                message: "the pattern has \(length) characters, more than the \(CatalogLimits.patternLength) a template may have",
                expected: "at most \(CatalogLimits.patternLength) Unicode scalars per pattern (CatalogLimits.patternLength)"))
            return nil
        }
        do {
            let message = try MessageParser.parse(item.pattern)
            let arguments = message.allArguments
            if arguments.count > CatalogLimits.argumentsPerTemplate {
                let range = arguments[CatalogLimits.argumentsPerTemplate].range
                let position = item.patternLocation?.position(atScalarOffset: range.start)
                problems.append(CatalogProblem(check: "limit", file: file.displayName, line: position?.line ?? item.position?.line,
                    column: position?.column, code: code, variant: item.id, pattern: item.pattern, patternRange: range,
                    message: "the pattern uses placeholders \(arguments.count) times, more than the \(CatalogLimits.argumentsPerTemplate) a template may",
                    expected: "at most \(CatalogLimits.argumentsPerTemplate) placeholder uses per template, plural and select branches included (CatalogLimits.argumentsPerTemplate)"))
                return nil
            }
            return message
        } catch {
            let position = item.patternLocation?.position(atScalarOffset: error.offset)
            problems.append(CatalogProblem(check: "syntax", file: file.displayName, line: position?.line ?? item.position?.line,
                column: position?.column, code: code, variant: item.id, pattern: item.pattern,
                patternRange: SourceRange(start: error.offset, end: error.offset + 1), message: error.problem, expected: error.expected))
            return nil
        }
    }

    /// Arguments must be named, declared, used with a fitting type and — for a translation —
    /// the same set as the source template's.
    private mutating func checkArguments(_ message: Message, template item: DocumentTemplate, placeholders: [Placeholder],
                                         file: DocumentFile, code: String, mustMatch source: Template? = nil) {
        let pattern = item.pattern
        func report(_ check: String, _ text: String, _ range: SourceRange, expected: String?) {
            let position = item.patternLocation?.position(atScalarOffset: range.start)
            problems.append(CatalogProblem(check: check, file: file.displayName, line: position?.line ?? item.position?.line,
                column: position?.column, code: code, variant: item.id, pattern: pattern, patternRange: range, message: text, expected: expected))
        }
        let declared = placeholders.map(\.name)
        var used: [String] = []
        for argument in message.allArguments {
            guard case .named(let name) = argument.name else {
                report("numbered-argument", "numbered argument {\(argument.name)}: catalog templates use named placeholders",
                       argument.nameRange, expected: declared.isEmpty ? "no placeholders are declared for \(code)" : "one of: " + declared.joined(separator: ", "))
                continue
            }
            if !used.contains(name) { used.append(name) }
            guard let placeholder = placeholders.first(where: { $0.name == name }) else {
                let suggestion = Catalog.closest(name, among: declared).map { " (did you mean '\($0)'?)" } ?? ""
                report("unknown-placeholder", "placeholder '\(name)' is not declared for \(code)\(suggestion)", argument.nameRange,
                       expected: declared.isEmpty ? "no placeholders: \(code) declares none" : "declared: " + declared.joined(separator: ", "))
                continue
            }
            if let conflict = TypeCompatibility.problem(argument.kind, placeholder: placeholder) {
                report("type-conflict", conflict.message, argument.range, expected: conflict.expected)
            }
        }
        if let source {
            // Argument lists are short (and bounded by the per-template limit): arrays, not sets.
            let expected = source.argumentNames
            for missing in expected where !used.contains(missing) {
                report("missing-placeholder", "the translation drops {\(missing)}, which the source template uses",
                       SourceRange(start: 0, end: pattern.unicodeScalars.count),
                       expected: "the same placeholders as \"\(source.pattern)\": " + source.argumentNames.map { "{\($0)}" }.joined(separator: ", "))
            }
            for argument in message.allArguments {
                guard case .named(let name) = argument.name, !expected.contains(name), declared.contains(name) else { continue }
                report("extra-placeholder", "the translation uses {\(name)}, which the source template does not", argument.nameRange,
                       expected: "the placeholders of \"\(source.pattern)\"")
            }
        }
    }
}

extension Catalog {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    /// Candidates whose length alone puts them out of reach are skipped, and each distance stops
    /// as soon as it exceeds the best so far, so a scan of many codes stays cheap.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var limit = max(1, word.count / 3)
        var best: String?
        for candidate in candidates {
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= limit else { continue }
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if let distance = EditDistance.bounded(scalars, target, limit: limit) {
                if best == nil || distance < limit { best = candidate }
                limit = distance
                if distance == 0 { break }
            }
        }
        return best
    }
}

enum TypeCompatibility {
    struct Conflict {
        var message: String
        var expected: String
    }

    static func problem(_ kind: ArgumentKind, placeholder: Placeholder) -> Conflict? {
        let type = placeholder.type
        let name = placeholder.name
        switch kind {
        case .simple, .select:
            return nil
        case .plural, .selectordinal, .choice:
            guard type.isNumeric else {
                return Conflict(message: "a \(kindName(kind)) on '\(name)', which is a \(type)", expected: "plural, selectordinal and choice need an integer placeholder")
            }
            return nil
        case .formatted(let format, _):
            switch format {
            case .number, .spellout, .ordinal, .duration:
                guard type.isNumeric else {
                    return Conflict(message: "{\(name), \(format.rawValue)} on '\(name)', which is a \(type)", expected: "\(format.rawValue) needs an integer placeholder; write {\(name)}")
                }
                return nil
            case .date, .time:
                guard type == .date else {
                    return Conflict(message: "{\(name), \(format.rawValue)} on '\(name)', which is a \(type)", expected: "\(format.rawValue) needs a date placeholder; write {\(name)}")
                }
                return nil
            }
        }
    }

    static func kindName(_ kind: ArgumentKind) -> String {
        switch kind {
        case .plural: return "plural"
        case .selectordinal: return "selectordinal"
        case .choice: return "choice"
        case .select: return "select"
        case .simple: return "simple argument"
        case .formatted(let type, _): return type.rawValue
        }
    }
}

enum Identifier {
    static func isValid(_ name: String) -> Bool {
        // ASCII names (all of the bundled catalog's) without Unicode property look-ups.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = name.utf8.first, first == 0x5F || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
            return name.utf8.allSatisfy { $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}
