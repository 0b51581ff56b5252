//! The endnote list of a rendered page: its lines rebuilt as `[n] address; address`
//! from the links' targets, and note markers in Roman numerals made Arabic, as the
//! extractor reads them.

/// A rendered line, with the byte ranges of its links and their targets.
#[derive(Debug, Default, Clone)]
pub struct Line {
    pub text: String,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// The note marker a line opens with, "[12]" or "[xii]": its number and byte length.
fn opening_marker(line: &str) -> Option<(u32, usize)> {
    let lead = line.len() - line.trim_start().len();
    let rest = line[lead..].strip_prefix('[')?;
    let close = rest.find(']')?;
    let n = marker_number(&rest[..close])?;
    Some((n, lead + close + 2))
}

fn marker_number(s: &str) -> Option<u32> {
    if (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    roman(s)
}

/// A lowercase or uppercase Roman numeral, up to 3999.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if lower != s && s.to_ascii_uppercase() != s {
        return None;
    }
    let value = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        b'd' => Some(500),
        b'm' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = lower.bytes().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d as i64,
            _ => total += d as i64,
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // Only the canonical spelling: "iiii" or "ic" are no numerals.
    (to_roman(n) == lower).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Whether a line opens an endnote list: note 1, in either numbering.
pub fn starts_note_list(line: &str) -> bool {
    opening_marker(line).is_some_and(|(n, _)| n == 1)
}

/// Splits rendered lines into the body and the endnote list (the run from the last
/// line that opens with note 1, as the extractor finds it in text), each note
/// rebuilt from its links.
pub fn split(mut lines: Vec<Line>) -> (Vec<Line>, Vec<String>) {
    let Some(first) = lines.iter().rposition(|l| starts_note_list(&l.text)) else {
        return (lines, Vec::new());
    };
    let notes = lines
        .split_off(first)
        .into_iter()
        .filter_map(|l| note_line(&l))
        .collect();
    (lines, notes)
}

/// "[n] " and the note's citations joined by "; ": each link's target where it is
/// an address on the web (not the defanged text a report may show), and the text
/// between links that says something (a title, an interview, a defanged address).
fn note_line(line: &Line) -> Option<String> {
    let (n, after) = opening_marker(&line.text)?;
    let mut cites: Vec<String> = Vec::new();
    let gap = |s: &str, cites: &mut Vec<String>| {
        let t = s.trim_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
        if t.chars().any(char::is_alphanumeric) {
            cites.push(t.to_owned());
        }
    };
    let mut at = after;
    let mut links: Vec<&Link> = line.links.iter().filter(|l| l.start >= after).collect();
    links.sort_by_key(|l| l.start);
    for l in links {
        if l.start < at {
            continue;
        }
        gap(&line.text[at..l.start], &mut cites);
        // A defanged address that the site linked only in part ("https://gur.gov"
        // linked, " dot ua/content/..." after it, or "https://tass dot" linked, " ru/..."
        // after it): its target is no address, so the note keeps the whole text, as
        // the report shows it, through each " dot " that goes on with it.
        let shown = line.text[l.start..l.end].trim();
        if line.text[l.end..].starts_with(" dot ") || shown.ends_with(" dot") {
            let mut whole = shown.to_owned();
            let mut end = l.end;
            loop {
                let rest = &line.text[end..];
                let sep = if whole.ends_with(" dot") {
                    " "
                } else {
                    " dot "
                };
                let Some(next) = rest.strip_prefix(sep) else {
                    break;
                };
                let token = next
                    .find(|c: char| c.is_whitespace() || c == ';')
                    .map_or(next, |e| &next[..e]);
                if token.is_empty() {
                    break;
                }
                whole.push_str(sep);
                whole.push_str(token);
                end += sep.len() + token.len();
            }
            gap(&whole, &mut cites);
            at = end;
            continue;
        }
        let href = l
            .href
            .trim_matches(|c: char| c.is_whitespace() || c == ';' || c == ',');
        let web = ["http://", "https://", "www."]
            .iter()
            .any(|p| href.starts_with(p));
        if web {
            // An address holds no white space: a target with some is two run together.
            cites.extend(href.split_whitespace().map(str::to_owned));
        } else {
            gap(&line.text[l.start..l.end], &mut cites);
        }
        at = l.end;
    }
    gap(&line.text[at..], &mut cites);
    Some(format!("[{n}] {}", cites.join("; ")).trim_end().to_owned())
}

/// Note markers in Roman numerals ("[iv]") made Arabic ("[4]") throughout, when the
/// endnote list is numbered so; other text is left as it is.
pub fn arabic_markers(text: String) -> String {
    if !text.lines().any(|l| l.starts_with("[i]")) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']').and_then(|close| {
            let inner = &after[..close];
            let n = roman(inner).filter(|_| inner.bytes().all(|b| b.is_ascii_alphabetic()))?;
            Some((n, close))
        }) {
            Some((n, close)) => {
                out.push_str(&format!("[{n}]"));
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("i"), Some(1));
        assert_eq!(roman("iv"), Some(4));
        assert_eq!(roman("XLII"), Some(42));
        assert_eq!(roman("mcmxcix"), Some(1999));
        assert_eq!(roman("iiii"), None);
        assert_eq!(roman("ic"), None);
        assert_eq!(roman("Iv"), None);
        assert_eq!(roman("a"), None);
    }

    #[test]
    fn notes_take_their_links_targets() {
        let text = "[3] Reuters, https://t dot me/x; https://b.example/y.".to_owned();
        let a = text.find("https://t").unwrap();
        let b = text.find("https://b").unwrap();
        let line = Line {
            links: vec![
                Link {
                    start: a,
                    end: a + "https://t dot me/x".len(),
                    href: "https://t.me/x".into(),
                },
                Link {
                    start: b,
                    end: text.len() - 1,
                    href: "https://b.example/y;".into(),
                },
            ],
            text,
        };
        assert_eq!(
            note_line(&line).unwrap(),
            "[3] Reuters; https://t.me/x; https://b.example/y"
        );
    }

    #[test]
    fn defanged_addresses_linked_in_part_are_kept_whole() {
        let text =
            "[2] https://www.president dot gov dot ua/en/x; https://tass dot ru/a/1".to_owned();
        let a = text.find("https://www").unwrap();
        let b = text.find("https://tass").unwrap();
        let line = Line {
            links: vec![
                Link {
                    start: a,
                    end: a + "https://www.president".len(),
                    href: "https://www.president/".into(),
                },
                Link {
                    start: b,
                    end: b + "https://tass dot".len(),
                    href: "https://tass%20dot/".into(),
                },
            ],
            text,
        };
        assert_eq!(
            note_line(&line).unwrap(),
            "[2] https://www.president dot gov dot ua/en/x; https://tass dot ru/a/1"
        );
    }

    #[test]
    fn roman_markers_become_arabic_only_with_a_roman_list() {
        assert_eq!(
            arabic_markers("Iran hosted Syria.[ii] [x] [mix]\n\n[i] https://a\n".into()),
            "Iran hosted Syria.[2] [10] [1009]\n\n[1] https://a\n"
        );
        let arabic = "Option [i] or [ii].[1]\n\n[1] https://a\n";
        assert_eq!(arabic_markers(arabic.into()), arabic);
    }
}
