import ErrorCatalog
import MessageMatching

/// The bundled catalog and one matcher over it, shared by the tests (both are immutable).
enum Fixtures {
    static let catalogDirectory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Catalogs/defender"
    }()

    static let catalog: Catalog = {
        do { return try Catalog.load(directory: catalogDirectory) } catch { fatalError("catalog: \(error)") }
    }()

    static let matcher: MessageMatcher = {
        do { return try MessageMatcher(catalog: catalog) } catch { fatalError("matcher: \(error)") }
    }()
}
