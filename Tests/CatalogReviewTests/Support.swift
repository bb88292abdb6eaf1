import ErrorCatalog
import Foundation
@testable import CatalogReview

enum Fixture {
    /// The package root (…/Tests/CatalogReviewTests/Support.swift → …).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let bundled = root + "/Catalogs/defender"
    static let fixtures = root + "/Tests/CatalogReviewTests/Fixtures"

    static func bundledFiles() throws -> [String: String] {
        [
            "en.json": try String(contentsOfFile: bundled + "/en.json", encoding: .utf8),
            "de.json": try String(contentsOfFile: bundled + "/de.json", encoding: .utf8),
        ]
    }

    /// A small catalog: en source + de translation, built from patterns.
    static func catalog(code: String = "InvalidHashValue",
                        placeholders: String = #"[{ "name": "hash", "type": "hash", "rejected": true }]"#,
                        source: String, target: String, from: String? = nil,
                        description: (String, String)? = nil) -> [String: String] {
        func q(_ s: String) -> String { "\"" + JSONWriter.escaped(s) + "\"" }
        let sourceDescription = description.map { ", \"description\": \(q($0.0))" } ?? ""
        let targetDescription = description.map { ", \"description\": \(q($0.1))" } ?? ""
        let en = """
        { "catalog": "t", "locale": "en", "codes": [
          { "code": "\(code)", "status": 400, "placeholders": \(placeholders),
            "templates": [ { "id": "docs", "pattern": \(q(source)) } ]\(sourceDescription) },
          { "code": "Unauthorized", "status": 401, "placeholders": [], "templates": [ { "id": "docs", "pattern": "Unauthorized" } ] }
        ] }
        """
        let de = """
        { "catalog": "t", "locale": "de", "codes": [
          { "code": "\(code)", "templates": [ { "id": "docs", "pattern": \(q(target)), "from": \(q(from ?? source)) } ]\(targetDescription) },
          { "code": "Unauthorized", "templates": [ { "id": "docs", "pattern": "Nicht autorisiert", "from": "Unauthorized" } ] }
        ] }
        """
        return ["en.json": en, "de.json": de]
    }
}
