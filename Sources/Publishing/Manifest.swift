import ReleaseFormat

/// One feed in `manifest.json`.
public struct ManifestFeed: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var file: String
    public var kind: String
    public var audience: String?
    public var person: String?
    /// A strong ETag: the SHA-256 of the feed's bytes, quoted.
    public var etag: String
    public var events: Int
    public var cancelled: Int
    public var bytes: Int
}

/// `manifest.json`: the release's feeds. The public one lists no personal feed.
public struct Manifest: Codable, Sendable, Equatable {
    public var calendar: String
    public var name: String
    /// The latest change of any event.
    public var updated: String
    public var feeds: [ManifestFeed]

    public func json() -> String { StableJSON.text(self) }
}
