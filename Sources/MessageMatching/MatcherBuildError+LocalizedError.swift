import Foundation

extension MatcherBuildError: LocalizedError {
    public var errorDescription: String? { description }
}
