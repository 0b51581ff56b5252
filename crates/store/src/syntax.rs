//! SPARQL syntax errors that people can read: where the query goes wrong, in one line,
//! instead of the parser's list of every character class it would have accepted.

use crate::vocab::PREFIXES;

const QUERY_FORMS: &[&str] = &["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"];
const SHOWN: usize = 8;

/// How deep brackets may nest in a query or update. The SPARQL parser takes time
/// exponential in the nesting (500 bytes of parentheses took 27 s), and no query an
/// analyst writes comes near this.
pub const MAX_NESTING: usize = 32;

/// How deep parentheses alone may nest. Negations inside them ("(!(!(!…") cost the
/// parser about twice as much per level even when the query is valid: 0.5 s at 16
/// levels, 107 s at 24. At 12 the worst seen takes 60 ms.
pub const MAX_PAREN_NESTING: usize = 12;

/// Refuses text whose brackets nest deeper than [`MAX_NESTING`], before the parser
/// sees it. Brackets inside string literals and comments do not count.
pub fn check_nesting(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let (mut parens, mut deepest_parens) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'') => {
                // A literal: skip to its closing quote, past escaped characters.
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            // A comment starts a line or follows white space ('#' inside an IRI does not).
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if bytes[i] == b'(' {
                    parens += 1;
                    deepest_parens = deepest_parens.max(parens);
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if bytes[i] == b')' {
                    parens = parens.saturating_sub(1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    if deepest > MAX_NESTING {
        return Err(format!(
            "brackets nest {deepest} deep; at most {MAX_NESTING} levels are accepted"
        ));
    }
    if deepest_parens > MAX_PAREN_NESTING {
        return Err(format!(
            "parentheses nest {deepest_parens} deep; at most {MAX_PAREN_NESTING} levels are accepted"
        ));
    }
    Ok(())
}

/// Rewrites a parser message ("error at 1:29: expected one of …") for `query`.
pub fn readable(query: &str, message: &str) -> String {
    let Some((line, column, expected)) = locate(message) else {
        return message.to_owned();
    };
    let at = format!("line {line}, column {column}");
    let line_text = query.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let before: String = line_text.chars().take(column.saturating_sub(1)).collect();

    if expected.contains("Prefix not found") {
        if let Some(prefix) = prefix_before(&before) {
            let known: Vec<&str> = PREFIXES.iter().map(|(p, _)| *p).collect();
            return format!(
                "unknown prefix `{prefix}:` at {at}; declare it with PREFIX {prefix}: <IRI>, or use one of {}",
                known.join(", ")
            );
        }
    }
    // A misspelt query form ("SELEC") fails at the first word the parser could not take.
    let first = first_keyword(query);
    if let Some(word) = first {
        let upper = word.to_uppercase();
        if !QUERY_FORMS.contains(&upper.as_str()) && upper != "PREFIX" && upper != "BASE" {
            let near = QUERY_FORMS
                .iter()
                .map(|f| (strsim::normalized_damerau_levenshtein(&upper, f), *f))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score >= 0.5)
                .map(|(_, f)| format!("; did you mean {f}?"))
                .unwrap_or_default();
            return format!(
                "`{word}` is not a query form: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines){near}"
            );
        }
    }
    let tokens = expected_tokens(&expected);
    let near: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .trim()
        .to_owned();
    let context = if near.is_empty() {
        String::new()
    } else {
        format!(" after `{near}`")
    };
    let what = match tokens.as_slice() {
        [] => "the query does not parse here".to_owned(),
        [one] => format!("expected {one}"),
        many if many.len() > SHOWN => format!("expected one of {} …", many[..SHOWN].join(" ")),
        many => format!("expected one of {}", many.join(" ")),
    };
    let end = if column > line_text.chars().count() {
        " (the query ends here: is a closing brace or a dot missing?)"
    } else {
        ""
    };
    format!("at {at}{context}: {what}{end}")
}

/// Line, column and the expectation of a parser message "error at L:C: expected …".
fn locate(message: &str) -> Option<(usize, usize, String)> {
    let rest = &message[message.find("error at ")? + "error at ".len()..];
    let (pos, expected) = rest.split_once(": ")?;
    let (line, column) = pos.split_once(':')?;
    Some((
        line.trim().parse().ok()?,
        column.trim().parse().ok()?,
        expected.to_owned(),
    ))
}

/// The prefix of the prefixed name that ends `text` ("?s foo:bar" → "foo").
fn prefix_before(text: &str) -> Option<&str> {
    // The word starts after the last character that is no part of a name, which may
    // take more than one byte.
    let word_start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..];
    let (prefix, _) = word.split_once(':')?;
    Some(prefix).filter(|p| !p.is_empty())
}

/// The query's first word past comments and PREFIX/BASE declarations.
fn first_keyword(query: &str) -> Option<&str> {
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        if rest.starts_with('#') {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
            continue;
        }
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.eq_ignore_ascii_case("PREFIX") || word.eq_ignore_ascii_case("BASE") {
            // Skip to the end of the IRI that closes the declaration.
            rest = rest.split_once('>').map_or("", |(_, r)| r);
            continue;
        }
        return Some(word).filter(|w| !w.is_empty());
    }
}

/// The literal tokens of an expectation list, without the character classes.
fn expected_tokens(expected: &str) -> Vec<String> {
    let list = expected
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ");
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut cur = String::new();
    for c in list.chars() {
        match c {
            '"' if depth == 0 => {
                quoted = !quoted;
                cur.push(c);
            }
            _ if quoted => cur.push(c),
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                let t = cur.trim().to_owned();
                if !t.is_empty() {
                    out.push(t);
                }
                cur.clear();
            }
            _ if depth == 0 => cur.push(c),
            _ => {}
        }
    }
    let t = cur.trim().to_owned();
    if !t.is_empty() {
        out.push(t);
    }
    out.retain(|t| t != "Prefix not found");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_prefix_is_named() {
        let q = "SELECT ?s WHERE { ?s foo:bar ?o }";
        let m =
            "error at 1:29: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9'], [':']";
        let r = readable(q, m);
        assert!(
            r.starts_with("unknown prefix `foo:` at line 1, column 29"),
            "{r}"
        );
        assert!(r.contains("ag, actor"), "{r}");
    }

    #[test]
    fn a_misspelt_query_form_gets_the_right_one() {
        let r = readable(
            "SELEC ?s WHERE { ?s ?p ?o }",
            "error at 1:10: expected CONSTRUCT",
        );
        assert!(
            r.contains("`SELEC` is not a query form") && r.contains("did you mean SELECT?"),
            "{r}"
        );
    }

    #[test]
    fn other_errors_give_the_place_and_the_literal_tokens() {
        let q = "SELECT ?s WHERE { ?s ag:exportsTo ?o ";
        let m = r#"error at 1:38: expected one of ",", ".", ";", "{", "}", [_]"#;
        let r = readable(q, m);
        assert!(r.starts_with("at line 1, column 38 after `"), "{r}");
        assert!(r.contains("ag:exportsTo ?o`: "), "{r}");
        assert!(r.contains(r#"expected one of "," "." ";" "{" "}""#), "{r}");
        assert!(r.contains("the query ends here"), "{r}");
        assert!(!r.contains("[_]"), "{r}");
    }

    #[test]
    fn an_unknown_prefix_after_a_character_of_two_bytes() {
        // U+0607 is no part of a name: the prefix starts after its second byte.
        let q = "SELECT(\u{607}sd:qu";
        let m = "error at 1:12: expected one of Prefix not found, [':']";
        let r = readable(q, m);
        assert!(r.starts_with("unknown prefix `sd:`"), "{r}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "SELECT * WHERE {{ FILTER({}1{}) }}",
            "(".repeat(200),
            ")".repeat(200)
        );
        let err = check_nesting(&deep).unwrap_err();
        assert!(err.contains("at most 32"), "{err}");
        // Negated parentheses, found by fuzzing the endpoint: exponential in the parser
        // well below 32 levels, valid or not.
        let negated = format!(
            "SELECT ({}true{} AS ?x) {{}}",
            "(!".repeat(20),
            ")".repeat(20)
        );
        let err = check_nesting(&negated).unwrap_err();
        assert!(err.contains("parentheses nest 21 deep"), "{err}");
        let usual = format!(
            "SELECT ({}true{} AS ?x) {{}}",
            "(!".repeat(8),
            ")".repeat(8)
        );
        assert!(check_nesting(&usual).is_ok());
        // Brackets in literals, comments and IRIs' fragments do not count.
        let fine = format!(
            "SELECT * WHERE {{ ?s <http://x#{}> \"{}\" }} # {}",
            "a",
            "(".repeat(100),
            "(".repeat(100)
        );
        assert!(check_nesting(&fine).is_ok());
        assert!(check_nesting("SELECT * WHERE { { { ?s ?p ?o } } }").is_ok());
    }

    #[test]
    fn a_message_without_a_place_is_kept() {
        assert_eq!(readable("x", "something else"), "something else");
    }
}
