import ErrorCatalog
import Foundation

/// The test catalog `small/` (en, de), carried as this target's resource.
package enum SmallCatalog {
    package static var directory: String {
        Bundle.module.url(forResource: "small", withExtension: nil)!.path
    }

    package static func load() throws -> Catalog {
        try Catalog.load(directory: directory)
    }
}
