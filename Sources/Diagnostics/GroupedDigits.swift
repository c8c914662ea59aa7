extension Int {
    /// `1,000,000`: thousands separated by commas, the same on every machine and locale, for
    /// numbers in messages people read.
    public var groupedDigits: String {
        let digits = String(self.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
