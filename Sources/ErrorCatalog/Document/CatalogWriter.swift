import Foundation

/// The one writer of catalog files: the documented layout (`Catalogs/README.md`) with a stable key
/// order, written atomically. Every command that writes a catalog file (`import`, `pseudo`,
/// `import-docs`) goes through it.
///
/// Layout: two-space indentation, `"key": value`, non-ASCII kept as UTF-8, arrays of objects one
/// item per block, empty arrays as `[]`, a final newline — what Python's
/// `json.dumps(indent=2, ensure_ascii=False)` writes, so hand-edited and generated files diff cleanly.
/// Key order: `catalog`, `locale`, `codes`; in a code `code`, `status`, `placeholders`, `templates`,
/// `observed`, `description`, `hint`; in a template `id`, `pattern`, `from`, `origin`, `note`; in a
/// placeholder `name`, `type`, `rejected` (only when true), `description`.
public enum CatalogWriter {
    /// The file's JSON text in the documented layout (`JSONWriter`'s catalog-file layout, keys in
    /// the order above, a final newline).
    public static func text(of file: DocumentFile) -> String {
        JSONWriter.string(value(of: file), layout: .catalogFile) + "\n"
    }

    /// The file as a JSON value with the documented key order.
    package static func value(of file: DocumentFile) -> JSONValue {
        func template(_ t: DocumentTemplate) -> JSONValue {
            var pairs: [(key: String, value: JSONValue)] = [("id", .string(t.id)), ("pattern", .string(t.pattern))]
            if let from = t.from { pairs.append(("from", .string(from))) }
            if let origin = t.origin { pairs.append(("origin", .string(origin))) }
            if let note = t.note { pairs.append(("note", .string(note))) }
            return .object(pairs)
        }
        let codes: [JSONValue] = file.codes.map { code in
            var pairs: [(key: String, value: JSONValue)] = [("code", .string(code.code))]
            if let status = code.status { pairs.append(("status", .integer(Int64(status)))) }
            if let placeholders = code.placeholders {
                pairs.append(("placeholders", .array(placeholders.map { p in
                    var items: [(key: String, value: JSONValue)] = [("name", .string(p.name)), ("type", .string(p.type))]
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
        return .object([("catalog", .string(file.catalog)), ("locale", .string(file.locale)), ("codes", .array(codes))])
    }

    /// Writes `file` as `directory/<fileName's last component>` atomically: the text goes to a
    /// temporary file in the same directory, is flushed, and is renamed over the old file, so a
    /// reader sees the old file or the new one, never a part. Returns the path written.
    @discardableResult
    public static func write(_ file: DocumentFile, into directory: String) throws(CatalogWriteError) -> String {
        let path = (directory as NSString).appendingPathComponent((file.fileName as NSString).lastPathComponent)
        try write(text(of: file), to: path)
        return path
    }

    /// Writes catalog text to `path` atomically (see `write(_:into:)`).
    public static func write(_ text: String, to path: String) throws(CatalogWriteError) {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw CatalogWriteError(path: path, reason: error.reason)
        }
    }
}

/// A catalog file could not be written; the file on disk was not changed.
public struct CatalogWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write '\(Sanitized.visible(path))': \(reason); the file on disk was not changed" }
}
