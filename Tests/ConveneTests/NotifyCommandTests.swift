import Foundation
import Testing

/// `convene notify` end to end: a published release, the built binary, and a real SMTP server
/// on loopback whose messages Python's email and icalendar packages read back.
@Suite(.serialized) struct NotifyCommandTests {
    init() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: InteropTests.python),
            "no Python with aiosmtpd and icalendar at \(InteropTests.python): run `make test`, which creates .venv")
    }

    func lines(_ text: String, containing word: String) -> [String] {
        text.components(separatedBy: "\n").filter { $0.contains(word) }
    }

    @Test func invitationsGoOnceAndARePlanSendsOnlyWhatChanged() throws {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"))
        defer { sink.stop() }

        let first = try w.notify(["--smtp", sink.endpoint])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        // Roundtable: Ana and Ben (Chen has no address, Dev a bad one); the workshop: Ana; the
        // retreat: Ben (Fay and Eve hear by their feeds).
        #expect(sink.messages.count == 4, "\(first.stdout)")
        #expect(first.stdout.contains("not sent to Chen Wei (chen): no email address in the plan"))
        #expect(first.stdout.contains("not sent to Dev Patel (dev): 'dev at example' is not an email address"))
        #expect(first.stdout.contains("not sent to Fay Ito (fay): notify is 'feed'"))
        #expect(first.stdout.contains("not sent to Eve Stone (eve): notify is 'feed'"))
        let checked = try NotifyWorkspace.checkIMIP([sink.folder.path])
        #expect(checked.ok, "\(checked.text)")
        let requests = lines(checked.text, containing: " REQUEST ")
        #expect(requests.count == 4, "\(checked.text)")
        #expect(
            requests.contains {
                $0.contains("REQUEST roundtable@notify-test.convene 0 to=ana@example.org partstat=NEEDS-ACTION")
                    && $0.contains("subject=Invitation: Roundtable Africa — 13 Jul 2021 10:00–12:00 (UTC+03:00)")
            }, "\(checked.text)")
        // Ana reads the roundtable in Nairobi's time and in her own (Madrid, UTC+02:00 in July).
        #expect(
            checked.text.contains(
                "Tue 13 Jul 2021 10:00–12:00 (UTC+03:00) — event time, Africa/Nairobi | "
                    + "Tue 13 Jul 2021 09:00–11:00 (UTC+02:00) — your time, Europe/Madrid"), "\(checked.text)")
        #expect(checked.text.contains("4–5 Oct 2021, all day (dates in Africa/Nairobi)"), "\(checked.text)")
        #expect(try w.sentEntries()?.count == 4)

        let again = try w.notify(["--smtp", sink.endpoint])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 messages sent for 3 changes, 4 sent before"), "\(again.stdout)")
        #expect(sink.messages.count == 4)

        // The workshop moves a day: Ana alone hears, once, with SEQUENCE 1.
        try w.edit { $0.replacingOccurrences(of: "2021-09-01T14:00", with: "2021-09-02T14:00") }
        #expect(try w.publish(now: "2021-02-01T09:00Z").status == 0)
        let moved = try w.notify(["--smtp", sink.endpoint])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(sink.messages.count == 5, "\(moved.stdout)")
        let update = try NotifyWorkspace.checkIMIP([sink.folder.appendingPathComponent("005.eml").path])
        #expect(update.ok, "\(update.text)")
        #expect(
            update.text.contains(
                "REQUEST workshop@notify-test.convene 1 to=ana@example.org partstat=NEEDS-ACTION status=CONFIRMED "
                    + "subject=Updated: Workshop — 2 Sep 2021 14:00–15:00 (UTC+03:00)"), "\(update.text)")
        #expect(update.text.contains("Before: | Wed 1 Sep 2021 14:00–15:00 (UTC+03:00)"), "\(update.text)")

        // The roundtable leaves the plan: Ana and Ben get a CANCEL with the raised SEQUENCE.
        try w.edit {
            $0.components(separatedBy: "\n").filter { !$0.contains("id: roundtable") }.joined(separator: "\n")
        }
        #expect(try w.publish(now: "2021-03-01T09:00Z").status == 0)
        let cancelled = try w.notify(["--smtp", sink.endpoint])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(sink.messages.count == 7, "\(cancelled.stdout)")
        let cancels = try NotifyWorkspace.checkIMIP(
            sink.messages.suffix(2).map { sink.folder.appendingPathComponent($0).path })
        #expect(cancels.ok, "\(cancels.text)")
        let cancelLines = lines(cancels.text, containing: " CANCEL ")
        #expect(cancelLines.count == 2, "\(cancels.text)")
        #expect(
            cancelLines.allSatisfy {
                $0.contains("CANCEL roundtable@notify-test.convene 1") && $0.contains("status=CANCELLED")
                    && $0.contains("subject=Cancelled: Roundtable Africa")
            }, "\(cancels.text)")
        #expect(
            Set(cancelLines.compactMap { $0.split(separator: " ").first { $0.hasPrefix("to=") } }) == [
                "to=ana@example.org", "to=ben@example.org",
            ])
    }

    /// Ben leaves the retreat, which goes ahead: he alone gets its CANCEL, at the SEQUENCE his
    /// invitation had, and a second run sends nothing more.
    @Test func aPersonTakenOffAnEventThatGoesAheadGetsItsCancelAlone() throws {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"))
        defer { sink.stop() }
        #expect(try w.notify(["--smtp", sink.endpoint]).status == 0)
        #expect(sink.messages.count == 4)
        try w.edit { $0.replacingOccurrences(of: "participants: [ben, fay, eve]", with: "participants: [fay, eve]") }
        #expect(try w.publish(now: "2021-02-01T09:00Z").status == 0)
        let removed = try w.notify(["--smtp", sink.endpoint])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(sink.messages.count == 5, "\(removed.stdout)")
        let cancel = try NotifyWorkspace.checkIMIP([sink.folder.appendingPathComponent("005.eml").path])
        #expect(cancel.ok, "\(cancel.text)")
        #expect(
            cancel.text.contains("CANCEL retreat@notify-test.convene 0 to=ben@example.org")
                && cancel.text.contains("subject=No longer for you: Retreat"), "\(cancel.text)")
        #expect(cancel.text.contains("You are no longer taking part in “Retreat”"), "\(cancel.text)")
        let again = try w.notify(["--smtp", sink.endpoint])
        #expect(again.status == 0 && sink.messages.count == 5, "\(again.stdout)")
    }

    @Test func aDryRunSendsAndLogsNothingAndTheOutboxHoldsProperMessages() throws {
        let w = try NotifyWorkspace()
        let published = try w.publish(now: "2021-01-15T09:00Z", ["--notify", "--dry-run"])
        #expect(published.status == 0, "\(published.stderr)")
        let dry = lines(published.stdout, containing: "would send ")
        #expect(dry.count == 4, "\(published.stdout)")
        #expect(
            dry.contains {
                $0.hasPrefix(
                    "would send REQUEST to Ana López <ana@example.org>: roundtable@notify-test.convene sequence 0: ")
            }, "\(published.stdout)")
        #expect(try w.sentEntries() == nil)
        // Addresses stay under private/: public means public.
        let release = w.folder.appendingPathComponent(w.release).resolvingSymlinksInPath()
        let released = FileManager.default.enumerator(atPath: release.path)?.compactMap { $0 as? String } ?? []
        for file in released where !file.hasPrefix("private") {
            let text = (try? String(contentsOf: release.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(!text.contains("ana@example.org"), "\(file)")
        }
        #expect(
            try String(contentsOf: release.appendingPathComponent("private/notify.json"), encoding: .utf8)
                .contains("\"email\" : \"ana@example.org\""))

        let outbox = w.folder.appendingPathComponent("outbox")
        let written = try w.notify(["--outbox", outbox.path])
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 4)
        let checked = try NotifyWorkspace.checkIMIP([outbox.path])
        #expect(checked.ok, "\(checked.text)")
        #expect(checked.text.contains("4 messages"))
        let again = try w.notify(["--outbox", outbox.path])
        #expect(again.stdout.contains("0 messages written"), "\(again.stdout)")
        try importsIntoKhal(outbox, into: w.folder)
    }

    /// Debian's khal, where installed, imports Ana's invitation and shows it in her zone.
    func importsIntoKhal(_ outbox: URL, into folder: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/khal") else { return }
        let calendars = folder.appendingPathComponent("calendars")
        #expect(try NotifyWorkspace.checkIMIP(["--calendars", calendars.path, outbox.path]).ok)
        let vdir = folder.appendingPathComponent("khal")
        try FileManager.default.createDirectory(at: vdir, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("khal.conf")
        try Data(
            """
            [calendars]
            [[test]]
            path = \(vdir.path)
            type = calendar
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            local_timezone = Europe/Madrid
            default_timezone = Europe/Madrid

            """.utf8
        ).write(to: config)
        func khal(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/khal")
            process.arguments = ["-c", config.path] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "khal \(arguments): \(text)")
            return text
        }
        let invitation = calendars.appendingPathComponent("roundtable_notify-test.convene-0-ana.ics")
        _ = try khal(["import", "--batch", "-a", "test", invitation.path])
        let listed = try khal(["list", "2021-07-13", "1d"])
        #expect(listed.contains("09:00-11:00 Roundtable Africa"), "\(listed)")
    }

    @Test func anUnreachableServerIsAnErrorAndNothingIsLogged() throws {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        // A port nothing listens on: a sink started and stopped.
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("gone"))
        sink.stop()
        let outcome = try w.notify(["--smtp", sink.endpoint])
        #expect(outcome.status == 5)
        #expect(outcome.stderr.contains("error: cannot reach the SMTP server \(sink.endpoint):"), "\(outcome.stderr)")
        #expect(lines(outcome.stderr, containing: "not reached: ").count == 4, "\(outcome.stderr)")
        #expect(try w.sentEntries() == nil)
    }

    @Test func aRunStoppedHalfWayResumesWhereItStopped() throws {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let failing = try SMTPSink(folder: w.folder.appendingPathComponent("first"), options: ["--fail-after", "1"])
        let stopped = try w.notify(["--smtp", failing.endpoint])
        failing.stop()
        #expect(stopped.status == 5)
        #expect(stopped.stderr.contains("451 4.3.0 temporary failure"), "\(stopped.stderr)")
        #expect(lines(stopped.stderr, containing: "not reached: ").count == 3, "\(stopped.stderr)")
        #expect(try w.sentEntries()?.count == 1)

        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("second"))
        defer { sink.stop() }
        let resumed = try w.notify(["--smtp", sink.endpoint])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(sink.messages.count == 3)
        #expect(try w.sentEntries()?.count == 4)
        let sent = try NotifyWorkspace.checkIMIP([failing.folder.path, sink.folder.path])
        let keys = lines(sent.text, containing: " REQUEST ").map { $0.split(separator: " ").dropFirst().prefix(4) }
        #expect(Set(keys.map { $0.joined(separator: " ") }).count == 4, "\(sent.text)")
    }

    @Test func aRefusedRecipientIsListedAndTheOthersStillGo() throws {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let sink = try SMTPSink(
            folder: w.folder.appendingPathComponent("inbox"),
            options: ["--reject", "ben@example.org", "--auth", "team:s3cret"])
        defer { sink.stop() }
        let noPassword = try w.notify(["--smtp", sink.endpoint])
        #expect(noPassword.status == 5, "\(noPassword.stderr)")
        #expect(sink.messages.isEmpty)
        let outcome = try w.notify(
            ["--smtp", sink.endpoint], environment: ["CONVENE_SMTP_USER": "team", "CONVENE_SMTP_PASSWORD": "s3cret"])
        #expect(outcome.status == 5, "\(outcome.stderr)")
        #expect(sink.messages.count == 2)
        #expect(lines(outcome.stderr, containing: "error: not sent to Ben Okafor <ben@example.org>").count == 2)
        #expect(!outcome.stdout.contains("s3cret") && !outcome.stderr.contains("s3cret"))
        #expect(try w.sentEntries()?.count == 2)
    }

    @Test func aFolderThatIsNotAReleaseIsNamed() throws {
        let w = try NotifyWorkspace()
        let outcome = try w.notify(["--dry-run"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains("release: error: not a Convene release (no manifest.json)"), "\(outcome.stderr)")
    }
}
