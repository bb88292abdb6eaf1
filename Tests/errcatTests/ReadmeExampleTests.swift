import ErrorCatalog
import MessageFormatting
import MessageMatching
import Testing

/// The Swift example of the README, verbatim, with its printed output checked.
@Suite struct ReadmeExampleTests {
    @Test func readmeExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        let directory = Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path

        // --- README example begins
        let catalog = try Catalog.load(directory: directory)
        let formatter = try CatalogFormatter(catalog: catalog)
        print(try formatter.format(code: "MaximumBatchSizeExceeded",
                                   values: ["received": .integer(1200), "allowed": .integer(1000)],
                                   locale: "de-DE, en;q=0.5"))

        let matcher = try MessageMatcher(catalog: catalog)
        let result = matcher.match("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        if let best = result.best {
            print(best.code, best.status, best.locale, best.values["received"]!.integer!)
        }
        // --- README example ends

        #expect(printed == [
            "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
            "MaximumBatchSizeExceeded 400 de 1200",
        ])
    }
}
