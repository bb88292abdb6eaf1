#if canImport(Glibc)
import Glibc
#endif
import CatalogReview
import ErrorCatalog
import MessageFormatting
@_spi(Benchmarks) import MessageMatching
import MessageSyntax

/// The bundled catalog, found from this file's place in the checkout (or ERRCAT_CATALOG).
enum Bundled {
    static let directory: String = {
        if let environment = getenvString("ERRCAT_CATALOG") { return environment }
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Catalogs/defender"
    }()
    static let catalog: Catalog = {
        do { return try Catalog.load(directory: directory) } catch { fatalError("bundled catalog: \(error)") }
    }()
    static let matcher: MessageMatcher = {
        do { return try MessageMatcher(catalog: catalog) } catch { fatalError("matcher: \(error)") }
    }()
    static let slowMatcher = matcher.withAnchoredPass(false)
    static let formatter: CatalogFormatter = {
        do { return try CatalogFormatter(catalog: catalog) } catch { fatalError("formatter: \(error)") }
    }()
    static let raw: CatalogDocument = CatalogDocument.read(directory: directory).0
    /// Templates the reverse parser says cannot always round-trip.
    static let excused: Set<String> = Set(matcher.reversibilityReport().map { "\($0.code)/\($0.locale)/\($0.variant)" })
}

func getenvString(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}

/// A deterministic generator seeded from the input.
struct InputRNG: RandomNumberGenerator {
    var state: UInt64
    init(_ data: UnsafeRawBufferPointer) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        state = h
    }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum SyntaxTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let pattern = String(fuzz: data)
        let message: Message
        do {
            message = try MessageParser.parse(pattern)
        } catch {
            require(error.offset >= 0 && error.offset <= pattern.unicodeScalars.count + 1,
                    "syntax error offset \(error.offset) outside the pattern (\(pattern.unicodeScalars.count) scalars)")
            _ = error.description
            return
        }
        let printed = MessagePrinter.print(message)
        let reparsed: Message
        do {
            reparsed = try MessageParser.parse(printed)
        } catch {
            require(false, "the printer's output does not parse: \(printed.debugDescription): \(error)")
            return
        }
        require(reparsed.isStructurallyEqual(to: message), "parse → print → parse changed the tree: \(pattern.debugDescription) → \(printed.debugDescription)")
        require(MessagePrinter.print(reparsed) == printed, "printing is not idempotent: \(printed.debugDescription)")
    }
}

enum CatalogTarget {
    /// Input: en.json, a NUL byte, de.json.
    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(fuzz: data)
        let parts = text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
        var files = ["en.json": String(parts[0])]
        if parts.count > 1 { files["de.json"] = String(parts[1]) }
        // The review works on raw files, loadable or not.
        let review = CatalogReviewer.forFiles(files).review()
        _ = ReviewReport.text(review)
        _ = HTMLReport.render(review)
        guard let catalog = try? Catalog.load(files: files) else { return }
        let matcher = try? MessageMatcher(catalog: catalog)
        let formatter = try? CatalogFormatter(catalog: catalog)
        var rng = InputRNG(data)
        for entry in catalog.codes.prefix(50) {
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                for variant in localized.templates.indices.prefix(4) {
                    var values: [String: Value] = [:]
                    for placeholder in entry.placeholders { values[placeholder.name] = placeholder.type.randomValue(using: &rng) }
                    if let text = try? formatter?.format(code: entry.code, values: values, locale: locale, variant: variant),
                       let matcher {
                        let result = matcher.match(text)
                        _ = result.nearest
                        matcher.withMatch(text) { _ = $0.code }
                    }
                }
            }
        }
        if let matcher { _ = matcher.reversibilityReport() }
    }
}

enum MatcherTarget {
    static func summary(_ result: MatchResult) -> String {
        guard let best = result.best else { return "-" }
        return summary(best)
    }

    static func summary(_ best: Match) -> String {
        "\(best.code)/\(best.locale)/\(best.variant.id) \(best.tolerances) \(best.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" })"
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        let message = String(fuzz: data)
        let matcher = Bundled.matcher
        // The pre-pass, the automaton and the view agree on the automaton's answer; match() may add a
        // literal-text fallback (partial or mistyped messages) but never changes a literal-text match.
        let fast = matcher.automatonMatch(message)
        let slow = Bundled.slowMatcher.automatonMatch(message)
        require(summary(fast) == summary(slow), "pre-pass and automaton disagree on \(message.debugDescription): \(summary(fast)) vs \(summary(slow))")
        require(fast.ambiguous == slow.ambiguous, "ambiguity differs on \(message.debugDescription)")
        // Also the nearest-template report (a pre-pass match once left it empty where the
        // automaton alone gave one).
        require(fast.nearest?.code == slow.nearest?.code && fast.nearest?.scalarOffset == slow.nearest?.scalarOffset,
                "nearest template differs between pre-pass and automaton on \(message.debugDescription)")
        matcher.withMatch(message) { view in
            require(view.matched == fast.matched, "view.matched \(view.matched) vs match() \(fast.matched) on \(message.debugDescription)")
            if let best = fast.best {
                require(view.code == best.code && view.locale == best.locale, "view \(view.code ?? "-")/\(view.locale ?? "-") vs \(summary(fast)) on \(message.debugDescription)")
                for k in 0..<view.slotCount {
                    let name = view.name(at: k)
                    require(view.text(at: k) == best.values[name]?.text, "view value \(name) differs on \(message.debugDescription)")
                }
            }
        }
        let full = matcher.match(message)
        if let best = fast.best, !best.isCatchAll {
            require(summary(full) == summary(fast), "match() changed a literal-text match on \(message.debugDescription): \(summary(full)) vs \(summary(fast))")
        }
        // The fallback's index never loses a match: it gives what trying every template gives
        // (on message-sized inputs: trying every template on kilobytes of text would dominate the run).
        if message.utf8.count <= 256 {
            require(matcher.literalFallbackSummary(message, exhaustive: false) == matcher.literalFallbackSummary(message, exhaustive: true),
                    "the literal-text fallback's index lost a match on \(message.debugDescription)")
        }
        // The full result built from the view's scan (what parse uses) is match()'s result.
        let rebuilt = matcher.withMatch(message) { matcher.result(of: $0, message: message) }
        require(summary(rebuilt) == summary(full) && rebuilt.ambiguous == full.ambiguous
                    && rebuilt.alternatives.map(MatcherTarget.summary) == full.alternatives.map(MatcherTarget.summary)
                    && rebuilt.nearest?.code == full.nearest?.code && rebuilt.nearest?.scalarOffset == full.nearest?.scalarOffset,
                "result(of:message:) differs from match() on \(message.debugDescription)")
        _ = full.nearest
        // One locale and one code filter, chosen by the input.
        let code = Bundled.catalog.codes[Int(data.first ?? 0) % Bundled.catalog.codes.count].code
        let filtered = matcher.match(message, locale: .only("de"), code: code)
        require(filtered.best.map { $0.code == code && $0.locale == "de" } ?? true, "filters not applied on \(message.debugDescription)")
    }
}

enum BodyTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(fuzz: data)
        let body = ErrorBody.decode(text)
        require(ErrorBody.decode("\u{FEFF}" + text) == body, "a BOM changed the decoded body of \(text.prefix(200).debugDescription)")
        let explained = Bundled.matcher.explain(body, httpStatus: Int(data.first ?? 0) + 200, locale: "de")
        _ = explained.notes
        if let code = explained.code { require(Bundled.catalog.entry(code) != nil, "explained code \(code) is not in the catalog") }
    }
}

enum ExchangeTarget {
    static func run(_ data: UnsafeRawBufferPointer, format: ExchangeFormat, fileName: String) {
        let text = String(fuzz: data)
        guard let document = try? CatalogExchange.read(text: text, fileName: fileName, format: format) else { return }
        _ = try? CatalogExchange.merge(document, into: Bundled.raw, fileName: "de.json")
    }

    static func runPO(_ data: UnsafeRawBufferPointer) { run(data, format: .po, fileName: "fuzz.po") }
    static func runXLIFF(_ data: UnsafeRawBufferPointer) { run(data, format: .xliff, fileName: "fuzz.xlf") }
    static func runXLIFF2(_ data: UnsafeRawBufferPointer) { run(data, format: .xliff2, fileName: "fuzz.xlf") }
}

enum RoundTripTarget {
    /// Templates: (code, locale, variant index, template).
    static let templates: [(CodeEntry, String, Int, Template)] = {
        var all: [(CodeEntry, String, Int, Template)] = []
        for entry in Bundled.catalog.codes {
            for locale in Bundled.catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                for (k, template) in localized.templates.enumerated() { all.append((entry, locale, k, template)) }
            }
        }
        return all
    }()

    /// Input: byte 0 picks the template; the rest is the text of its free-text placeholders
    /// (split on '|'); typed values come from a generator seeded by the input.
    static func run(_ data: UnsafeRawBufferPointer) {
        guard let first = data.first, !templates.isEmpty else { return }
        let (entry, locale, variant, template) = templates[Int(first) % templates.count]
        let texts = String(fuzz: UnsafeRawBufferPointer(rebasing: data.dropFirst())).split(separator: "|", omittingEmptySubsequences: false)
        var rng = InputRNG(data)
        var values: [String: Value] = [:]
        var plain = true
        var k = 0
        for name in template.argumentNames {
            guard let placeholder = entry.placeholder(named: name) else { continue }
            if (placeholder.type == .string || placeholder.rejected) && k < texts.count {
                let text = String(texts[k])
                k += 1
                values[name] = .text(text)
                // Values the catalog's round-trip promise covers: one word of letters and digits.
                if text.isEmpty || !text.unicodeScalars.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value | 0x20 >= 0x61 && $0.value | 0x20 <= 0x7A) }) {
                    plain = false
                }
            } else {
                values[name] = placeholder.type.randomValue(using: &rng)
            }
        }
        guard let text = try? Bundled.formatter.format(code: entry.code, values: values, locale: locale, variant: variant) else { return }
        let result = Bundled.matcher.match(text)
        _ = result.nearest
        let name = "\(entry.code)/\(locale)/\(template.id)"
        guard plain, !Bundled.excused.contains(name) else { return }
        require(result.best.map { $0.code == entry.code && $0.locale == locale } ?? false,
                "\(name) with \(values) → \(text.debugDescription) read back as \(MatcherTarget.summary(result))")
    }
}
