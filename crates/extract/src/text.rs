//! Sentences and tokens, with byte spans into the document text.

use std::collections::BTreeSet;

/// A word or punctuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercased text; curly apostrophes folded to `'`.
    pub lower: String,
    pub is_word: bool,
    /// Starts with an uppercase letter.
    pub capitalized: bool,
}

/// Splits `text[start..end]` into words and punctuation.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    j = k + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let word = &slice[i..j];
            out.push(Token {
                start: start + i,
                end: start + j,
                lower: word.to_lowercase(),
                is_word: true,
                capitalized: c.is_uppercase(),
            });
        } else {
            let lower = match c {
                '\u{2019}' | '\u{2018}' | '`' => "'".to_owned(),
                '\u{201c}' | '\u{201d}' => "\"".to_owned(),
                '\u{2013}' | '\u{2014}' => "-".to_owned(),
                _ => c.to_string(),
            };
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                lower,
                is_word: false,
                capitalized: false,
            });
        }
    }
    out
}

/// Sentence byte ranges inside `text[start..end]`.
///
/// A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets)
/// followed by space and a capital, digit or quote, unless the period closes
/// an abbreviation ("Lt.", "Gen.") or initials ("U.S.", "W.").
pub fn sentences(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &BTreeSet<String>,
) -> Vec<(usize, usize)> {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']')
            {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let at_end = k >= chars.len();
            let next_ok = at_end
                || (k > j
                    && (chars[k].1.is_uppercase()
                        || chars[k].1.is_ascii_digit()
                        || matches!(chars[k].1, '"' | '\u{201c}' | '\u{2018}' | '(')));
            let next_digit = k < chars.len() && chars[k].1.is_ascii_digit();
            if next_ok && !(c == '.' && is_abbreviation(slice, pos, abbreviations, next_digit)) {
                let e = if j < chars.len() {
                    chars[j].0
                } else {
                    slice.len()
                };
                push_trimmed(slice, start, sent_start, e, &mut out);
                sent_start = if k < chars.len() {
                    chars[k].0
                } else {
                    slice.len()
                };
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(slice, start, sent_start, slice.len(), &mut out);
    out
}

fn push_trimmed(slice: &str, base: usize, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &slice[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((base + s + lead, base + s + lead + trimmed.len()));
    }
}

fn is_abbreviation(
    slice: &str,
    dot: usize,
    abbreviations: &BTreeSet<String>,
    next_digit: bool,
) -> bool {
    let before = &slice[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "W", "U.S", "U.K".
    if word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    // "No. 5" abbreviates, "said no." ends a sentence.
    if matches!(lower.as_str(), "no" | "nos") {
        return next_digit && word.starts_with('N');
    }
    abbreviations.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let abbr: BTreeSet<String> = ["lt", "gen", "no", "sept"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sentences(s, 0, s.len(), &abbr)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(
            split("Lt. Gen. Viktor Khrenin met the U.S. envoy. He said “no.” Then 3 left."),
            [
                "Lt. Gen. Viktor Khrenin met the U.S. envoy.",
                "He said “no.”",
                "Then 3 left."
            ]
        );
        assert_eq!(
            split("George W. Bush spoke. It ended"),
            ["George W. Bush spoke.", "It ended"]
        );
        assert_eq!(
            split("Strikes began on Sept. 3 near Kyiv."),
            ["Strikes began on Sept. 3 near Kyiv."]
        );
    }

    #[test]
    fn tokens_keep_spans() {
        let s = "Russia’s “special” Iranian-backed";
        let t = tokenize(s, 0, s.len());
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["russia", "'", "s", "\"", "special", "\"", "iranian", "-", "backed"]
        );
        assert_eq!(&s[t[0].start..t[0].end], "Russia");
        assert!(t[0].capitalized && !t[2].capitalized);
    }
}
