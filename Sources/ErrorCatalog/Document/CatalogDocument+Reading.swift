import Foundation

extension CatalogDocument {
    /// Reads every `*.json` file of a catalog directory into a document. Problems of form (not
    /// JSON, a key of the wrong type, an unknown key …) come back with their positions; what could
    /// be read is kept, so a review still sees the rest of a broken catalog.
    public static func read(directory: String) -> (CatalogDocument, [CatalogProblem]) {
        var problems: [CatalogProblem] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            problems.append(CatalogProblem(check: "io", file: directory, message: "no such catalog directory",
                expected: "a directory with one <locale>.json file per locale, such as Catalogs/defender"))
            return (CatalogDocument(files: []), problems)
        }
        guard isDirectory.boolValue else {
            problems.append(CatalogProblem(check: "io", file: directory, message: "this is a file, not a catalog directory",
                expected: "a directory with one <locale>.json file per locale, such as Catalogs/defender"))
            return (CatalogDocument(files: []), problems)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            problems.append(CatalogProblem(check: "io", file: directory, message: "cannot list the directory: \(error.localizedDescription)"))
            return (CatalogDocument(files: []), problems)
        }
        if names.isEmpty {
            problems.append(CatalogProblem(check: "io", file: directory, message: "the catalog directory has no .json files",
                expected: "one <locale>.json file per locale (en.json declares the codes, de.json translates them)"))
        }
        var files: [DocumentFile] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(CatalogProblem(check: "io", file: path, message: "cannot read the file"))
                continue
            }
            if let file = readFile(bytes: data, name: name, path: path, problems: &problems) { files.append(file) }
        }
        return (CatalogDocument(files: files), problems)
    }

    /// Reads in-memory files (file name → JSON text); only names ending in `.json` are catalog files.
    public static func read(files: [String: String]) -> (CatalogDocument, [CatalogProblem]) {
        var problems: [CatalogProblem] = []
        var result: [DocumentFile] = []
        for name in files.keys.sorted() where name.hasSuffix(".json") {
            if let file = readFile(bytes: Data(files[name]!.utf8), name: name, problems: &problems) { result.append(file) }
        }
        if result.isEmpty && problems.isEmpty {
            problems.append(CatalogProblem(check: "io", file: "<memory>", message: "no catalog .json files were given",
                expected: "one <locale>.json file per locale (en.json declares the codes, de.json translates them)"))
        }
        return (CatalogDocument(files: result), problems)
    }

    /// Reads one file's bytes. Returns `nil` when nothing of it could be used (not UTF-8, not JSON,
    /// not an object, no locale); its problems are appended either way.
    public static func readFile(bytes data: Data, name: String, path: String? = nil, problems: inout [CatalogProblem]) -> DocumentFile? {
        let shown = path ?? name
        let parsed: ReadOutcome = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if String(validating: bytes, as: UTF8.self) == nil {
                let where_ = UTF8Check.firstInvalid(bytes)
                return .failure(CatalogProblem(check: "io", file: shown, line: where_?.line, column: where_?.column,
                    message: "the file is not valid UTF-8 (byte \(where_.map { String($0.offset) } ?? "?"))", expected: "UTF-8 text"))
            }
            do throws(JSONSyntaxError) {
                return .success(try JSONReader.parse(bytes))
            } catch {
                return .failure(CatalogProblem(check: "json", file: shown, line: error.position.line, column: error.position.column,
                    message: "not valid JSON: \(error.message)", expected: error.expected))
            }
        }
        switch parsed {
        case .failure(let problem):
            problems.append(problem)
            return nil
        case .success(let node):
            var reader = DocumentReader(fileName: name, shownName: shown)
            var file = reader.file(node)
            file?.path = path
            problems += reader.problems
            return file
        }
    }
}

private enum ReadOutcome {
    case success(JSONNode)
    case failure(CatalogProblem)
}

/// Accepted keys, for "unknown key" messages.
enum DocumentKeys {
    static let top = ["catalog", "locale", "codes"]
    static let sourceCode = ["code", "status", "placeholders", "templates", "observed", "description", "hint"]
    static let translatedCode = ["code", "templates", "observed", "description", "hint"]
    static let placeholder = ["name", "type", "rejected", "description"]
    static let sourceTemplate = ["id", "pattern", "origin", "note"]
    static let translatedTemplate = ["id", "pattern", "from", "origin", "note"]
}

/// An object's members, looked up by key (the first of a duplicated key wins).
struct Members {
    let list: [JSONMember]

    /// A catalog reader looks up a fixed handful of keys per object, so even a huge object costs
    /// a linear number of comparisons.
    subscript(key: String) -> JSONMember? {
        for index in list.indices where list[index].key == key { return list[index] }
        return nil
    }
}

/// Turns a file's JSON tree into a `DocumentFile`, reporting every problem of form with its position.
struct DocumentReader {
    let fileName: String
    /// The name problems are reported under (the path, when read from disk).
    let shownName: String
    var problems: [CatalogProblem] = []

    init(fileName: String, shownName: String) {
        self.fileName = fileName
        self.shownName = shownName
    }

    private mutating func problem(_ check: String, at position: SourcePosition?, code: String? = nil, variant: String? = nil,
                                  _ message: String, expected: String? = nil) {
        problems.append(CatalogProblem(check: check, file: shownName, line: position?.line, column: position?.column, code: code,
                                       variant: variant, message: message, expected: expected))
    }

    /// Members by key; a key given twice is reported (JSON parsers disagree on which one wins).
    private mutating func members(_ list: [JSONMember], code: String?) -> Members {
        // Catalog objects have a handful of keys: a linear scan beats hashing. A large object
        // (only a hostile or broken file has one) is checked through a set, to stay linear.
        var duplicates: [Int] = []
        if list.count <= 16 {
            for i in list.indices.dropFirst() where list[..<i].contains(where: { $0.key == list[i].key }) { duplicates.append(i) }
        } else {
            var seen: Set<String> = []
            for i in list.indices where !seen.insert(list[i].key).inserted { duplicates.append(i) }
        }
        for i in duplicates {
            problem("duplicate-key", at: list[i].keyPosition, code: code, "the key \"\(list[i].key)\" occurs twice in the same object",
                    expected: "each key once")
        }
        return Members(list: list)
    }

    private mutating func checkKeys(_ list: [JSONMember], accepted: [String], code: String?, what: String) {
        for member in list where !accepted.contains(member.key) {
            let suggestion = Catalog.closest(member.key, among: accepted).map { " (did you mean \"\($0)\"?)" } ?? ""
            problem("unknown-key", at: member.keyPosition, code: code, "unknown key \"\(member.key)\" \(what)\(suggestion)",
                    expected: "keys: " + accepted.joined(separator: ", "))
        }
    }

    mutating func file(_ node: JSONNode) -> DocumentFile? {
        guard case .object(let topList, _) = node else {
            problem("json", at: node.position, "the file is \(node.kindName), not a JSON object", expected: "{\"locale\": \"en\", \"codes\": [ … ]}")
            return nil
        }
        let top = members(topList, code: nil)
        checkKeys(topList, accepted: DocumentKeys.top, code: nil, what: "at the top level")
        let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let localeMember = top["locale"] else {
            problem("missing-key", at: node.position, "missing \"locale\"", expected: "\"locale\": \"\(stem)\" (a BCP 47 tag such as en, de, de-AT)")
            return nil
        }
        guard case .string(let locale, let localeLocation) = localeMember.value else {
            problem("locale", at: localeMember.value.position, "\"locale\" is \(localeMember.value.kindName), not text",
                    expected: "\"locale\": \"\(stem)\" (a BCP 47 tag such as en, de, de-AT)")
            return nil
        }
        do throws(LocaleTagError) {
            let tag = try LocaleTag(parsing: locale)
            if LocaleTag(stem) != tag {
                problem("locale", at: localeLocation.start, "the file declares locale '\(locale)' but is named \(stem).json",
                        expected: "name the file \(tag.identifier).json")
            }
        } catch {
            problem("locale", at: localeLocation.start, "'\(locale)' is not a BCP 47 locale tag: \(error.detail)", expected: "a tag such as en, de, de-AT, pt-BR")
        }
        var catalogName = ""
        if let member = top["catalog"] {
            if case .string(let name, _) = member.value { catalogName = name } else {
                problem("json", at: member.value.position, "\"catalog\" is \(member.value.kindName), not text", expected: "\"catalog\": \"defender\"")
            }
        }
        guard let codesMember = top["codes"] else {
            problem("missing-key", at: node.position, "missing \"codes\"", expected: "\"codes\": [ {\"code\": \"InvalidHashValue\", …}, … ]")
            return nil
        }
        guard case .array(let items, _) = codesMember.value else {
            problem("missing-key", at: codesMember.value.position, "\"codes\" is \(codesMember.value.kindName), not an array",
                    expected: "\"codes\": [ {\"code\": \"InvalidHashValue\", …}, … ]")
            return nil
        }
        // Source or translation: a file whose codes carry a status or placeholders is the source.
        let isSource = items.contains { item in
            guard case .object(let list, _) = item else { return false }
            return list.contains { $0.key == "status" || $0.key == "placeholders" }
        }
        var codes: [DocumentCode] = []
        codes.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if let code = code(item, number: position + 1, isSource: isSource) { codes.append(code) }
        }
        var file = DocumentFile(fileName: fileName, catalog: catalogName, locale: locale, codes: codes, isSource: isSource)
        file.localePosition = localeLocation.start
        return file
    }

    private mutating func code(_ node: JSONNode, number: Int, isSource: Bool) -> DocumentCode? {
        guard case .object(let list, let objectPosition) = node else {
            problem("json", at: node.position, "item \(number) of \"codes\" is \(node.kindName), not an object", expected: "{\"code\": \"…\", …}")
            return nil
        }
        let dict = members(list, code: nil)
        guard let codeMember = dict["code"], case .string(let name, let nameLocation) = codeMember.value, !name.isEmpty else {
            problem("missing-key", at: dict["code"]?.value.position ?? objectPosition,
                    "code \(number) has no \"code\"" + (dict["code"] != nil ? " text" : ""), expected: "\"code\": \"InvalidHashValue\"")
            return nil
        }
        var entry = DocumentCode(code: name)
        entry.position = nameLocation.start
        checkKeys(list, accepted: isSource ? DocumentKeys.sourceCode : DocumentKeys.translatedCode, code: name,
                  what: isSource ? "in a code of the source" : "in a translated code")
        if let member = dict["status"] {
            if case .number(let literal, _) = member.value, let value = Int(literal) {
                entry.status = value
            } else {
                problem("status", at: member.value.position, code: name, "\"status\" is not a whole number",
                        expected: "\"status\": 400 (an HTTP error status, 400–599)")
            }
        }
        if let member = dict["placeholders"] {
            if case .array(let items, _) = member.value {
                var placeholders: [DocumentPlaceholder] = []
                for item in items {
                    if let placeholder = placeholder(item, code: name) { placeholders.append(placeholder) }
                }
                entry.placeholders = placeholders
            } else {
                problem("placeholder", at: member.value.position, code: name, "\"placeholders\" is \(member.value.kindName), not an array",
                        expected: "\"placeholders\": [ {\"name\": …, \"type\": …} ]")
                entry.placeholders = []
            }
        }
        let templateKeys = isSource ? DocumentKeys.sourceTemplate : DocumentKeys.translatedTemplate
        entry.templates = templates(dict["templates"], key: "templates", code: name, accepted: templateKeys) ?? []
        entry.observed = templates(dict["observed"], key: "observed", code: name, accepted: DocumentKeys.translatedTemplate)
        if let (text, location) = text(dict["description"], key: "description", code: name) {
            entry.description = text
            entry.descriptionLocation = location
        }
        if let (text, location) = text(dict["hint"], key: "hint", code: name) {
            entry.hint = text
            entry.hintLocation = location
        }
        return entry
    }

    private mutating func placeholder(_ node: JSONNode, code: String) -> DocumentPlaceholder? {
        guard case .object(let list, let position) = node else {
            problem("placeholder", at: node.position, code: code, "a placeholder is \(node.kindName), not an object",
                    expected: "{\"name\": \"hash\", \"type\": \"hash\"}")
            return nil
        }
        let dict = members(list, code: code)
        checkKeys(list, accepted: DocumentKeys.placeholder, code: code, what: "in a placeholder")
        guard let nameMember = dict["name"], case .string(let name, _) = nameMember.value, Identifier.isValid(name) else {
            problem("placeholder", at: dict["name"]?.value.position ?? position, code: code, "a placeholder has no valid \"name\"",
                    expected: "a name such as hash or clientVersion (letters, digits, _; not starting with a digit)")
            return nil
        }
        var type = ""
        if let member = dict["type"] {
            if case .string(let value, _) = member.value { type = value } else { type = "<\(member.value.kindName)>" }
        }
        var placeholder = DocumentPlaceholder(name: name, type: type)
        placeholder.position = position
        if let member = dict["rejected"] {
            if case .bool(let value, _) = member.value { placeholder.rejected = value } else {
                problem("placeholder", at: member.value.position, code: code, "\"rejected\" of '\(name)' is \(member.value.kindName), not true/false",
                        expected: "\"rejected\": true")
            }
        }
        if let (text, _) = text(dict["description"], key: "description", code: code) { placeholder.description = text }
        return placeholder
    }

    private mutating func templates(_ member: JSONMember?, key: String, code: String, accepted: [String]) -> [DocumentTemplate]? {
        guard let member else { return nil }
        guard case .array(let items, _) = member.value else {
            problem("json", at: member.value.position, code: code, "\"\(key)\" is \(member.value.kindName), not an array",
                    expected: "\"\(key)\": [ {\"id\": \"docs\", \"pattern\": \"…\"} ]")
            return []
        }
        var result: [DocumentTemplate] = []
        result.reserveCapacity(items.count)
        for (number, item) in items.enumerated() {
            guard case .object(let list, let position) = item else {
                problem("json", at: item.position, code: code, "item \(number + 1) of \"\(key)\" is \(item.kindName), not an object",
                        expected: "{\"id\": \"docs\", \"pattern\": \"…\"}")
                continue
            }
            let dict = members(list, code: code)
            guard let idMember = dict["id"], case .string(let id, _) = idMember.value, !id.isEmpty else {
                problem("missing-key", at: dict["id"]?.value.position ?? position, code: code, "item \(number + 1) of \"\(key)\" has no \"id\"",
                        expected: "\"id\": \"docs\" (a short name for the variant)")
                continue
            }
            checkKeys(list, accepted: accepted, code: code, what: key == "observed" ? "in an observed wording" : "in a template")
            guard let patternMember = dict["pattern"], case .string(let pattern, let location) = patternMember.value else {
                problem("missing-key", at: dict["pattern"]?.value.position ?? position, code: code, variant: id,
                        "template '\(id)' has no \"pattern\"" + (dict["pattern"] != nil ? " text" : ""),
                        expected: "\"pattern\": \"Hash value {hash} is invalid.\"")
                continue
            }
            var template = DocumentTemplate(id: id, pattern: pattern)
            template.position = position
            template.patternLocation = location
            template.from = text(dict["from"], key: "from", code: code, allowEmpty: true)?.0
            template.origin = text(dict["origin"], key: "origin", code: code, allowEmpty: true)?.0
            if let (note, noteLocation) = text(dict["note"], key: "note", code: code, allowEmpty: true) {
                template.note = note
                template.noteLocation = noteLocation
            }
            result.append(template)
        }
        return result
    }

    /// A text value: reported when it is not text (or empty, for texts a person reads).
    private mutating func text(_ member: JSONMember?, key: String, code: String, allowEmpty: Bool = false) -> (String, JSONStringLocation)? {
        guard let member else { return nil }
        guard case .string(let text, let location) = member.value else {
            problem("json", at: member.value.position, code: code, "\"\(key)\" is \(member.value.kindName), not text",
                    expected: "\"\(key)\": \"…\"")
            return nil
        }
        if !allowEmpty && text.isBlank {
            // Kept (empty) so that the loader does not also call it missing.
            problem("json", at: location.start, code: code, "\"\(key)\" is empty", expected: "\"\(key)\": \"…\" (text for a person to read)")
        }
        return (text, location)
    }
}
