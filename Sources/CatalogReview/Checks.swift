import ErrorCatalog
import MessageMatching
import MessageSyntax

/// The result of a review: every finding, in file and code order.
public struct ReviewResult: Sendable {
    public var catalogName: String
    public var sourceLocale: String
    /// The locales reviewed (translations; the source is checked for syntax and whitespace too).
    public var locales: [String]
    public var findings: [ReviewFinding]
    /// The catalog as read (for reports that show the texts side by side).
    public var raw: CatalogDocument
    /// Checks that could not run, with the reason (e.g. reversibility without a matcher).
    public var skippedChecks: [String: String]

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    public var infoCount: Int { findings.filter { $0.severity == .info }.count }
    public var hasErrors: Bool { errorCount > 0 }
}

/// Checks every translation of a catalog against its source locale. Works on the raw files, so a
/// catalog that does not load still gets every finding at once.
public struct CatalogReviewer: Sendable {
    public var raw: CatalogDocument
    public var readProblems: [CatalogProblem]
    /// Findings from other stages (the loader, the reverse parser), merged into the result.
    public var extraFindings: [ReviewFinding]
    public var skippedChecks: [String: String]

    public init(raw: CatalogDocument, readProblems: [CatalogProblem] = [], extraFindings: [ReviewFinding] = [],
                skippedChecks: [String: String] = [:]) {
        self.raw = raw
        self.readProblems = readProblems
        self.extraFindings = extraFindings
        self.skippedChecks = skippedChecks
    }

    /// Reads a catalog directory once and adds the loader's structural findings and the reverse
    /// parser's reversibility report.
    public static func forDirectory(_ directory: String) -> CatalogReviewer {
        let (document, problems) = CatalogDocument.read(directory: directory)
        return make(document, problems)
    }

    /// Reads in-memory files and adds the loader's and the reverse parser's findings.
    public static func forFiles(_ files: [String: String]) -> CatalogReviewer {
        let (document, problems) = CatalogDocument.read(files: files)
        return make(document, problems)
    }

    /// The review of a document as read: it is validated once, and the loaded catalog (when it
    /// loads) feeds the reverse parser's report.
    public static func make(_ document: CatalogDocument, _ problems: [CatalogProblem]) -> CatalogReviewer {
        // Files that could not be read at all are reported as such; the problems of files that were
        // read go through the loader with its own findings.
        let readFiles = Set(document.files.map(\.displayName))
        let ioProblems = problems.filter { $0.file.map { !readFiles.contains($0) } ?? true }
        let structural = problems.filter { $0.file.map { readFiles.contains($0) } ?? false }
        let loaded: Result<Catalog, CatalogLoadError>
        do {
            loaded = .success(try Catalog.load(document: document, readProblems: structural))
        } catch {
            loaded = .failure(error)
        }
        let (reversibility, skipped) = reversibilityFindings(document, loaded: loaded)
        return CatalogReviewer(raw: document, readProblems: ioProblems, extraFindings: loaderFindings(document, loaded: loaded) + reversibility,
                               skippedChecks: skipped.map { ["reversibility": $0] } ?? [:])
    }

    /// The reverse parser's report: templates it cannot read back unambiguously, with the reason.
    /// An issue the source template has as well is a note (it is in the server's wording); one
    /// only the translation has is a warning (the translation introduced it).
    static func reversibilityFindings(_ raw: CatalogDocument, loaded: Result<Catalog, CatalogLoadError>) -> ([ReviewFinding], String?) {
        guard !raw.files.isEmpty else { return ([], "no catalog files") }
        let catalog: Catalog
        switch loaded {
        case .success(let value): catalog = value
        case .failure(let error):
            return ([], "the catalog does not load (\(error.errors.count) errors); the reverse parser needs a loadable catalog")
        }
        let matcher: MessageMatcher
        do {
            matcher = try MessageMatcher(catalog: catalog)
        } catch {
            return ([], "the reverse parser cannot compile the catalog: \(error.description)")
        }
        let issues = matcher.reversibilityReport()
        let sourceLocale = catalog.sourceLocale
        let sourceKeys = Set(issues.filter { $0.locale == sourceLocale }.map { "\($0.code)|\($0.variant)|\($0.reason.rawValue)" })
        let findings = issues.map { issue -> ReviewFinding in
            let file = raw.file(locale: issue.locale)
            let code = file?.code(issue.code)
            let template = code?.template(issue.variant)
            let pattern = template?.pattern
            let position = template?.patternLocation?.start ?? template?.position ?? code?.position
            let inherited = issue.locale != sourceLocale && sourceKeys.contains("\(issue.code)|\(issue.variant)|\(issue.reason.rawValue)")
            let severity: ReviewFinding.Severity = issue.locale == sourceLocale || inherited ? .info : .warning
            return ReviewFinding(severity: severity, check: "reversibility", file: file?.fileName, line: position?.line,
                                 column: position?.column, locale: issue.locale, code: issue.code, variant: issue.variant, field: "pattern",
                                 text: pattern, start: pattern == nil ? nil : 0, end: pattern.map { $0.unicodeScalars.count },
                                 message: "\(issue.reason.rawValue): \(issue.detail)" + (inherited ? " (as in the source)" : ""),
                                 expected: "a template the reverse parser reads back unambiguously, or accept it knowingly")
        }
        return (findings, nil)
    }

    /// The loader's findings that the review's own checks do not cover (unknown keys, missing
    /// translations, unknown codes or variants …), as `catalog.<check>`.
    static func loaderFindings(_ raw: CatalogDocument, loaded: Result<Catalog, CatalogLoadError>) -> [ReviewFinding] {
        guard !raw.files.isEmpty else { return [] }
        let covered: Set<String> = ["syntax", "unknown-placeholder", "missing-placeholder", "extra-placeholder", "stale"]
        let problems: [CatalogProblem]
        switch loaded {
        case .success(let catalog): problems = catalog.warnings
        case .failure(let error): problems = error.problems
        }
        // Problems name a file by its path when read from disk; findings by its name.
        var fileByName: [String: DocumentFile] = [:]
        for file in raw.files { fileByName[file.displayName] = file }
        return problems.filter { !covered.contains($0.check) }.map { problem in
            let mapped = problem.check == "type-conflict" ? "placeholder-type" : "catalog.\(problem.check)"
            let file = problem.file.flatMap { fileByName[$0] }
            return ReviewFinding(severity: problem.severity == .error ? .error : .warning, check: mapped, file: file?.fileName ?? problem.file,
                                 line: problem.line, column: problem.column, locale: file?.locale, code: problem.code,
                                 variant: problem.variant, field: problem.pattern == nil ? nil : "pattern", text: problem.pattern,
                                 start: problem.patternRange?.start, end: problem.patternRange?.end,
                                 message: problem.message, expected: problem.expected)
        }
    }

    /// Reviews `locales` (all translations when `nil`).
    public func review(locales requested: [String]? = nil) -> ReviewResult {
        var findings: [ReviewFinding] = readProblems.map {
            ReviewFinding(severity: .error, check: "catalog.\($0.check)", file: $0.file, line: $0.line, column: $0.column, message: $0.message,
                          expected: $0.expected)
        }
        guard let source = raw.source else {
            findings.append(ReviewFinding(severity: .error, check: "catalog.source-file",
                                          message: "no file declares the source locale (codes with \"status\" and \"placeholders\")"))
            return ReviewResult(catalogName: "", sourceLocale: "", locales: [], findings: findings + extraFindings, raw: raw,
                                skippedChecks: skippedChecks)
        }
        let codeNames = Set(source.codes.map(\.code))
        // The source itself: syntax and typography.
        for code in source.codes {
            for template in code.templates {
                var context = Context(file: source, locale: source.locale, code: code, variant: template.id, field: "pattern",
                                      text: template.pattern, location: template.patternLocation)
                if let message = context.parse() {
                    context.checkApostrophes(message, source: nil)
                    context.checkBroken(message, declared: code.placeholders?.map(\.name) ?? [])
                    context.checkWhitespace(LiteralView(message), pattern: template.pattern, locale: source.locale)
                }
                findings += context.findings
                if let note = template.note {
                    var noteContext = Context(file: source, locale: source.locale, code: code, variant: template.id, field: "note", text: note,
                                              location: template.noteLocation)
                    noteContext.checkPageNote(note, sourcePhrases: nil)
                    findings += noteContext.findings
                }
            }
        }
        // Each requested locale selects its file, or when there is none its family (`de` → `de-DE.json`).
        let targets = raw.translations.filter { file in
            requested.map { list in
                list.contains { wanted in
                    LocaleTag.same(wanted, file.locale)
                        || (!raw.translations.contains { LocaleTag.same(wanted, $0.locale) }
                            && (LocaleTag(wanted).flatMap { w in LocaleTag(file.locale).map { $0.isSameFamily(as: w) } } ?? false))
                }
            } ?? true
        }
        for file in targets {
            findings += reviewTranslation(file, source: source, codeNames: codeNames)
        }
        findings += Self.characterFindings([source] + targets)
        let reviewedFiles = Set(targets.map(\.fileName) + [source.fileName])
        findings += extraFindings.filter { finding in finding.file.map { reviewedFiles.contains($0) } ?? true }
        return ReviewResult(catalogName: source.catalog, sourceLocale: source.locale, locales: targets.map(\.locale),
                            findings: Self.sorted(findings, raw: raw), raw: raw, skippedChecks: skippedChecks)
    }

    static func sorted(_ findings: [ReviewFinding], raw: CatalogDocument) -> [ReviewFinding] {
        let order = Dictionary(raw.source?.codes.enumerated().map { ($1.code, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        return findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return (x.file ?? "") < (y.file ?? "") }
            let ox = x.code.flatMap { order[$0] } ?? -1, oy = y.code.flatMap { order[$0] } ?? -1
            if ox != oy { return ox < oy }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func reviewTranslation(_ file: DocumentFile, source: DocumentFile, codeNames: Set<String>) -> [ReviewFinding] {
        var findings: [ReviewFinding] = []
        for code in file.codes {
            guard let sourceCode = source.code(code.code) else { continue }
            let declared = sourceCode.placeholders ?? []
            for template in code.templates {
                guard let sourceTemplate = sourceCode.templates.first(where: { $0.id == template.id }) else { continue }
                var context = Context(file: file, locale: file.locale, code: code, variant: template.id, field: "pattern",
                                      text: template.pattern, location: template.patternLocation, sourceLocale: source.locale)
                let sourceMessage = try? MessageParser.parse(sourceTemplate.pattern)
                if let message = context.parse() {
                    if let sourceMessage {
                        context.checkPlaceholders(message, source: sourceMessage, declared: declared)
                    }
                    context.checkPlurals(message)
                    context.checkApostrophes(message, source: sourceTemplate.pattern)
                    context.checkBroken(message, declared: declared.map(\.name))
                    let view = LiteralView(message)
                    let sourceView = sourceMessage.map(LiteralView.init) ?? LiteralView(plain: sourceTemplate.pattern)
                    context.checkText(view, sourceView: sourceView, codeNames: codeNames)
                    context.checkWhitespace(view, pattern: template.pattern, locale: file.locale)
                    context.checkFinalPunctuation(target: view.string, source: sourceView.string)
                }
                if template.pattern == sourceTemplate.pattern, (sourceMessage.map(LiteralView.init)?.words().contains { !codeNames.contains($0.word) } ?? false) {
                    context.add(.warning, "untranslated", "the translation is identical to the source",
                                range: 0..<template.pattern.unicodeScalars.count, expected: "a \(file.locale) translation")
                }
                if let from = template.from {
                    if from != sourceTemplate.pattern {
                        context.add(.warning, "stale", "the source changed after this translation was made from \"\(from)\"",
                                    expected: "review against the current source \"\(sourceTemplate.pattern)\", then update \"from\"")
                    }
                } else {
                    context.add(.info, "from-missing", "the translation does not record the source text it was made from",
                                expected: "\"from\": \"\(sourceTemplate.pattern)\"")
                }
                findings += context.findings
                if let note = template.note {
                    var noteContext = Context(file: file, locale: file.locale, code: code, variant: template.id, field: "note", text: note,
                                              location: template.noteLocation)
                    noteContext.checkPageNote(note, sourcePhrases: Context.sourcePhrases(sourceCode, template: sourceTemplate))
                    findings += noteContext.findings
                }
            }
            for observed in code.observed ?? [] {
                var context = Context(file: file, locale: file.locale, code: code, variant: observed.id, field: "observed",
                                      text: observed.pattern, location: observed.patternLocation)
                if let message = context.parse() {
                    context.checkDeclared(message, declared: declared)
                }
                findings += context.findings
            }
            for field in ["description", "hint"] {
                let target = field == "description" ? code.description : code.hint
                let sourceText = field == "description" ? sourceCode.description : sourceCode.hint
                guard let target, let sourceText else { continue }
                var context = Context(file: file, locale: file.locale, code: code, variant: nil, field: field, text: target,
                                      location: field == "description" ? code.descriptionLocation : code.hintLocation, sourceLocale: source.locale)
                let view = LiteralView(plain: target)
                let sourceView = LiteralView(plain: sourceText)
                if target == sourceText {
                    context.add(.warning, "untranslated", "the \(field) is identical to the source", range: 0..<target.unicodeScalars.count,
                                expected: "a \(file.locale) translation")
                } else {
                    context.checkText(view, sourceView: sourceView, codeNames: codeNames)
                }
                context.checkWhitespace(view, pattern: target, locale: file.locale)
                context.checkUnbalanced(view)
                findings += context.findings
            }
        }
        return findings
    }
}

/// The checks of one text (a pattern, description or hint) of one code in one file.
struct Context {
    let file: DocumentFile
    let locale: String
    let code: String
    let variant: String?
    let field: String
    let text: String
    /// Where the text is in the file, and where its code is (when the text's own place is unknown).
    let location: JSONStringLocation?
    let codePosition: SourcePosition?
    /// The source locale the text was translated from (`en`).
    let sourceLocale: String
    /// What the review knows about the text's language (`LanguageRules`).
    let rules: LanguageRules
    var findings: [ReviewFinding] = []

    init(file: DocumentFile, locale: String, code: DocumentCode, variant: String?, field: String, text: String,
         location: JSONStringLocation?, sourceLocale: String = "en") {
        self.file = file
        self.locale = locale
        self.sourceLocale = sourceLocale
        self.rules = LanguageRules.forLocale(locale)
        self.code = code.code
        self.variant = variant
        self.field = field
        self.text = text
        self.location = location
        self.codePosition = code.position
    }

    mutating func add(_ severity: ReviewFinding.Severity, _ check: String, _ message: String, range: Range<Int>? = nil,
                      expected: String? = nil) {
        let position = location?.position(atScalarOffset: range?.lowerBound ?? 0)
        findings.append(ReviewFinding(severity: severity, check: check, file: file.fileName,
                                      line: position?.line ?? codePosition?.line, column: position?.column,
                                      locale: locale, code: code, variant: variant, field: field, text: text,
                                      start: range?.lowerBound, end: range?.upperBound, message: message, expected: expected))
    }

    mutating func parse() -> Message? {
        do {
            return try MessageParser.parse(text)
        } catch {
            add(.error, "syntax", error.problem, range: error.offset..<(error.offset + 1), expected: error.expected)
            return nil
        }
    }

    // MARK: Placeholders

    static func shape(_ kind: ArgumentKind) -> String {
        switch kind {
        case .simple: return "{name}"
        case .formatted(let type, _): return type.rawValue
        case .plural: return "plural"
        case .selectordinal: return "selectordinal"
        case .select: return "select"
        case .choice: return "choice"
        }
    }

    mutating func checkPlaceholders(_ message: Message, source: Message, declared: [DocumentPlaceholder]) {
        var sourceArgs: [String: Argument] = [:]
        var sourceOrder: [String] = []
        for argument in source.allArguments {
            let name = argument.name.description
            if sourceArgs[name] == nil { sourceArgs[name] = argument; sourceOrder.append(name) }
        }
        var used: Set<String> = []
        var unknown: [Argument] = []
        for argument in message.allArguments {
            let name = argument.name.description
            let range = argument.nameRange.start..<argument.nameRange.end
            used.insert(name)
            if let sourceArgument = sourceArgs[name] {
                let (a, b) = (Self.shape(argument.kind), Self.shape(sourceArgument.kind))
                if a != b {
                    add(.error, "placeholder-type", "{\(name)} is used as \(a) here but as \(b) in the source",
                        range: argument.range.start..<argument.range.end, expected: "the same argument kind as the source: \(b)")
                }
            } else if declared.contains(where: { $0.name == name }) {
                add(.error, "placeholder-extra", "the translation uses {\(name)}, which the source template does not", range: range,
                    expected: "only " + sourceOrder.map { "{\($0)}" }.joined(separator: ", "))
            } else {
                unknown.append(argument)
            }
        }
        let missing = sourceOrder.filter { !used.contains($0) }
        for argument in unknown {
            let name = argument.name.description
            let range = argument.nameRange.start..<argument.nameRange.end
            let closest = missing.min { TextRules.editDistance($0, name) < TextRules.editDistance($1, name) }
            let hint = closest.map { " (renamed or translated from {\($0)}?)" } ?? ""
            add(.error, "placeholder-unknown", "{\(name)} is not a placeholder of \(code)\(hint)", range: range,
                expected: declared.isEmpty ? "no placeholders" : "declared: " + declared.map { "{\($0.name)}" }.joined(separator: ", "))
        }
        for name in missing {
            add(.error, "placeholder-missing", "the translation drops {\(name)}, which the source uses",
                range: 0..<text.unicodeScalars.count, expected: "the placeholders of the source: " + sourceOrder.map { "{\($0)}" }.joined(separator: ", "))
        }
    }

    /// Observed wordings: only declared placeholders.
    mutating func checkDeclared(_ message: Message, declared: [DocumentPlaceholder]) {
        for argument in message.allArguments where !declared.contains(where: { $0.name == argument.name.description }) {
            add(.error, "placeholder-unknown", "{\(argument.name)} is not a placeholder of \(code)",
                range: argument.nameRange.start..<argument.nameRange.end,
                expected: declared.isEmpty ? "no placeholders" : "declared: " + declared.map { "{\($0.name)}" }.joined(separator: ", "))
        }
    }

    mutating func checkPlurals(_ message: Message) {
        for argument in message.allArguments {
            let cases: [PluralCase]
            let ordinal: Bool
            switch argument.kind {
            case .plural(_, let c): cases = c; ordinal = false
            case .selectordinal(_, let c): cases = c; ordinal = true
            default: continue
            }
            let needed = PluralCategories.keywords(locale: locale, ordinal: ordinal)
            let present = Set(cases.compactMap { c -> String? in if case .keyword(let k) = c.selector { return k } else { return nil } })
            let missing = needed.filter { !present.contains($0) }
            let range = argument.range.start..<argument.range.end
            if !missing.isEmpty {
                add(missing.contains("other") ? .error : .warning, "plural-categories",
                    "{\(argument.name)} lacks the \(locale) plural \(missing.count == 1 ? "category" : "categories") " + missing.joined(separator: ", "),
                    range: range, expected: "cases for " + needed.joined(separator: ", ") + " (ICU plural rules for \(locale))")
            }
            let unused = present.subtracting(needed).sorted()
            if !unused.isEmpty {
                add(.info, "plural-categories", "{\(argument.name)} has \(unused.joined(separator: ", ")), which \(locale) never selects",
                    range: range, expected: "only " + needed.joined(separator: ", "))
            }
        }
    }

    // MARK: Syntax hazards

    /// An apostrophe right before `{`, `}`, `#` or `|` starts ICU quoting: what follows prints
    /// literally. Reported unless the source quotes the same way.
    mutating func checkApostrophes(_ message: Message, source: String?) {
        let scalars = Array(text.unicodeScalars)
        func hazards(_ s: [Unicode.Scalar]) -> [Int] {
            var result: [Int] = []
            var i = 0
            while i + 1 < s.count {
                if s[i] == "'" {
                    if s[i + 1] == "'" { i += 2; continue }
                    if "{}#|".unicodeScalars.contains(s[i + 1]) { result.append(i) }
                }
                i += 1
            }
            return result
        }
        let mine = hazards(scalars)
        let theirs = source.map { hazards(Array($0.unicodeScalars)).count } ?? 0
        guard mine.count > theirs else { return }
        for offset in mine {
            add(.warning, "apostrophe", "this apostrophe quotes '\(scalars[offset + 1])': the text after it prints literally, up to the next apostrophe",
                range: offset..<(offset + 2), expected: "a typographic ’ for a literal apostrophe, or '' to print one")
        }
    }

    /// Prose placeholders (`<the invalid hash>`, `\<…\>`) and quoted `{name}` left in literal text.
    mutating func checkBroken(_ message: Message, declared: [String]) {
        let view = LiteralView(message)
        let items = view.items
        var i = 0
        while i < items.count {
            let s = items[i].scalar
            if s == "<" || s == "{" {
                let close: Unicode.Scalar = s == "<" ? ">" : "}"
                var j = i + 1
                while j < items.count, j - i < 80, items[j].scalar != close, items[j].scalar != LiteralView.placeholder { j += 1 }
                if j < items.count, items[j].scalar == close, j > i + 1 {
                    let inner = String(String.UnicodeScalarView(items[(i + 1)..<j].map(\.scalar))).trimmingBackslash()
                    let looksProse = s == "<" ? inner.unicodeScalars.contains(" ") || declared.contains(inner) : true
                    if looksProse, !inner.isEmpty {
                        add(.error, "placeholder-broken", s == "<" ? "prose placeholder \"<\(inner)>\" left as literal text"
                                : "\"{\(inner)}\" is quoted text, not a placeholder: it prints literally",
                            range: items[i].offset..<(items[j].offset + 1),
                            expected: declared.isEmpty ? "no placeholder here" : "a named placeholder: " + declared.map { "{\($0)}" }.joined(separator: ", "))
                        i = j + 1
                        continue
                    }
                }
            }
            i += 1
        }
    }

    mutating func checkUnbalanced(_ view: LiteralView) {
        // Brackets everywhere; quotation marks as the language writes them (none for a language without data).
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("[", "]")] + rules.quotePairs
        var stack: [(Unicode.Scalar, Int)] = []
        var straightQuotes: [Int] = []
        for item in view.items {
            if item.scalar == "\"" { straightQuotes.append(item.offset); continue }
            if pairs.contains(where: { $0.0 == item.scalar }) {
                stack.append((item.scalar, item.offset))
            } else if let pair = pairs.first(where: { $0.1 == item.scalar }) {
                if let last = stack.last, last.0 == pair.0 {
                    stack.removeLast()
                } else {
                    add(.warning, "unbalanced", "'\(item.scalar)' closes nothing", range: item.offset..<(item.offset + 1),
                        expected: "a matching '\(pair.0)' before it")
                }
            }
        }
        for (scalar, offset) in stack {
            let close = pairs.first { $0.0 == scalar }!.1
            add(.warning, "unbalanced", "'\(scalar)' is never closed", range: offset..<(offset + 1), expected: "a matching '\(close)'")
        }
        if straightQuotes.count % 2 == 1, let last = straightQuotes.last {
            add(.warning, "unbalanced", "an odd number of '\"' quotation marks", range: last..<(last + 1), expected: "quotes in pairs")
        }
    }

    // MARK: Text

    /// Untranslated segments, identifiers, capitalisation, brackets.
    mutating func checkText(_ view: LiteralView, sourceView: LiteralView, codeNames: Set<String>) {
        let targetWords = view.words()
        let sourceWords = sourceView.words()
        let sourceSet = Set(sourceWords.map(\.word))
        // The words a language shares with English are known for English sources only.
        let sourceIsEnglish = LocaleTag.language(sourceLocale) == "en"
        let shared = sourceIsEnglish ? rules.sharedWithEnglish : LanguageRules.technical
        // Identifiers: a code name or CamelCase token of the source must appear unchanged.
        let identifiers = Set(sourceWords.map(\.word).filter { TextRules.isCamelCase($0) })
        let targetSet = Set(targetWords.map(\.word))
        for identifier in identifiers.sorted() where !targetSet.contains(identifier) {
            let near = targetWords.first {
                TextRules.editDistance($0.word, identifier) <= max(1, identifier.count / 3)
                    || $0.word.commonPrefix(with: identifier).count >= max(4, identifier.count / 2)
            }
            add(.error, "identifier-altered", near.map { "code identifier '\(identifier)' is altered to '\($0.word)'" }
                    ?? "code identifier '\(identifier)' of the source is missing",
                range: near.map { $0.start..<$0.end }, expected: "'\(identifier)' exactly as in the source (identifiers are not translated)")
        }
        // Glossed identifiers: "Nicht autorisiert (Unauthorized)".
        let items = view.items
        for word in targetWords where codeNames.contains(word.word) || sourceWords.first.map({ $0.word == word.word && sourceWords.count == 1 }) == true {
            guard let index = items.firstIndex(where: { $0.offset == word.start }), index > 0, items[index - 1].scalar == "(" else { continue }
            let before = targetWords.filter { $0.end <= word.start }
            guard !before.isEmpty, !sourceView.string.contains("(" + word.word) else { continue }
            add(.warning, "identifier-translated", "code identifier '\(word.word)' is translated, with the original in parentheses",
                range: before.first!.start..<(word.end + 1), expected: "either the identifier as is or a translation, not both")
        }
        // Source-language words left in the translation.
        do {
            var run: [(word: String, start: Int, end: Int, index: Int, technical: Bool)] = []
            func flush(_ run: [(word: String, start: Int, end: Int, index: Int, technical: Bool)]) {
                guard !run.isEmpty else { return }
                let words = run.map(\.word)
                add(.warning, "untranslated-segment",
                    "source-language \(words.count == 1 ? "word" : "words") left untranslated: " + words.map { "'\($0)'" }.joined(separator: ", "),
                    range: run.first!.start..<run.last!.end, expected: "a \(locale) translation")
            }
            for word in targetWords {
                let w = word.word
                let english = sourceSet.contains(w) && w.unicodeScalars.count >= 3 && !shared.contains(w.lowercased()) && !codeNames.contains(w)
                    && TextRules.uppercaseCount(w) <= 1 && !w.unicodeScalars.contains { $0.properties.numericType != nil }
                    && !w.contains("-") && !w.contains("_") && !identifiers.contains(w)
                    && !(field != "pattern" && TextRules.isCamelCase(w)) && !word.technical
                if english {
                    run.append(word)
                } else if !run.isEmpty {
                    flush(run)
                    run = []
                }
            }
            flush(run)
        }
        // Capitalisation: an all-caps word the source does not have.
        let acronyms: Set<String> = ["API", "APIs", "URL", "URI", "JSON", "HTTP", "HTTPS", "ID", "IDs", "IP", "DNS", "OS", "MD", "SHA", "GUID", "IPv", "XDR", "EDR", "CPU", "UTC"]
        for word in targetWords where TextRules.isAllCaps(word.word) && !sourceSet.contains(word.word) && !acronyms.contains(word.word) {
            let lower = word.word.lowercased()
            let suggestion = lower.prefix(1).uppercased() + lower.dropFirst()
            add(.warning, "capitalisation", "'\(word.word)' is in capitals, which the source is not",
                range: word.start..<word.end, expected: "'\(lower)' or '\(suggestion)'")
        }
        // Capitals in mid-sentence, in a language that does not capitalise nouns ("n'est pas Valide").
        if rules.capitalisesNouns == false {
            checkMidSentenceCapitals(view, targetWords: targetWords, sourceSet: sourceSet, codeNames: codeNames)
        }
        if field == "pattern" {
            checkUnbalanced(view)
            checkPlaceholderPosition(view, targetWords: targetWords)
        }
    }

    /// A word with a capital first letter in mid-sentence (not after `.`, `!`, `?` or at the start),
    /// which the source does not have, in a language that writes nouns in lower case.
    mutating func checkMidSentenceCapitals(_ view: LiteralView, targetWords: [(word: String, start: Int, end: Int, index: Int, technical: Bool)],
                                           sourceSet: Set<String>, codeNames: Set<String>) {
        let items = view.items
        for word in targetWords {
            let scalars = Array(word.word.unicodeScalars)
            guard let first = scalars.first, first.properties.isUppercase, TextRules.uppercaseCount(word.word) == 1, scalars.count >= 2,
                  !sourceSet.contains(word.word), !codeNames.contains(word.word), !word.technical,
                  let index = items.firstIndex(where: { $0.offset == word.start }) else { continue }
            // The previous non-space character: none (the start), or a sentence end, allows a capital.
            var previous = index - 1
            while previous >= 0, items[previous].scalar.properties.isWhitespace { previous -= 1 }
            guard previous >= 0 else { continue }
            let before = items[previous].scalar
            if ".!?…\"«“„(".unicodeScalars.contains(before) { continue }
            // After a placeholder at the very start ("{action} …") the sentence has begun already.
            if before == LiteralView.placeholder, previous == 0 { continue }
            if LanguageRules.technical.contains(word.word.lowercased()) { continue }
            let lower = String(first.properties.lowercaseMapping) + String(String.UnicodeScalarView(scalars.dropFirst()))
            add(.warning, "capitalisation", "'\(word.word)' has a capital in mid-sentence, which \(locale) does not use for an ordinary word",
                range: word.start..<word.end, expected: "'\(lower)', unless it is a name")
        }
    }

    /// A placeholder between an article and its noun ("Die {ipAddress} IP-Adresse"): the
    /// placeholder was moved into the noun phrase, typically by machine translation.
    mutating func checkPlaceholderPosition(_ view: LiteralView, targetWords: [(word: String, start: Int, end: Int, index: Int, technical: Bool)]) {
        let set = rules.articles
        guard !set.isEmpty else { return }
        let items = view.items
        for (i, item) in items.enumerated() where item.scalar == LiteralView.placeholder {
            guard i >= 2, i + 2 < items.count, items[i - 1].scalar == " ", items[i + 1].scalar == " " else { continue }
            guard let article = targetWords.last(where: { $0.end <= items[i - 1].offset }), article.end == items[i - 1].offset,
                  set.contains(article.word.lowercased()),
                  let noun = targetWords.first(where: { $0.start >= items[i + 1].offset + 1 }), noun.start == items[i + 2].offset
            else { continue }
            // Where nouns take a capital, the word after the placeholder must be one.
            if rules.capitalisesNouns == true, !(noun.word.unicodeScalars.first?.properties.isUppercase ?? false) { continue }
            add(.warning, "placeholder-position",
                "the placeholder sits between the article '\(article.word)' and its noun '\(noun.word)': moved into the noun phrase?",
                range: article.start..<noun.end, expected: "the placeholder after the noun it names, e.g. '\(article.word) \(noun.word) {…}'")
        }
    }

    mutating func checkWhitespace(_ view: LiteralView, pattern: String, locale: String) {
        let scalars = Array(pattern.unicodeScalars)
        if let first = scalars.first, first.properties.isWhitespace {
            add(.warning, "whitespace", "leading whitespace", range: 0..<1, expected: "no space at the start")
        }
        if let last = scalars.last, last.properties.isWhitespace {
            add(.warning, "whitespace", "trailing whitespace", range: (scalars.count - 1)..<scalars.count, expected: "no space at the end")
        }
        let items = view.items
        let spaced = LanguageRules.forLocale(locale).spacedPunctuation
        var i = 0
        while i + 1 < items.count {
            let a = items[i].scalar, b = items[i + 1].scalar
            let aSpace = a == " " || a == "\u{A0}" || a == "\t"
            if aSpace, b == " " || b == "\u{A0}" || b == "\t", items[i].offset + 1 == items[i + 1].offset {
                var j = i + 1
                while j < items.count, items[j].scalar == " " || items[j].scalar == "\u{A0}" { j += 1 }
                add(.warning, "whitespace", "\(j - i) spaces in a row", range: items[i].offset..<(items[j - 1].offset + 1), expected: "one space")
                i = j
                continue
            }
            if aSpace, i > 0, items[i].offset + 1 == items[i + 1].offset,
               ".,:;!?)".unicodeScalars.contains(b), !spaced.contains(b) {
                add(.warning, "whitespace", "a space before '\(b)'", range: items[i].offset..<(items[i + 1].offset + 1),
                    expected: "'\(b)' directly after the preceding word or placeholder")
            }
            i += 1
        }
    }

    mutating func checkFinalPunctuation(target: String, source: String) {
        let a = TextRules.finalPunctuation(source), b = TextRules.finalPunctuation(target)
        guard a != b else { return }
        let count = text.unicodeScalars.count
        add(.warning, "final-punctuation",
            b.isEmpty ? "the translation has no final '\(a)'" : a.isEmpty ? "the translation ends with '\(b)', the source has no final punctuation"
                : "the translation ends with '\(b)', the source with '\(a)'",
            range: max(0, count - 1)..<count, expected: a.isEmpty ? "no final punctuation, as in the source" : "a final '\(a)', as in the source")
    }
}

extension String {
    func trimmingBackslash() -> String {
        var s = Substring(self)
        while s.hasSuffix("\\") { s = s.dropLast() }
        while s.hasPrefix("\\") { s = s.dropFirst() }
        return String(s).trimmingSpaces()
    }
    func trimmingSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
    }
}
