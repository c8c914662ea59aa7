internal import CLibical

/// How many steps of libical's recurrence iterator one imported calendar may take, across all
/// its events, so that no file can make an import run for long.
///
/// A step is one occurrence the iterator returns, or one period of the rule's frequency it
/// passes over (a second for FREQ=SECONDLY, a day for FREQ=DAILY): libical steps period by
/// period through a rule such as `FREQ=SECONDLY;BYMONTH=12`, about a microsecond each, before
/// it returns anything.
struct ExpansionBudget: Sendable {
    let limit: Int
    private(set) var used = 0

    init(limit: Int) { self.limit = limit }

    var remaining: Int { max(0, limit - used) }

    mutating func charge(_ steps: Int) { used += steps }
}

/// The starts of a recurring event inside a horizon, with libical's iterator.
enum RecurrenceExpansion {
    /// Every start of `rule` from `dtstart` whose occurrence (of `length` seconds) can reach
    /// into `from..<until`, in order.
    ///
    /// The iterator jumps to the horizon (`icalrecur_iterator_set_start`) for DAILY and longer
    /// rules without COUNT; libical 3.0.16 aligns sub-daily intervals wrongly after a jump
    /// (FREQ=HOURLY;INTERVAL=5 lands on the wrong hours), so those iterate from DTSTART, within
    /// the budget. The rule's UNTIL is brought forward to the horizon's end and to where the
    /// budget runs out, so that libical never searches further.
    ///
    /// - Throws: `ICalImportError` at `line` when the budget runs out before the horizon's end,
    ///   or when libical cannot expand the rule.
    /// - Complexity: at most `budget.remaining` iterator steps.
    static func starts(
        of recurrence: icalrecurrencetype, dtstart: icaltimetype, length: Int, from: Int, until: Int,
        budget: inout ExpansionBudget, line: Int
    ) throws(ICalImportError) -> [icaltimetype] {
        guard let period = periodSeconds(recurrence.freq) else {
            throw ICalImportError(line: line, message: "the RRULE has no FREQ libical can expand")
        }
        var rule = recurrence
        let perStep = max(1, Int(rule.interval)) * period  // at most 32,767 years: no overflow below
        // An occurrence that starts at or before this ends before the horizon.
        let earliest = from - length - 1
        let ruleEnd =
            icaltime_is_null_time(rule.until) != 0
            ? Int.max : seconds(rule.until) + (rule.until.is_date == 1 ? 86_400 : 0)
        let first = seconds(dtstart)
        if ruleEnd <= earliest || first >= until { return [] }  // the rule is over, or not begun
        let jumps = rule.count == 0 && jumpingFrequencies.contains(rule.freq) && first < earliest
        let iteratorStart = jumps ? earliest : first
        let budgetEnd = iteratorStart + budget.remaining * perStep
        let end = min(until, budgetEnd)
        if end < ruleEnd { rule.until = icaltime_from_timet_with_zone(time_t(end), 0, icaltimezone_get_utc_timezone()) }

        guard let iterator = icalrecur_iterator_new(rule, dtstart) else {
            convene_clear_icalerror()
            throw ICalImportError(line: line, message: "the RRULE is one libical cannot expand")
        }
        defer { icalrecur_iterator_free(iterator) }
        if jumps {
            let target = icaltime_from_timet_with_zone(
                time_t(earliest), dtstart.is_date, icaltimezone_get_utc_timezone())
            // It fails only when no occurrence comes before libical's last year (2582).
            guard icalrecur_iterator_set_start(iterator, target) == 1 else {
                convene_clear_icalerror()
                return []
            }
        }

        var starts: [icaltimetype] = []
        var returned = 0
        var stoppedAt: Int?
        var next = icalrecur_iterator_next(iterator)
        while icaltime_is_null_time(next) == 0 {
            returned += 1
            guard returned <= budget.remaining else { throw limitError(budget, line: line) }
            let start = seconds(next)
            if start >= until {
                stoppedAt = start
                break
            }
            starts.append(next)
            next = icalrecur_iterator_next(iterator)
        }
        let countedOut = rule.count > 0 && returned >= Int(rule.count)
        let reached = stoppedAt ?? (countedOut ? starts.last.map(seconds) ?? iteratorStart : min(end, ruleEnd))
        budget.charge(max(returned, max(0, reached - iteratorStart) / perStep))
        // The iterator ended where the budget ran out, before the horizon and the rule ended.
        if stoppedAt == nil, !countedOut, budgetEnd < min(until, ruleEnd) { throw limitError(budget, line: line) }
        return starts
    }

    static let jumpingFrequencies = [
        ICAL_DAILY_RECURRENCE, ICAL_WEEKLY_RECURRENCE, ICAL_MONTHLY_RECURRENCE, ICAL_YEARLY_RECURRENCE,
    ]

    /// Whether a MONTHLY or YEARLY rule asks for days no month it allows has, such as
    /// `BYMONTH=4;BYMONTHDAY=31`: libical 3.0.16 then searches month by month to the year 2582
    /// on each call (0.15 s), so such a rule is not given to it.
    static func neverMatches(_ rule: icalrecurrencetype) -> Bool {
        guard rule.freq == ICAL_MONTHLY_RECURRENCE || rule.freq == ICAL_YEARLY_RECURRENCE, rule.rscale == nil else {
            return false
        }
        let days = values(rule.by_month_day)
        guard !days.isEmpty else { return false }
        let months = values(rule.by_month).map { Int(icalrecurrencetype_month_month(Int16($0))) }
        let longest =
            (months.isEmpty ? Array(1...12) : months).map { month in
                switch month {
                case 2: return 29
                case 4, 6, 9, 11: return 30
                default: return 31
                }
            }.max() ?? 31
        return days.allSatisfy { abs($0) > longest }
    }

    /// The values of one of libical's BY… lists, which end at ICAL_RECURRENCE_ARRAY_MAX.
    private static func values<T>(_ list: T) -> [Int] {
        withUnsafeBytes(of: list) { raw in
            Array(
                raw.bindMemory(to: Int16.self).prefix { Int($0) != Int(ICAL_RECURRENCE_ARRAY_MAX.rawValue) }.map(
                    Int.init))
        }
    }

    static func limitError(_ budget: ExpansionBudget, line: Int) -> ICalImportError {
        ICalImportError(
            line: line,
            message: "the calendar expands to more than \(budget.limit.formatted()) occurrences "
                + "by this RRULE; import an extract with only the months the plan spans")
    }

    /// The rule's period in seconds, a month counted as 28 days and a year as 365 (the shortest,
    /// so that the steps counted are never fewer than libical takes).
    static func periodSeconds(_ frequency: icalrecurrencetype_frequency) -> Int? {
        switch frequency {
        case ICAL_SECONDLY_RECURRENCE: return 1
        case ICAL_MINUTELY_RECURRENCE: return 60
        case ICAL_HOURLY_RECURRENCE: return 3_600
        case ICAL_DAILY_RECURRENCE: return 86_400
        case ICAL_WEEKLY_RECURRENCE: return 7 * 86_400
        case ICAL_MONTHLY_RECURRENCE: return 28 * 86_400
        case ICAL_YEARLY_RECURRENCE: return 365 * 86_400
        default: return nil
        }
    }

    /// Seconds since 1970 of a time in its own zone (UTC for dates and floating times).
    static func seconds(_ t: icaltimetype) -> Int {
        Int(icaltime_as_timet_with_zone(t, t.zone ?? icaltimezone_get_utc_timezone()))
    }
}

extension Int {
    /// `200,000`: thousands grouped with commas, whatever the locale.
    fileprivate func formatted() -> String {
        let digits = Array(String(self))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
