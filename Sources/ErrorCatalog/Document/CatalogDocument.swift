/// A catalog exactly as its files say, read once, with the position of every code, key, template
/// and text. It is the one reader of the catalog format: the loader validates it into a `Catalog`,
/// the review checks it (also when it does not load), the exchange formats merge into it, and
/// `CatalogWriter` writes it back in the documented layout.
public struct CatalogDocument: Sendable, Hashable {
    public var files: [DocumentFile]

    public init(files: [DocumentFile]) { self.files = files }

    /// The file that declares statuses and placeholders (the source locale), if exactly one does.
    public var source: DocumentFile? {
        let sources = files.filter(\.isSource)
        return sources.count == 1 ? sources[0] : nil
    }

    /// The other files, by locale.
    public var translations: [DocumentFile] {
        guard let source else { return files.filter { !$0.isSource }.sorted { $0.locale < $1.locale } }
        return files.filter { $0.fileName != source.fileName }.sorted { $0.locale < $1.locale }
    }

    /// The file that serves `locale` as negotiation would: the file of that tag, else of a parent
    /// (`de-AT` → `de`), else the one file of the same language family (`de` → `de-DE.json`).
    public func file(serving locale: String) -> DocumentFile? {
        if let exact = file(locale: locale) { return exact }
        guard let wanted = LocaleTag(locale) else { return nil }
        for parent in wanted.fallbackChain.dropFirst() {
            if let found = files.first(where: { LocaleTag($0.locale) == parent }) { return found }
        }
        let family = files.filter { LocaleTag($0.locale)?.isSameFamily(as: wanted) == true }
        return family.count == 1 ? family[0] : nil
    }

    /// The file of `locale` (compared as locale tags: `de_DE` finds `de-DE.json`).
    public func file(locale: String) -> DocumentFile? {
        guard let wanted = LocaleTag(locale) else { return files.first { $0.locale == locale } }
        return files.first { LocaleTag($0.locale) == wanted }
    }
}

/// One `<locale>.json` file of a catalog.
public struct DocumentFile: Sendable, Hashable {
    /// The file's name (`de.json`).
    public var fileName: String
    /// Where it was read from, when read from a directory; problems name this path.
    public var path: String?
    public var catalog: String
    public var locale: String
    public var codes: [DocumentCode]
    /// Where `"locale"`'s value is (nil for a file built in memory).
    public var localePosition: SourcePosition?
    /// Whether the file declares statuses or placeholders: the source of the catalog.
    public var isSource: Bool
    /// Index of `codes` by name (the first entry of a name when it is declared twice).
    private var index: [String: Int]

    public init(fileName: String, catalog: String, locale: String, codes: [DocumentCode], isSource: Bool? = nil) {
        self.fileName = fileName
        self.path = nil
        self.catalog = catalog
        self.locale = locale
        self.codes = codes
        self.localePosition = nil
        self.isSource = isSource ?? codes.contains { $0.status != nil || $0.placeholders != nil }
        self.index = [:]
        reindex()
    }

    public func code(_ name: String) -> DocumentCode? {
        if let position = index[name], position < codes.count, codes[position].code == name { return codes[position] }
        return codes.first { $0.code == name }
    }

    /// The position of `codes` entry `name`, if present.
    public func codeIndex(_ name: String) -> Int? {
        if let position = index[name], position < codes.count, codes[position].code == name { return position }
        return codes.firstIndex { $0.code == name }
    }

    /// The name problems are reported under: the path when read from disk, else the file name.
    public var displayName: String { path ?? fileName }

    public static func == (a: DocumentFile, b: DocumentFile) -> Bool {
        a.fileName == b.fileName && a.path == b.path && a.catalog == b.catalog && a.locale == b.locale && a.codes == b.codes
            && a.localePosition == b.localePosition && a.isSource == b.isSource
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileName)
        hasher.combine(locale)
        hasher.combine(codes)
    }

    /// Rebuilds the name index after `codes` was changed in place.
    public mutating func reindex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(codes.count)
        for (position, code) in codes.enumerated() where index[code.code] == nil { index[code.code] = position }
        self.index = index
    }
}

/// One entry of `"codes"`.
public struct DocumentCode: Sendable, Hashable {
    public var code: String
    /// Source only.
    public var status: Int?
    /// Source only (`nil` in a translation).
    public var placeholders: [DocumentPlaceholder]?
    public var templates: [DocumentTemplate]
    /// `nil` when the entry has no `"observed"` key.
    public var observed: [DocumentTemplate]?
    public var description: String?
    public var hint: String?
    /// Where the code's name is (the value of `"code"`).
    public var position: SourcePosition?
    public var descriptionLocation: JSONStringLocation?
    public var hintLocation: JSONStringLocation?

    public init(code: String, status: Int? = nil, placeholders: [DocumentPlaceholder]? = nil, templates: [DocumentTemplate] = [],
                observed: [DocumentTemplate]? = nil, description: String? = nil, hint: String? = nil) {
        self.code = code
        self.status = status
        self.placeholders = placeholders
        self.templates = templates
        self.observed = observed
        self.description = description
        self.hint = hint
    }

    /// A template or observed wording by id.
    public func template(_ id: String) -> DocumentTemplate? {
        templates.first { $0.id == id } ?? observed?.first { $0.id == id }
    }
}

public struct DocumentPlaceholder: Sendable, Hashable {
    public var name: String
    /// The type as written (validated by the loader against `PlaceholderType`).
    public var type: String
    public var rejected: Bool
    public var description: String?
    public var position: SourcePosition?

    public init(name: String, type: String, rejected: Bool = false, description: String? = nil) {
        self.name = name
        self.type = type
        self.rejected = rejected
        self.description = description
    }
}

public struct DocumentTemplate: Sendable, Hashable {
    public var id: String
    public var pattern: String
    /// The source text a translation was made from.
    public var from: String?
    public var origin: String?
    public var note: String?
    public var position: SourcePosition?
    public var patternLocation: JSONStringLocation?
    public var noteLocation: JSONStringLocation?

    public init(id: String, pattern: String, from: String? = nil, origin: String? = nil, note: String? = nil) {
        self.id = id
        self.pattern = pattern
        self.from = from
        self.origin = origin
        self.note = note
    }
}
