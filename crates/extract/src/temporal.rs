//! Date expressions in a sentence, resolved against the report's date.

use crate::date::{month_number, PartialDate};
use crate::text::Token;

/// A date the text gives, at the token where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateExpr {
    pub token: usize,
    pub date: PartialDate,
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let t = tokens.get(i)?;
    if t.lower.len() == 4 && t.lower.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.lower.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

fn day_at(tokens: &[Token], i: usize) -> Option<u8> {
    let t = tokens.get(i)?;
    let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// "July 31", "on November 2", "in May 2023", "since January 2023", "in 2019".
/// A day or month without a year takes the report's year, or the year before
/// when that would put it more than a week after the report.
pub(crate) fn date_expressions(tokens: &[Token], report: Option<PartialDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.capitalized {
            if let Some(month) = month_number(&tokens[i].lower) {
                // "May" is also a modal verb: require a day or a year after it.
                let mut j = i + 1;
                if tokens.get(j).is_some_and(|t| t.lower == ".") {
                    j += 1;
                }
                if let Some(day) = day_at(tokens, j) {
                    let year = tokens
                        .get(j + 1)
                        .filter(|t| t.lower == ",")
                        .and_then(|_| year_at(tokens, j + 2));
                    let date = match (year, report) {
                        (Some(y), _) => PartialDate::day(y, month, day),
                        (None, Some(r)) => infer_year(r, month, Some(day)),
                        (None, None) => {
                            i = j + 1;
                            continue;
                        }
                    };
                    out.push(DateExpr { token: i, date });
                    i = j + 1;
                    continue;
                }
                if let Some(y) = year_at(tokens, j) {
                    out.push(DateExpr {
                        token: i,
                        date: PartialDate::month(y, month),
                    });
                    i = j + 1;
                    continue;
                }
                if month != 5
                    && i > 0
                    && matches!(
                        tokens[i - 1].lower.as_str(),
                        "in" | "since" | "early" | "mid" | "late" | "until" | "by"
                    )
                {
                    if let Some(r) = report {
                        out.push(DateExpr {
                            token: i,
                            date: infer_year(r, month, None),
                        });
                    }
                }
            }
        } else if let Some(y) = year_at(tokens, i) {
            let prev = i.checked_sub(1).map(|p| tokens[p].lower.as_str());
            if matches!(
                prev,
                Some("in" | "since" | "by" | "until" | "from" | "of" | "early" | "late" | "mid")
            ) {
                out.push(DateExpr {
                    token: i,
                    date: PartialDate::year(y),
                });
            } else if tokens
                .get(i + 1)
                .is_some_and(|n| n.is_word && !n.capitalized)
                && prev.is_some_and(|p| DETS.contains(&p))
            {
                // "its 1997 posture", "the 2008 declaration"
                out.push(DateExpr {
                    token: i,
                    date: PartialDate::year(y),
                });
            }
        }
        i += 1;
    }
    out
}

const DETS: &[&str] = &["the", "its", "their", "his", "her", "a", "an"];

fn infer_year(report: PartialDate, month: u8, day: Option<u8>) -> PartialDate {
    let mut year = report.year;
    let candidate = (year, month, day.unwrap_or(1));
    let (ry, rm, rd) = report.earliest();
    // More than about a week after the report date: last year's.
    let days = |(y, m, d): (i32, u8, u8)| y * 372 + i32::from(m) * 31 + i32::from(d);
    if days(candidate) > days((ry, rm, rd)) + 7 {
        year -= 1;
    }
    match day {
        Some(d) => PartialDate::day(year, month, d),
        None => PartialDate::month(year, month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn dates(s: &str) -> Vec<String> {
        let t = tokenize(s, 0, s.len());
        date_expressions(&t, Some(PartialDate::day(2023, 1, 5)))
            .into_iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn resolves_against_the_report() {
        assert_eq!(
            dates("met on January 3 and on December 30"),
            ["2023-01-03", "2022-12-30"]
        );
        assert_eq!(dates("since May 2022, and in 2019"), ["2022-05", "2019"]);
        assert_eq!(dates("Iran may have met in late December"), ["2022-12"]);
        assert_eq!(dates("on July 4, 2023"), ["2023-07-04"]);
        assert_eq!(dates("its 1997 posture"), ["1997"]);
    }
}
