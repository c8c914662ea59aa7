import Foundation
import Notifying
import Testing

@Suite struct MIMEMessageTests {
    @Test func quotedPrintableKeepsLinesShortAndEncodesWhatMustBe() {
        let text = String(repeating: "é", count: 60) + " \r\n= trailing \r\nplain\r\n"
        let encoded = MIMEMessage.quotedPrintable(text)
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.first?.hasPrefix("=C3=A9=C3=A9") == true)
        #expect(encoded.contains("=3D trailing=20\r\nplain\r\n"))
        #expect(encoded.utf8.allSatisfy { $0 < 128 })
    }

    @Test func subjectsOutsideASCIIBecomeEncodedWordsWithinSeventyFiveCharacters() {
        let header = MIMEMessage.headerText("Updated: Roundtable — 13 Jul 2021 10:00–12:00 (UTC+03:00), Séoul")
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> String in
            let payload = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == "Updated: Roundtable — 13 Jul 2021 10:00–12:00 (UTC+03:00), Séoul")
        #expect(MIMEMessage.headerText("Cancelled: SC meeting") == "Cancelled: SC meeting")
    }

    @Test func dotStuffingDoublesLeadingDotsAndEndsLinesInCRLF() {
        #expect(SMTPClient.dotStuffed(".hidden\n..two\r\nplain\r\n") == "..hidden\r\n...two\r\nplain\r\n")
    }

    @Test func emailAddressesAreCheckedBeforeSending() {
        #expect(EmailAddress("ana.lopez@example.org") != nil)
        #expect(EmailAddress("o'brien+sc@mail.example.co.uk") != nil)
        for bad in [
            "", "ana", "ana@", "@example.org", "ana@@example.org", "ana lopez@example.org", "ana@localhost",
            "ana@-x.org", "ana..b@example.org", "<ana@example.org>",
        ] {
            #expect(EmailAddress(bad) == nil, "\(bad)")
        }
    }
}
