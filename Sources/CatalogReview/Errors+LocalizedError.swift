import Foundation

extension DocsImport.Failure: LocalizedError {
    public var errorDescription: String? { description }
}

extension ExchangeProblem: LocalizedError {
    public var errorDescription: String? { description }
}

extension ImportFailure: LocalizedError {
    public var errorDescription: String? { description }
}
