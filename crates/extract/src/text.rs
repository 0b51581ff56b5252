//! Sentences and tokens, with byte spans into the document text.

use std::collections::BTreeSet;

use compact_str::CompactString;

/// A word or punctuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercased text; curly apostrophes folded to `'`. Inline for short words:
    /// a report has hundreds of thousands of tokens.
    pub lower: CompactString,
    pub is_word: bool,
    /// Starts with an uppercase letter.
    pub capitalized: bool,
}

/// Splits `text[start..end]` into words and punctuation.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let slice = &text[start..end];
    let bytes = slice.as_bytes();
    // Reports average well over four bytes a token: one allocation for most blocks.
    let mut out = Vec::with_capacity(slice.len() / 4 + 1);
    // The character at byte `i`, decoded without the iterator for ASCII, which is
    // nearly all of a report.
    let char_at = |i: usize| -> char {
        match bytes[i] {
            b if b.is_ascii() => b as char,
            _ => slice[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            // Whether the word is all ASCII, and has an uppercase letter: noted on
            // the way, so no second scan decides how to lowercase it.
            let mut ascii = c.is_ascii();
            let mut upper = c.is_ascii_uppercase();
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_alphanumeric() {
                    upper |= b.is_ascii_uppercase();
                    j += 1;
                    continue;
                }
                if b.is_ascii() {
                    break;
                }
                let d = char_at(j);
                if !d.is_alphanumeric() {
                    break;
                }
                ascii = false;
                j += d.len_utf8();
            }
            let word = &slice[i..j];
            let lower = if !ascii {
                CompactString::from(word.to_lowercase())
            } else if upper {
                let mut w = CompactString::from(word);
                w.make_ascii_lowercase();
                w
            } else {
                CompactString::from(word)
            };
            out.push(Token {
                start: start + i,
                end: start + j,
                lower,
                is_word: true,
                capitalized: c.is_uppercase(),
            });
            i = j;
        } else {
            let lower = match c {
                '\u{2019}' | '\u{2018}' | '`' => CompactString::const_new("'"),
                '\u{201c}' | '\u{201d}' => CompactString::const_new("\""),
                '\u{2013}' | '\u{2014}' => CompactString::const_new("-"),
                _ => {
                    let mut buf = [0; 4];
                    CompactString::from(&*c.encode_utf8(&mut buf))
                }
            };
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                lower,
                is_word: false,
                capitalized: false,
            });
            i += c.len_utf8();
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
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut from = 0;
    // Only the ASCII end marks can end a sentence: jump between them instead of
    // decoding every character.
    while let Some(off) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?'))
    {
        let pos = from + off;
        let closers = slice[pos + 1..]
            .chars()
            .take_while(|c| matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']'));
        let j = pos + 1 + closers.map(char::len_utf8).sum::<usize>();
        let space = slice[j..].chars().take_while(|c| c.is_whitespace());
        let k = j + space.map(char::len_utf8).sum::<usize>();
        let next = slice[k..].chars().next();
        let next_ok = match next {
            None => true,
            Some(n) => {
                k > j
                    && (n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '\u{201c}' | '\u{2018}' | '('))
            }
        };
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        if next_ok
            && !(bytes[pos] == b'.' && is_abbreviation(slice, pos, abbreviations, next_digit))
        {
            push_trimmed(slice, start, sent_start, j, &mut out);
            sent_start = k;
            from = k;
            if k >= slice.len() {
                break;
            }
            continue;
        }
        from = pos + 1;
    }
    push_trimmed(slice, start, sent_start, slice.len(), &mut out);
    out
}

/// The most tokens a sentence is read as one. Most rules look across the sentence
/// from each word, so a sentence costs the square of its length: one of 80,000 tokens
/// ('Iran attacked Iraq and ' twenty thousand times) took 30 s and 10 GB. The longest
/// sentences of the reports read so far have about 600 tokens.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// The pieces, as token ranges, a sentence of `tokens` is read in: the whole, or for a
/// sentence of more than [`MAX_SENTENCE_TOKENS`], pieces of at most that many, each
/// cut where a clause or list item most likely ends: after the last semicolon of its
/// second half, else after the last comma, else before the last "and" or "or".
pub fn sentence_pieces(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while tokens.len() - from > MAX_SENTENCE_TOKENS {
        let window = from + MAX_SENTENCE_TOKENS / 2..from + MAX_SENTENCE_TOKENS;
        let last = |words: &[&str]| {
            window
                .clone()
                .rev()
                .find(|&k| words.contains(&tokens[k].lower.as_str()))
        };
        let cut = last(&[";"])
            .or_else(|| last(&[","]))
            .map(|k| k + 1)
            .or_else(|| last(&["and", "or"]))
            .unwrap_or(window.end);
        out.push((from, cut));
        from = cut;
    }
    out.push((from, tokens.len()));
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

    #[test]
    fn long_sentences_are_cut_where_a_clause_or_item_ends() {
        let pieces = |s: &str| {
            let t = tokenize(s, 0, s.len());
            sentence_pieces(&t)
                .into_iter()
                .map(|(a, b)| (b - a, t[a].lower.to_string(), t[b - 1].lower.to_string()))
                .collect::<Vec<_>>()
        };
        let limit = MAX_SENTENCE_TOKENS;
        // 'x y ' * (limit / 2) and one more: a word over, no mark to cut at.
        let plain = "x y ".repeat(limit / 2) + "z";
        assert_eq!(
            pieces(&plain),
            [(limit, "x".into(), "y".into()), (1, "z".into(), "z".into())]
        );
        // After the last semicolon of the second half, though a comma comes later.
        let marks = "w ".repeat(600) + "; " + &"w ".repeat(300) + ", " + &"w ".repeat(300);
        let p = pieces(&marks);
        assert_eq!(p[0], (601, "w".into(), ";".into()));
        assert_eq!(p.iter().map(|p| p.0).sum::<usize>(), 1202);
        // Before the last "and": the next piece starts with it.
        let and = "a b and ".repeat(limit / 3 + 1);
        let p = pieces(&and);
        assert_eq!(p[1].1, "and");
        assert!(p.iter().all(|p| p.0 <= limit));
        // A sentence of the limit's length is one piece.
        assert_eq!(pieces(&"w ".repeat(limit)).len(), 1);
    }
}
