import Foundation
import MessageSyntax

extension Catalog {
    /// Loads and validates every `*.json` file of a catalog directory (see `Catalogs/README.md`).
    ///
    /// All problems of all files are collected in one pass and thrown together; a catalog with any
    /// error does not load. Warnings (stale translations) are kept in `warnings`.
    public static func load(directory: String) throws(CatalogLoadError) -> Catalog {
        var loader = CatalogLoader(directory: directory)
        return try loader.load()
    }

    /// Loads a catalog from in-memory file contents (file name → JSON text), e.g. for tests.
    public static func load(files: [String: String], name directory: String = "<memory>") throws(CatalogLoadError) -> Catalog {
        var loader = CatalogLoader(directory: directory)
        loader.memoryFiles = files
        return try loader.load()
    }
}

/// Accepted keys, for "unknown key" messages.
private enum Keys {
    static let top = ["catalog", "locale", "codes"]
    static let sourceCode = ["code", "status", "placeholders", "templates", "observed", "description", "hint"]
    static let translatedCode = ["code", "templates", "observed", "description", "hint"]
    static let placeholder = ["name", "type", "rejected", "description"]
    static let sourceTemplate = ["id", "pattern", "origin", "note"]
    static let translatedTemplate = ["id", "pattern", "from", "origin", "note"]
}

private struct RawFile {
    var path: String
    var displayName: String
    var text: String
    var locale: String
    var catalogName: String?
    var codes: [[String: Any]]
    var isSource: Bool
}

struct CatalogLoader {
    let directory: String
    var memoryFiles: [String: String]?
    var problems: [CatalogProblem] = []

    init(directory: String) {
        self.directory = directory
    }

    mutating func load() throws(CatalogLoadError) -> Catalog {
        let files = readFiles()
        guard problems.isEmpty else { throw CatalogLoadError(problems: problems) }

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
            if let other = seenLocales[file.locale.lowercased()] {
                problems.append(CatalogProblem(check: "duplicate-locale", file: file.displayName, line: 1,
                    message: "locale '\(file.locale)' is also declared by \(other)", expected: "one file per locale"))
            }
            seenLocales[file.locale.lowercased()] = file.displayName
        }

        var entries = readSource(source)
        let translations = files.filter { !$0.isSource }.sorted { $0.locale < $1.locale }
        for file in translations {
            readTranslation(file, into: &entries, source: source)
        }

        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw CatalogLoadError(problems: problems) }

        var codes: [CodeEntry] = []
        for draft in entries {
            codes.append(CodeEntry(code: draft.code, status: draft.status, placeholders: draft.placeholders, localized: draft.localized))
        }
        var filesByLocale: [String: String] = [:]
        for file in files { filesByLocale[file.locale] = file.path }
        return Catalog(name: source.catalogName ?? URL(fileURLWithPath: directory).lastPathComponent,
                       sourceLocale: source.locale,
                       locales: [source.locale] + translations.map(\.locale),
                       codes: codes, directory: memoryFiles == nil ? directory : nil,
                       files: filesByLocale, warnings: problems)
    }

    // MARK: Files

    private mutating func readFiles() -> [RawFile] {
        var contents: [(path: String, name: String, text: String)] = []
        if let memoryFiles {
            for name in memoryFiles.keys.sorted() where name.hasSuffix(".json") {
                contents.append((name, name, memoryFiles[name]!))
            }
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
                problems.append(CatalogProblem(check: "io", file: directory, message: "no such catalog directory",
                    expected: "a directory with one <locale>.json file per locale, such as Catalogs/defender"))
                return []
            }
            guard isDirectory.boolValue else {
                problems.append(CatalogProblem(check: "io", file: directory, message: "this is a file, not a catalog directory",
                    expected: "a directory with one <locale>.json file per locale, such as Catalogs/defender"))
                return []
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    problems.append(CatalogProblem(check: "io", file: path, message: "cannot read the file"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(CatalogProblem(check: "io", file: path, message: "the file is not valid UTF-8", expected: "UTF-8 text"))
                    continue
                }
                contents.append((path, path, text))
            }
        }
        if contents.isEmpty && problems.isEmpty {
            problems.append(CatalogProblem(check: "io", file: directory, message: "the catalog directory has no .json files",
                expected: "one <locale>.json file per locale (en.json declares the codes, de.json translates them)"))
        }
        var files: [RawFile] = []
        for (path, name, text) in contents {
            if let file = parseFile(path: path, name: name, text: text) { files.append(file) }
        }
        return files
    }

    private mutating func parseFile(path: String, name: String, text: String) -> RawFile? {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let (line, column) = JSONErrorPosition.find(in: detail, text: text)
            problems.append(CatalogProblem(check: "json", file: name, line: line, column: column,
                message: "not valid JSON: \(detail)", expected: "a JSON object: {\"locale\": …, \"codes\": [ … ]}"))
            return nil
        }
        guard let top = object as? [String: Any] else {
            problems.append(CatalogProblem(check: "json", file: name, line: 1, message: "the file is not a JSON object",
                expected: "{\"locale\": \"en\", \"codes\": [ … ]}"))
            return nil
        }
        let fileText = FileText(text)
        checkKeys(top, accepted: Keys.top, file: name, code: nil, fileText: fileText, what: "at the top level")
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        guard let locale = top["locale"] as? String else {
            problems.append(CatalogProblem(check: "missing-key", file: name, line: 1,
                message: "missing \"locale\"", expected: "\"locale\": \"\(stem)\" (a BCP 47 tag such as en, de, de-AT)"))
            return nil
        }
        if !LocaleTag.isWellFormed(locale) {
            problems.append(CatalogProblem(check: "locale", file: name, line: fileText.line(of: "\"\(locale)\""),
                message: "'\(locale)' is not a BCP 47 locale tag", expected: "a tag such as en, de, de-AT, pt-BR"))
        } else if stem.lowercased() != locale.lowercased() {
            problems.append(CatalogProblem(check: "locale", file: name, line: fileText.line(of: "\"\(locale)\""),
                message: "the file declares locale '\(locale)' but is named \(stem).json", expected: "name the file \(locale).json"))
        }
        guard let codes = top["codes"] as? [Any] else {
            problems.append(CatalogProblem(check: "missing-key", file: name, line: 1,
                message: top["codes"] == nil ? "missing \"codes\"" : "\"codes\" is not an array",
                expected: "\"codes\": [ {\"code\": \"InvalidHashValue\", …}, … ]"))
            return nil
        }
        var dictionaries: [[String: Any]] = []
        for (position, item) in codes.enumerated() {
            if let dictionary = item as? [String: Any] {
                dictionaries.append(dictionary)
            } else {
                problems.append(CatalogProblem(check: "json", file: name, message: "item \(position + 1) of \"codes\" is not an object",
                    expected: "{\"code\": \"…\", …}"))
            }
        }
        let isSource = dictionaries.contains { $0["status"] != nil || $0["placeholders"] != nil }
        return RawFile(path: path, displayName: name, text: text, locale: locale,
                       catalogName: top["catalog"] as? String, codes: dictionaries, isSource: isSource)
    }

    // MARK: Source

    struct DraftEntry {
        var code: String
        var status: Int
        var placeholders: [Placeholder]
        var sourceTemplates: [Template]
        var localized: [String: LocalizedEntry]
        var hasDescription: Bool
        var hasHint: Bool
    }

    private mutating func readSource(_ file: RawFile) -> [DraftEntry] {
        let fileText = FileText(file.text)
        var drafts: [DraftEntry] = []
        var seen: Set<String> = []
        for (position, raw) in file.codes.enumerated() {
            guard let code = raw["code"] as? String, !code.isEmpty else {
                problems.append(CatalogProblem(check: "missing-key", file: file.displayName,
                    message: "code \(position + 1) has no \"code\"", expected: "\"code\": \"InvalidHashValue\""))
                continue
            }
            let line = fileText.line(ofCode: code)
            func problem(_ check: String, _ message: String, expected: String? = nil, severity: CatalogProblem.Severity = .error) {
                problems.append(CatalogProblem(severity: severity, check: check, file: file.displayName, line: line, code: code,
                                               message: message, expected: expected))
            }
            checkKeys(raw, accepted: Keys.sourceCode, file: file.displayName, code: code, fileText: fileText, what: "in a code of the source")
            if !code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                problem("code-name", "code '\(code)' has characters other than ASCII letters and digits", expected: "a code such as InvalidHashValue")
            }
            if !seen.insert(code).inserted {
                problem("duplicate-code", "code '\(code)' is declared more than once", expected: "each code once")
                continue
            }
            var status = 0
            if let value = raw["status"] as? Int, !(raw["status"] is Bool) {
                status = value
                if !(100...599).contains(value) {
                    problem("status", "HTTP status \(value) does not exist", expected: "an HTTP error status, 400–599")
                } else if value < 400 {
                    problem("status", "HTTP status \(value) is not an error status", expected: "an HTTP error status, 400–599")
                }
            } else {
                problem("status", raw["status"] == nil ? "missing \"status\"" : "\"status\" is not a whole number",
                        expected: "\"status\": 400 (an HTTP error status, 400–599)")
            }

            var placeholders: [Placeholder] = []
            if let list = raw["placeholders"] as? [Any] {
                for item in list {
                    guard let dict = item as? [String: Any] else {
                        problem("placeholder", "a placeholder is not an object", expected: "{\"name\": \"hash\", \"type\": \"hash\"}")
                        continue
                    }
                    checkKeys(dict, accepted: Keys.placeholder, file: file.displayName, code: code, fileText: fileText, what: "in a placeholder")
                    guard let name = dict["name"] as? String, Identifier.isValid(name) else {
                        problem("placeholder", "a placeholder has no valid \"name\"", expected: "a name such as hash or clientVersion (letters, digits, _; not starting with a digit)")
                        continue
                    }
                    guard let typeName = dict["type"] as? String, let type = PlaceholderType(rawValue: typeName) else {
                        let given = (dict["type"] as? String).map { "'\($0)'" } ?? "no type"
                        problem("placeholder-type", "placeholder '\(name)' has \(given)",
                                expected: "one of: " + PlaceholderType.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    if placeholders.contains(where: { $0.name == name }) {
                        problem("duplicate-placeholder", "placeholder '\(name)' is declared twice", expected: "each name once per code")
                        continue
                    }
                    placeholders.append(Placeholder(name: name, type: type, rejected: dict["rejected"] as? Bool ?? false,
                                                    description: dict["description"] as? String))
                }
            } else if raw["placeholders"] != nil {
                problem("placeholder", "\"placeholders\" is not an array", expected: "\"placeholders\": [ {\"name\": …, \"type\": …} ]")
            }

            var templates: [Template] = []
            var used: Set<String> = []
            for item in templateList(raw["templates"], file: file, code: code, line: line, key: "templates") {
                checkKeys(item.dict, accepted: Keys.sourceTemplate, file: file.displayName, code: code, fileText: fileText, what: "in a template")
                if templates.contains(where: { $0.id == item.id }) {
                    problem("duplicate-variant", "template id '\(item.id)' is used twice", expected: "a distinct id per template of a code")
                    continue
                }
                guard let message = parsePattern(item.pattern, file: file, fileText: fileText, code: code, variant: item.id) else { continue }
                checkArguments(message, pattern: item.pattern, placeholders: placeholders, file: file, fileText: fileText, code: code, variant: item.id)
                let template = Template(id: item.id, pattern: item.pattern, message: message, origin: item.dict["origin"] as? String)
                used.formUnion(template.argumentNames)
                templates.append(template)
            }
            for placeholder in placeholders where !used.contains(placeholder.name) && !templates.isEmpty {
                problem("unused-placeholder", "placeholder '\(placeholder.name)' is declared but no template uses it",
                        expected: "use {\(placeholder.name)} in a template or remove the declaration")
            }
            let observed = readObserved(raw["observed"], existing: templates, placeholders: placeholders, file: file, fileText: fileText, code: code, line: line)
            let description = nonEmptyString(raw["description"], file: file, code: code, line: line, key: "description")
            let hint = nonEmptyString(raw["hint"], file: file, code: code, line: line, key: "hint")
            let localized = LocalizedEntry(locale: file.locale, templates: templates, observed: observed, description: description, hint: hint)
            drafts.append(DraftEntry(code: code, status: status, placeholders: placeholders, sourceTemplates: templates,
                                     localized: [file.locale: localized], hasDescription: description != nil, hasHint: hint != nil))
        }
        return drafts
    }

    // MARK: Translations

    private mutating func readTranslation(_ file: RawFile, into drafts: inout [DraftEntry], source: RawFile) {
        let fileText = FileText(file.text)
        var seen: Set<String> = []
        let known = Dictionary(drafts.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (position, raw) in file.codes.enumerated() {
            guard let code = raw["code"] as? String, !code.isEmpty else {
                problems.append(CatalogProblem(check: "missing-key", file: file.displayName,
                    message: "code \(position + 1) has no \"code\"", expected: "\"code\": \"InvalidHashValue\""))
                continue
            }
            let line = fileText.line(ofCode: code)
            func problem(_ check: String, _ message: String, expected: String? = nil, variant: String? = nil, severity: CatalogProblem.Severity = .error) {
                problems.append(CatalogProblem(severity: severity, check: check, file: file.displayName, line: line, code: code,
                                               variant: variant, message: message, expected: expected))
            }
            checkKeys(raw, accepted: Keys.translatedCode, file: file.displayName, code: code, fileText: fileText, what: "in a translated code")
            guard let index = known[code] else {
                let suggestion = Catalog.closest(code, among: drafts.map(\.code)).map { " (did you mean '\($0)'?)" } ?? ""
                problem("unknown-code", "code '\(code)' is not declared in the source \(source.displayName)\(suggestion)",
                        expected: "a code of the source; translations cannot add codes")
                continue
            }
            if !seen.insert(code).inserted {
                problem("duplicate-code", "code '\(code)' is translated more than once", expected: "each code once")
                continue
            }
            let draft = drafts[index]
            var templates: [Template] = []
            var translatedIDs: [String: Int] = [:]
            for item in templateList(raw["templates"], file: file, code: code, line: line, key: "templates") {
                checkKeys(item.dict, accepted: Keys.translatedTemplate, file: file.displayName, code: code, fileText: fileText, what: "in a template")
                guard let sourceTemplate = draft.sourceTemplates.first(where: { $0.id == item.id }) else {
                    let ids = draft.sourceTemplates.map(\.id)
                    problem("unknown-variant", "template id '\(item.id)' does not exist in the source",
                            expected: ids.isEmpty ? "no templates: the source has none for \(code)" : "one of: " + ids.joined(separator: ", "),
                            variant: item.id)
                    continue
                }
                if translatedIDs[item.id] != nil {
                    problem("duplicate-variant", "template id '\(item.id)' is translated twice", variant: item.id)
                    continue
                }
                guard let message = parsePattern(item.pattern, file: file, fileText: fileText, code: code, variant: item.id) else {
                    translatedIDs[item.id] = -1
                    continue
                }
                let from = item.dict["from"] as? String
                checkArguments(message, pattern: item.pattern, placeholders: draft.placeholders, file: file, fileText: fileText,
                               code: code, variant: item.id, mustMatch: sourceTemplate)
                if let from, from != sourceTemplate.pattern {
                    problem("stale", "the translation was made from an older source text: \"\(from)\"",
                            expected: "review it against the current source \"\(sourceTemplate.pattern)\" and update \"from\"",
                            variant: item.id, severity: .warning)
                }
                translatedIDs[item.id] = templates.count
                templates.append(Template(id: item.id, pattern: item.pattern, message: message, origin: item.dict["origin"] as? String,
                                          from: from))
            }
            for sourceTemplate in draft.sourceTemplates where translatedIDs[sourceTemplate.id] == nil {
                problem("missing-translation", "template '\(sourceTemplate.id)' is not translated",
                        expected: "a translation of \"\(sourceTemplate.pattern)\"", variant: sourceTemplate.id)
            }
            // Keep the source's variant order.
            let ordered = draft.sourceTemplates.compactMap { sourceTemplate in templates.first { $0.id == sourceTemplate.id } }

            let observed = readObserved(raw["observed"], existing: ordered, placeholders: draft.placeholders, file: file, fileText: fileText, code: code, line: line)
            let description = nonEmptyString(raw["description"], file: file, code: code, line: line, key: "description")
            let hint = nonEmptyString(raw["hint"], file: file, code: code, line: line, key: "hint")
            if draft.hasDescription && description == nil && raw["description"] == nil {
                problem("missing-translation", "the description is not translated", expected: "\"description\": \"…\"")
            }
            if draft.hasHint && hint == nil && raw["hint"] == nil {
                problem("missing-translation", "the hint is not translated", expected: "\"hint\": \"…\"")
            }
            drafts[index].localized[file.locale] = LocalizedEntry(locale: file.locale, templates: ordered, observed: observed,
                                                                 description: description, hint: hint)
        }
        for draft in drafts where !seen.contains(draft.code) {
            problems.append(CatalogProblem(check: "missing-translation", file: file.displayName, code: draft.code,
                message: "code '\(draft.code)' is not translated", expected: "an entry {\"code\": \"\(draft.code)\", \"templates\": [ … ], …}"))
        }
    }

    // MARK: Shared checks

    /// Recognise-only wordings (`observed`): ids distinct from the templates', placeholders declared.
    private mutating func readObserved(_ value: Any?, existing: [Template], placeholders: [Placeholder], file: RawFile,
                                       fileText: FileText, code: String, line: Int?) -> [Template] {
        var observed: [Template] = []
        for item in templateList(value, file: file, code: code, line: line, key: "observed") {
            checkKeys(item.dict, accepted: Keys.translatedTemplate, file: file.displayName, code: code, fileText: fileText, what: "in an observed wording")
            if existing.contains(where: { $0.id == item.id }) || observed.contains(where: { $0.id == item.id }) {
                problems.append(CatalogProblem(check: "duplicate-variant", file: file.displayName, line: line, code: code, variant: item.id,
                    message: "observed id '\(item.id)' is already used by another template of \(code)", expected: "a distinct id"))
                continue
            }
            guard let message = parsePattern(item.pattern, file: file, fileText: fileText, code: code, variant: item.id) else { continue }
            checkArguments(message, pattern: item.pattern, placeholders: placeholders, file: file, fileText: fileText, code: code, variant: item.id)
            observed.append(Template(id: item.id, pattern: item.pattern, message: message, origin: item.dict["origin"] as? String,
                                     isObserved: true))
        }
        return observed
    }

    private struct TemplateItem {
        var id: String
        var pattern: String
        var dict: [String: Any]
    }

    private mutating func templateList(_ value: Any?, file: RawFile, code: String, line: Int?, key: String) -> [TemplateItem] {
        guard let value else { return [] }
        guard let list = value as? [Any] else {
            problems.append(CatalogProblem(check: "json", file: file.displayName, line: line, code: code,
                message: "\"\(key)\" is not an array", expected: "\"\(key)\": [ {\"id\": \"docs\", \"pattern\": \"…\"} ]"))
            return []
        }
        var items: [TemplateItem] = []
        for (position, element) in list.enumerated() {
            guard let dict = element as? [String: Any] else {
                problems.append(CatalogProblem(check: "json", file: file.displayName, line: line, code: code,
                    message: "item \(position + 1) of \"\(key)\" is not an object", expected: "{\"id\": \"docs\", \"pattern\": \"…\"}"))
                continue
            }
            guard let id = dict["id"] as? String, !id.isEmpty else {
                problems.append(CatalogProblem(check: "missing-key", file: file.displayName, line: line, code: code,
                    message: "item \(position + 1) of \"\(key)\" has no \"id\"", expected: "\"id\": \"docs\" (a short name for the variant)"))
                continue
            }
            guard let pattern = dict["pattern"] as? String else {
                problems.append(CatalogProblem(check: "missing-key", file: file.displayName, line: line, code: code, variant: id,
                    message: "template '\(id)' has no \"pattern\"", expected: "\"pattern\": \"Hash value {hash} is invalid.\""))
                continue
            }
            items.append(TemplateItem(id: id, pattern: pattern, dict: dict))
        }
        return items
    }

    private mutating func nonEmptyString(_ value: Any?, file: RawFile, code: String, line: Int?, key: String) -> String? {
        guard let value else { return nil }
        guard let text = value as? String, !text.trimmingWhitespace().isEmpty else {
            problems.append(CatalogProblem(check: "json", file: file.displayName, line: line, code: code,
                message: "\"\(key)\" is empty or not text", expected: "\"\(key)\": \"…\" (text for a person to read)"))
            return nil
        }
        return text
    }

    private mutating func parsePattern(_ pattern: String, file: RawFile, fileText: FileText, code: String, variant: String) -> Message? {
        do {
            return try MessageParser.parse(pattern)
        } catch {
            let position = fileText.position(ofPattern: pattern, afterCode: code, offset: error.offset)
            problems.append(CatalogProblem(check: "syntax", file: file.displayName, line: position?.line, column: position?.column,
                code: code, variant: variant, pattern: pattern, patternRange: SourceRange(start: error.offset, end: error.offset + 1),
                message: error.problem, expected: error.expected))
            return nil
        }
    }

    /// Arguments must be named, declared, used with a fitting type and — for a translation —
    /// the same set as the source template's.
    private mutating func checkArguments(_ message: Message, pattern: String, placeholders: [Placeholder], file: RawFile,
                                         fileText: FileText, code: String, variant: String, mustMatch source: Template? = nil) {
        func report(_ check: String, _ text: String, _ range: SourceRange, expected: String?) {
            let position = fileText.position(ofPattern: pattern, afterCode: code, offset: range.start)
            problems.append(CatalogProblem(check: check, file: file.displayName, line: position?.line, column: position?.column,
                code: code, variant: variant, pattern: pattern, patternRange: range, message: text, expected: expected))
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
            let expected = Set(source.argumentNames)
            let actual = Set(used)
            for missing in source.argumentNames where !actual.contains(missing) {
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

    private mutating func checkKeys(_ dict: [String: Any], accepted: [String], file: String, code: String?, fileText: FileText, what: String) {
        for key in dict.keys.sorted() where !accepted.contains(key) {
            let suggestion = Catalog.closest(key, among: accepted).map { " (did you mean \"\($0)\"?)" } ?? ""
            problems.append(CatalogProblem(check: "unknown-key", file: file, line: fileText.line(of: "\"\(key)\""), code: code,
                message: "unknown key \"\(key)\" \(what)\(suggestion)", expected: "keys: " + accepted.joined(separator: ", ")))
        }
    }
}

extension Catalog {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let best = candidates.map { ($0, EditDistance.between($0.lowercased(), lowered)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, word.count / 3) else { return nil }
        return best.0
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
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// Finds lines and columns in a catalog file's text, for messages.
struct FileText {
    let text: String
    private let lineStarts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.startIndex
        while let newline = text[index...].firstIndex(of: "\n") {
            index = text.index(after: newline)
            starts.append(index)
        }
        lineStarts = starts
    }

    func lineColumn(at index: String.Index) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        let column = text.unicodeScalars[lineStarts[low]..<index].count + 1
        return (low + 1, column)
    }

    func line(of needle: String) -> Int? {
        text.range(of: needle).map { lineColumn(at: $0.lowerBound).line }
    }

    func codeIndex(_ code: String) -> String.Index? {
        text.range(of: "\"\(code)\"").map(\.lowerBound)
    }

    func line(ofCode code: String) -> Int? {
        codeIndex(code).map { lineColumn(at: $0).line }
    }

    /// The file position of scalar `offset` inside `pattern`, found as a JSON string after the code's key.
    func position(ofPattern pattern: String, afterCode code: String, offset: Int) -> (line: Int, column: Int)? {
        let escaped = JSONEscape.escape(pattern)
        let start = codeIndex(code) ?? text.startIndex
        guard let range = text.range(of: "\"" + escaped + "\"", range: start..<text.endIndex)
                ?? text.range(of: "\"" + escaped + "\"") else { return nil }
        let (line, column) = lineColumn(at: range.lowerBound)
        let prefix = String(pattern.unicodeScalars.prefix(offset))
        return (line, column + 1 + JSONEscape.escape(prefix).unicodeScalars.count)
    }
}

/// JSON string escaping as the catalog files are written (Python's `json.dumps(ensure_ascii=False)`
/// layout): shared with the catalog writer so the loader can find a pattern in a file's text.
package enum JSONEscape {
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

enum JSONErrorPosition {
    /// Foundation reports "… around line 3, column 5." for syntax errors; fall back to a byte offset.
    static func find(in detail: String, text: String) -> (Int?, Int?) {
        let words = detail.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
            .split(separator: " ")
        var line: Int?, column: Int?, character: Int?
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "line" { line = Int(words[index + 1]) }
            if word == "column" { column = Int(words[index + 1]) }
            if word == "character" { character = Int(words[index + 1]) }
        }
        if line == nil, let character {
            // "around character N": a UTF-8 offset from the start of the file.
            let bytes = Array(text.utf8.prefix(character))
            let lineNumber = bytes.filter { $0 == 0x0A }.count + 1
            let lineStart = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let columnNumber = String(decoding: bytes[lineStart...], as: UTF8.self).unicodeScalars.count + 1
            return (lineNumber, columnNumber)
        }
        return (line, column)
    }
}
