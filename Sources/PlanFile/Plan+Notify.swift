extension Plan {
    /// How a person hears of changes: their own `notify`, else what the audiences they belong to
    /// say (invitations when any of them sends invitations, the feed when any of them keeps the
    /// feed), else `both`.
    public func notifyPreference(of personId: String) -> NotifyPreference {
        if let own = person(personId)?.notify { return own.value }
        let said = audiences.filter { $0.members.contains { $0.value == personId } }.compactMap(\.notify?.value)
        guard !said.isEmpty else { return .both }
        let invitations = said.contains(where: \.wantsInvitations)
        let feed = said.contains { $0 != .invitations }
        return invitations && feed ? .both : (invitations ? .invitations : .feed)
    }
}
