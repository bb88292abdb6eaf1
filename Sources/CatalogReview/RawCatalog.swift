import ErrorCatalog
import Foundation

/// A catalog read straight from its JSON files, without the loader's validation, so that a review
/// can report on a catalog that does not load (a translation that drops a placeholder, a syntax
/// error …) and an import can merge into it. Keys are kept in the bundled files' order.
public struct RawTemplate: Sendable, Hashable {
    public var id: String
    public var pattern: String
    public var from: String?
    public var origin: String?
    public var note: String?
    public init(id: String, pattern: String, from: String? = nil, origin: String? = nil, note: String? = nil) {
        self.id = id
        self.pattern = pattern
        self.from = from
        self.origin = origin
        self.note = note
    }
}

public struct RawPlaceholder: Sendable, Hashable {
    public var name: String
    public var type: String
    public var rejected: Bool
    public var description: String?
    public init(name: String, type: String, rejected: Bool = false, description: String? = nil) {
        self.name = name
        self.type = type
        self.rejected = rejected
        self.description = description
    }
}

public struct RawCode: Sendable, Hashable {
    public var code: String
    /// Source only.
    public var status: Int?
    /// Source only (`nil` in a translation).
    public var placeholders: [RawPlaceholder]?
    public var templates: [RawTemplate]
    /// `nil` when the file has no "observed" key for this code.
    public var observed: [RawTemplate]?
    public var description: String?
    public var hint: String?
    public init(code: String, status: Int? = nil, placeholders: [RawPlaceholder]? = nil, templates: [RawTemplate] = [],
                observed: [RawTemplate]? = nil, description: String? = nil, hint: String? = nil) {
        self.code = code
        self.status = status
        self.placeholders = placeholders
        self.templates = templates
        self.observed = observed
        self.description = description
        self.hint = hint
    }
}

public struct RawLocaleFile: Sendable, Hashable {
    /// The file name shown in findings (`de.json`).
    public var fileName: String
    public var catalog: String
    public var locale: String
    public var codes: [RawCode]
    /// The file's text as read (for line numbers); empty for a file built in memory.
    public var text: String
    public var isSource: Bool { codes.contains { $0.status != nil || $0.placeholders != nil } }

    public init(fileName: String, catalog: String, locale: String, codes: [RawCode], text: String = "") {
        self.fileName = fileName
        self.catalog = catalog
        self.locale = locale
        self.codes = codes
        self.text = text
    }

    public func code(_ name: String) -> RawCode? { codes.first { $0.code == name } }
}

/// A problem reading a file (bad JSON, not an object …).
public struct RawReadProblem: Error, Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var message: String
}

public struct RawCatalog: Sendable, Hashable {
    public var files: [RawLocaleFile]
    public var source: RawLocaleFile? { files.first { $0.isSource } }
    public var translations: [RawLocaleFile] { files.filter { !$0.isSource }.sorted { $0.locale < $1.locale } }

    public init(files: [RawLocaleFile]) { self.files = files }

    public func file(locale: String) -> RawLocaleFile? {
        files.first { $0.locale.lowercased() == locale.lowercased() }
    }

    /// Reads every `*.json` of a directory. Files that cannot be read are returned as problems.
    public static func read(directory: String) -> (RawCatalog, [RawReadProblem]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var texts: [String: String] = [:]
        var problems: [RawReadProblem] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(RawReadProblem(file: name, message: "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(RawReadProblem(file: name, message: "the file is not valid UTF-8"))
                continue
            }
            texts[name] = text
        }
        if names.isEmpty {
            problems.append(RawReadProblem(file: directory, message: "no catalog .json files in this directory"))
        }
        let (catalog, more) = read(files: texts)
        return (catalog, problems + more)
    }

    /// Reads in-memory files (file name → JSON text).
    public static func read(files: [String: String]) -> (RawCatalog, [RawReadProblem]) {
        var result: [RawLocaleFile] = []
        var problems: [RawReadProblem] = []
        for name in files.keys.sorted() {
            let text = files[name]!
            do {
                result.append(try parseFile(name: name, text: text))
            } catch let problem as RawReadProblem {
                problems.append(problem)
            } catch {
                problems.append(RawReadProblem(file: name, message: "\(error)"))
            }
        }
        return (RawCatalog(files: result), problems)
    }

    static func parseFile(name: String, text: String) throws -> RawLocaleFile {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw RawReadProblem(file: name, line: nil, message: "not valid JSON: \(detail)")
        }
        guard let top = object as? [String: Any] else {
            throw RawReadProblem(file: name, line: 1, message: "the file is not a JSON object")
        }
        let fallbackLocale = (name as NSString).deletingPathExtension
        var codes: [RawCode] = []
        for raw in top["codes"] as? [Any] ?? [] {
            guard let dict = raw as? [String: Any], let code = dict["code"] as? String else { continue }
            var entry = RawCode(code: code)
            entry.status = (dict["status"] as? NSNumber)?.intValue
            if let placeholders = dict["placeholders"] as? [Any] {
                entry.placeholders = placeholders.compactMap { item in
                    guard let p = item as? [String: Any], let name = p["name"] as? String else { return nil }
                    return RawPlaceholder(name: name, type: p["type"] as? String ?? "string",
                                          rejected: (p["rejected"] as? NSNumber)?.boolValue ?? false,
                                          description: p["description"] as? String)
                }
            }
            entry.templates = templates(dict["templates"])
            if dict["observed"] != nil { entry.observed = templates(dict["observed"]) }
            entry.description = dict["description"] as? String
            entry.hint = dict["hint"] as? String
            codes.append(entry)
        }
        return RawLocaleFile(fileName: name, catalog: top["catalog"] as? String ?? "",
                             locale: top["locale"] as? String ?? fallbackLocale, codes: codes, text: text)
    }

    private static func templates(_ value: Any?) -> [RawTemplate] {
        (value as? [Any] ?? []).compactMap { item in
            guard let t = item as? [String: Any], let id = t["id"] as? String, let pattern = t["pattern"] as? String else { return nil }
            return RawTemplate(id: id, pattern: pattern, from: t["from"] as? String, origin: t["origin"] as? String,
                               note: t["note"] as? String)
        }
    }
}

// MARK: Positions in the file

extension RawLocaleFile {
    /// The 1-based line of the `"code": "X"` entry.
    public func line(ofCode code: String) -> Int? {
        guard let range = text.range(of: "\"code\": \"\(JSONText.escape(code))\"") ?? text.range(of: "\"\(JSONText.escape(code))\"") else { return nil }
        return lineNumber(at: range.lowerBound)
    }

    /// The 1-based line and column of scalar `offset` inside the JSON string `value` that follows the code's entry.
    public func position(of value: String, afterCode code: String, offset: Int = 0) -> (line: Int, column: Int)? {
        let escaped = "\"" + JSONText.escape(value) + "\""
        let start = text.range(of: "\"code\": \"\(JSONText.escape(code))\"")?.lowerBound ?? text.startIndex
        guard let range = text.range(of: escaped, range: start..<text.endIndex) ?? text.range(of: escaped) else { return nil }
        let line = lineNumber(at: range.lowerBound)
        let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text.unicodeScalars[lineStart..<range.lowerBound].count + 1
        let prefix = String(String.UnicodeScalarView(value.unicodeScalars.prefix(offset)))
        return (line, column + 1 + JSONText.escape(prefix).unicodeScalars.count)
    }

    private func lineNumber(at index: String.Index) -> Int {
        text.utf8[..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

// MARK: Writing in the bundled layout

/// Writes catalog JSON exactly like the bundled files: two-space indentation, `"key": value`,
/// non-ASCII kept as is, arrays of objects one item per block, empty arrays as `[]`, a final newline
/// (the layout of Python's `json.dumps(indent=2, ensure_ascii=False)`).
public enum JSONText {
    public static func escape(_ text: String) -> String {
        JSONEscape.escape(text)
    }

    indirect enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])
    }

    static func render(_ value: Value, indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .string(let s): return "\"" + escape(s) + "\""
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + render($0, indent: indent + 2) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + "\"" + escape($0.0) + "\": " + render($0.1, indent: indent + 2) }.joined(separator: ",\n")
                + "\n" + pad + "}"
        }
    }
}

extension RawLocaleFile {
    /// The file as JSON text in the bundled layout.
    public func jsonText() -> String {
        func template(_ t: RawTemplate) -> JSONText.Value {
            var pairs: [(String, JSONText.Value)] = [("id", .string(t.id)), ("pattern", .string(t.pattern))]
            if let from = t.from { pairs.append(("from", .string(from))) }
            if let origin = t.origin { pairs.append(("origin", .string(origin))) }
            if let note = t.note { pairs.append(("note", .string(note))) }
            return .object(pairs)
        }
        let codes: [JSONText.Value] = codes.map { code in
            var pairs: [(String, JSONText.Value)] = [("code", .string(code.code))]
            if let status = code.status { pairs.append(("status", .int(status))) }
            if let placeholders = code.placeholders {
                pairs.append(("placeholders", .array(placeholders.map { p in
                    var items: [(String, JSONText.Value)] = [("name", .string(p.name)), ("type", .string(p.type))]
                    if p.rejected { items.append(("rejected", .bool(true))) }
                    if let d = p.description { items.append(("description", .string(d))) }
                    return .object(items)
                })))
            }
            pairs.append(("templates", .array(code.templates.map(template))))
            if let observed = code.observed { pairs.append(("observed", .array(observed.map(template)))) }
            if let d = code.description { pairs.append(("description", .string(d))) }
            if let h = code.hint { pairs.append(("hint", .string(h))) }
            return .object(pairs)
        }
        let top: JSONText.Value = .object([("catalog", .string(catalog)), ("locale", .string(locale)), ("codes", .array(codes))])
        return JSONText.render(top) + "\n"
    }
}
