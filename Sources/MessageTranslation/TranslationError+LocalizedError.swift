import Foundation

extension MessageTranslator.TranslationError: LocalizedError {
    public var errorDescription: String? { description }
}
