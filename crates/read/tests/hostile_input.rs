//! Inputs that once made a reader panic: each must now read, or fail with an error.

use actorgraph_read::read_html;

/// An endnote holding only an empty link: the link ended after the note's "[1] "
/// marker, in the space cut from the line's end.
#[test]
fn an_empty_link_in_an_endnote() {
    // Too little text to be a report: an error is the right answer, a panic is not.
    let _ = read_html("<n class=notes><ol><li><a href=a>");
}

/// The same, with the address a citation: it is kept as the note's.
#[test]
fn an_empty_link_to_an_address_in_an_endnote() {
    let body = "Russian forces attacked Ukrainian positions near Kreminna on March 3. ".repeat(4);
    let page = read_html(&format!(
        "<p>{body}[1]</p><div class=notes><ol><li><a href=\"https://example.org/a\"> </a></li></ol></div>"
    ))
    .expect("reads");
    assert!(
        page.text.contains("[1] https://example.org/a"),
        "{:?}",
        page.text
    );
}
