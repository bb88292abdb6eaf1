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

extension RawReadProblem: LocalizedError {
    /// `de.json: …` (with the line when known), as `errcat` prints it.
    public var errorDescription: String? { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
