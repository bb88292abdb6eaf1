/// Limits the loader enforces, so that no catalog — a hand-edited one, an imported translation, a
/// generated one — can make loading, matching or formatting super-linear or trap. A catalog that
/// exceeds one does not load, with a message that names the limit.
public enum CatalogLimits {
    /// Templates and observed wordings of one code in one locale.
    public static let templatesPerCode = 64
    /// Placeholders declared by one code.
    public static let placeholdersPerCode = 32
    /// Placeholder uses in one template, counting each plural/select branch's own uses.
    public static let argumentsPerTemplate = 64
    /// Unicode scalars in one pattern.
    public static let patternLength = 4_096
}
