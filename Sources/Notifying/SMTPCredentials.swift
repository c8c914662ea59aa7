/// The user and password for AUTH, from `CONVENE_SMTP_USER` and `CONVENE_SMTP_PASSWORD`: never
/// from the command line (where `ps` shows it) and never printed.
public struct SMTPCredentials: Sendable {
    public var user: String
    var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public static func fromEnvironment(_ environment: [String: String]) -> SMTPCredentials? {
        guard let user = environment["CONVENE_SMTP_USER"], !user.isEmpty else { return nil }
        return SMTPCredentials(user: user, password: environment["CONVENE_SMTP_PASSWORD"] ?? "")
    }
}
