/// Dates as day numbers counted from 2005-01-01, written `YYYY-MM-DD`.
enum Calendar {
    /// The date `day` days after 2005-01-01 (Howard Hinnant's civil-from-days).
    static func date(_ day: Int) -> String {
        let z = day + 12_784 + 719_468  // 2005-01-01 is day 12,784 of the Unix epoch
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
