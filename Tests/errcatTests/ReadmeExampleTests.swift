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

    @Test func readmePipelineExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        let matcher = try MessageMatcher(catalog: try Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path))

        // --- README pipeline example begins
        let scratch = MatchScratch()
        for line in ["Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "Machine 42 was not found"] {
            matcher.withMatch(line, scratch: scratch) { view in
                guard view.matched, let code = view.code else { return }
                if code == "MaximumBatchSizeExceeded" {
                    print(code, view.integer(of: "received")!, view.integer(of: "allowed")!)
                } else {
                    print(code, view.text(of: "entityType")!, view.text(of: "entityId")!)
                }
            }
        }
        // --- README pipeline example ends

        #expect(printed == ["MaximumBatchSizeExceeded 1200 1000", "ResourceNotFound Machine 42"])
    }
}
