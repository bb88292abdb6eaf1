import Foundation

extension FormatError: LocalizedError {
    public var errorDescription: String? { description }
}

extension ICUError: LocalizedError {
    public var errorDescription: String? { description }
}
