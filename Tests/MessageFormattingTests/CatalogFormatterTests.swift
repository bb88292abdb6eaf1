import ErrorCatalog
import MessageFormatting
import MessageSyntax
import Testing

/// The bundled catalog, found relative to this file.
func bundledCatalog() throws -> Catalog {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return try Catalog.load(directory: path + "/Catalogs/defender")
}

/// Random valid values for every placeholder of `entry`.
func randomValues(_ entry: CodeEntry, _ generator: inout SeededRandomNumberGenerator) -> [String: Value] {
    var values: [String: Value] = [:]
    for placeholder in entry.placeholders {
        values[placeholder.name] = placeholder.type.randomValue(using: &generator)
    }
    return values
}

@Suite struct CatalogDifferential {
    /// Every template (documented and observed) of every code in every catalog locale, plus the
    /// regional locales, against icu::MessageFormat with 60 random value sets each.
    @Test func everyTemplateMatchesICU() throws {
        let catalog = try bundledCatalog()
        var generator = SeededRandomNumberGenerator(seed: 2024)
        var compared = 0
        let regions = ["en": ["en", "en-GB", "en-IN"], "de": ["de", "de-AT", "de-CH"]]
        for entry in catalog.codes {
            for catalogLocale in catalog.locales {
                guard let localized = entry.localized[catalogLocale] else { continue }
                for locale in regions[catalogLocale] ?? [catalogLocale] {
                    for template in localized.templates + localized.observed {
                        let compiled = try CompiledMessage(pattern: template.pattern, message: template.message, locale: locale)
                        let reference = try ICUMessageFormat(pattern: template.pattern, locale: locale)
                        for _ in 0..<60 {
                            let values = randomValues(entry, &generator)
                            let got = try compiled.render(values)
                            let expected = try reference.format(values)
                            #expect(got == expected, "\(entry.code)/\(template.id) in \(locale) with \(values)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 5000)
    }

    /// The public entry point gives the same text as ICU for every documented variant.
    @Test(arguments: ["en", "de", "de-AT", "de-CH", "en-US"])
    func formatterMatchesICU(locale: String) throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        let negotiated = try catalog.negotiateLocale(locale)
        var generator = SeededRandomNumberGenerator(seed: 99)
        for entry in catalog.codes {
            let templates = entry.localized[negotiated.catalogLocale]?.templates ?? []
            for (variant, template) in templates.enumerated() {
                let reference = try ICUMessageFormat(pattern: template.pattern, locale: negotiated.formattingLocale)
                for _ in 0..<50 {
                    var values = randomValues(entry, &generator)
                    values = values.filter { template.argumentNames.contains($0.key) }
                    let got = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                    #expect(got == (try reference.format(values)), "\(entry.code)#\(variant) in \(locale)")
                }
            }
        }
    }

    @Test func localeConventions() throws {
        let formatter = try CatalogFormatter(catalog: try bundledCatalog())
        let values: [String: Value] = ["received": .integer(1200), "allowed": .integer(500)]
        let english = try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "en")
        #expect(english.contains("1,200") && english.contains("500"))
        let german = try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "de")
        #expect(german.contains("1.200"))
        // Austrian German: the German texts with ICU's Austrian grouping (a no-break space).
        let austrian = try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "de-AT")
        #expect(austrian.contains("1\u{00A0}200"))
        #expect(austrian.hasPrefix(String(german.prefix(20))))
        // Accept-Language headers negotiate, unknown languages fall back to the source locale.
        let header = try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "fr-CH, de;q=0.8")
        #expect(header == german)
        let fallback = try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "ja")
        #expect(fallback == english)
    }

    @Test func variantsByIndexAndID() throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        let templates = try #require(catalog.entry("InvalidRequestBody")?.localized["en"]?.templates)
        #expect(templates.count >= 2)
        for (index, template) in templates.enumerated() {
            let byIndex = try formatter.format(code: "InvalidRequestBody", values: [:], locale: "en", variant: index)
            let byID = try formatter.format(code: "InvalidRequestBody", values: [:], locale: "en", variantID: template.id)
            #expect(byIndex == byID)
            #expect(byIndex == template.pattern)
        }
    }
}

@Suite struct FormatErrors {
    let catalog: Catalog
    let formatter: CatalogFormatter
    init() throws {
        catalog = try bundledCatalog()
        formatter = try CatalogFormatter(catalog: catalog)
    }

    func failure(_ body: () throws -> String) -> FormatError? {
        do { _ = try body(); return nil } catch let error as FormatError { return error } catch { return nil }
    }

    @Test func unknownCodeSuggests() throws {
        let error = try #require(failure { try formatter.format(code: "InvalidHashValu", values: [:], locale: "en") })
        guard case .unknownCode(let code, let suggestions) = error else { Issue.record("\(error)"); return }
        #expect(code == "InvalidHashValu")
        #expect(suggestions.first == "InvalidHashValue")
        #expect(error.description.contains("Did you mean InvalidHashValue?"))
    }

    @Test func unknownVariantListsVariants() throws {
        let error = try #require(failure { try formatter.format(code: "InvalidRequestBody", values: [:], locale: "en", variant: 7) })
        guard case .unknownVariant(_, let requested, let available) = error else { Issue.record("\(error)"); return }
        #expect(requested == "7")
        #expect(available.count >= 2)
        #expect(error.description.contains("0 = \(available[0])"))
        let byID = try #require(failure { try formatter.format(code: "InvalidRequestBody", values: [:], locale: "en", variantID: "nope") })
        #expect(byID.description.contains("'nope'"))
    }

    @Test func missingValueNamesItsType() throws {
        let error = try #require(failure {
            try formatter.format(code: "MaximumBatchSizeExceeded", values: ["received": .integer(5)], locale: "en")
        })
        guard case .missingValue(_, let name, let type) = error else { Issue.record("\(error)"); return }
        #expect(name == "allowed")
        #expect(type == .integer)
        #expect(error.description.contains("integer"))
    }

    @Test func extraValueListsAcceptedNames() throws {
        let error = try #require(failure {
            try formatter.format(code: "InvalidHashValue", values: ["hash": .text("12ab"), "hsh": .text("x")], locale: "en")
        })
        guard case .extraValues(_, let names, let accepted) = error else { Issue.record("\(error)"); return }
        #expect(names == ["hsh"])
        #expect(accepted == ["hash"])
        #expect(error.description.contains("accepts: hash"))
    }

    @Test func invalidValueSaysWhatTheTypeAccepts() throws {
        let error = try #require(failure {
            try formatter.format(code: "MaximumBatchSizeExceeded",
                                 values: ["received": .text("many"), "allowed": .integer(5)], locale: "en")
        })
        guard case .invalidValue(_, let name, let problem) = error else { Issue.record("\(error)"); return }
        #expect(name == "received")
        #expect(problem.type == .integer)
        #expect(error.description.contains(PlaceholderType.integer.accepts))
    }

    @Test func rejectedPlaceholdersAcceptAnyText() throws {
        // The hash placeholder holds what the server refused: not a hash at all is fine.
        let text = try formatter.format(code: "InvalidHashValue", values: ["hash": .text("not a hash!")], locale: "en")
        #expect(text.contains("not a hash!"))
        // …but still no number where text belongs.
        let entry = try #require(catalog.entry("InvalidHashValue"))
        #expect(entry.placeholders.first?.rejected == true)
    }

    @Test func noTemplateShowsDescription() throws {
        let error = try #require(failure { try formatter.format(code: "BadRequest", values: [:], locale: "en") })
        guard case .noTemplate(let code, _, let description) = error else { Issue.record("\(error)"); return }
        #expect(code == "BadRequest")
        #expect(description != nil)
        #expect(error.description.contains(description!))
    }

    @Test func invalidLocale() throws {
        let error = try #require(failure {
            try formatter.format(code: "InvalidHashValue", values: ["hash": .text("x")], locale: "12")
        })
        guard case .invalidLocale = error else { Issue.record("\(error)"); return }
    }
}

@Suite struct Concurrency {
    /// Many tasks share one formatter; every result equals the sequential one.
    @Test func sharedFormatterGivesSequentialResults() async throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        var generator = SeededRandomNumberGenerator(seed: 5)
        var jobs: [(code: String, values: [String: Value], locale: String, variant: Int)] = []
        let locales = ["en", "de", "de-AT", "de-CH", "en-GB"]
        for round in 0..<40 {
            for entry in catalog.codes {
                let locale = locales[(round + jobs.count) % locales.count]
                let count = entry.localized[catalog.negotiate(locale)]?.templates.count ?? 0
                guard count > 0 else { continue }
                jobs.append((entry.code, randomValues(entry, &generator), locale, Int(generator.next() % UInt64(count))))
            }
        }
        // Include an argument kind that goes through the pooled ICU formatters.
        let dated = try CompiledMessage(pattern: "{d, date, medium} {n, spellout}",
                                        message: MessageParser.parse("{d, date, medium} {n, spellout}"), locale: "de")
        let sequential = try jobs.map { try formatter.format(code: $0.code, values: $0.values, locale: $0.locale, variant: $0.variant) }
        let datedValues: [[String: Value]] = (0..<200).map { ["d": .date(millisecondsSince1970: Double($0) * 86_400_000), "n": .integer(Int64($0))] }
        let datedSequential = try datedValues.map { try dated.render($0) }
        let jobList = jobs
        let parallel = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for index in stride(from: worker, to: jobList.count, by: 8) {
                        let job = jobList[index]
                        let text = try formatter.format(code: job.code, values: job.values, locale: job.locale, variant: job.variant)
                        if text != sequential[index] { mismatches += 1 }
                    }
                    for index in stride(from: worker, to: datedValues.count, by: 8) {
                        if try dated.render(datedValues[index]) != datedSequential[index] { mismatches += 1 }
                    }
                    return (worker, "\(mismatches)")
                }
            }
            var results: [Int: String] = [:]
            for try await (worker, mismatches) in group { results[worker] = mismatches }
            return results
        }
        #expect(parallel.count == 8)
        #expect(parallel.values.allSatisfy { $0 == "0" }, "\(parallel)")
        #expect(jobs.count > 500)
    }
}
