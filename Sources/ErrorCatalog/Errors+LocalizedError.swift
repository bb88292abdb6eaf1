import Foundation
import MessageSyntax

// Every public error type reads in `localizedDescription` as the command-line tool prints it.

extension CatalogLoadError: LocalizedError {
    public var errorDescription: String? { description }
}

extension ValueProblem: LocalizedError {
    public var errorDescription: String? { description }
}

extension LocaleRequestError: LocalizedError {
    public var errorDescription: String? { description }
}

// MessageSyntax has no Foundation by design; its error gets the conformance here, with the first
// module that has Foundation (every client of the catalog imports ErrorCatalog).
extension SyntaxError: LocalizedError {
    public var errorDescription: String? { description }
}
