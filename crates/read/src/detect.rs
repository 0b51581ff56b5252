//! What a file's first bytes say it is: HTML is known by its content, whatever its name.

/// The first bytes after a byte-order mark, white space and comments, lowercased.
fn head(bytes: &[u8]) -> Vec<u8> {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    loop {
        let start = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        rest = &rest[start..];
        // A page saved by a browser may open with a comment ("saved from url=").
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return Vec::new(),
            }
        } else {
            break;
        }
    }
    rest.iter().take(512).map(u8::to_ascii_lowercase).collect()
}

/// A whole HTML document: a doctype, an `<html>` element, or XHTML's XML declaration
/// before one. No report in plain text or Markdown opens this way.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let h = head(bytes);
    h.starts_with(b"<!doctype html")
        || h.starts_with(b"<html")
        || (h.starts_with(b"<?xml") && h.windows(5).any(|w| w == b"<html"))
}

/// A whole document, or a fragment: markup that opens with an element of a page's
/// body and closes one. Markdown may hold such markup too, so callers ask this only of
/// input that is not named as Markdown or text.
pub fn looks_like_html_fragment(bytes: &[u8]) -> bool {
    const TAGS: &[&str] = &[
        "head",
        "body",
        "meta",
        "title",
        "article",
        "main",
        "section",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "table",
        "header",
        "nav",
        "span",
        "a",
        "strong",
        "em",
        "b",
        "i",
        "blockquote",
        "figure",
        "img",
        "link",
        "style",
        "script",
    ];
    if looks_like_html(bytes) {
        return true;
    }
    let h = head(bytes);
    let Some(rest) = h.strip_prefix(b"<") else {
        return false;
    };
    let name_len = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = std::str::from_utf8(&rest[..name_len]).unwrap_or("");
    TAGS.contains(&name) && h.windows(2).any(|w| w == b"</")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_known_by_their_content() {
        assert!(looks_like_html(b"\xef\xbb\xbf\n<!DOCTYPE html><html>"));
        assert!(looks_like_html(
            b"<!-- saved from url=(0042)https://a.example/ -->\n<html lang=en>"
        ));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        ));
        assert!(!looks_like_html(b"<p>Iran hosted Syria.</p>"));
        assert!(looks_like_html_fragment(b"<p>Iran hosted Syria.</p>"));
        assert!(looks_like_html_fragment(
            b"  <div class=\"x\"><p>Iran.</p></div>"
        ));
        for text in [
            &b"Iran Update, July 31, 2023\n\nIran hosted Syria.[1]\n"[..],
            b"# Iran Update\n\n<b>bold</b>",
            b"<unknown>x</unknown>",
            b"<p>never closed",
            b"",
        ] {
            assert!(!looks_like_html(text));
            if text.starts_with(b"<p>") || text.starts_with(b"<unknown>") || text.is_empty() {
                assert!(!looks_like_html_fragment(text));
            }
        }
    }
}
