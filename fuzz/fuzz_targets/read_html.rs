//! A saved web page through the page reader, and the report text it gives through
//! the extractor's document parser, as `actorgraph extract page.html` runs them.
#![no_main]

use actorgraph_extract::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let _ = actorgraph_read::looks_like_html(data);
    if let Ok(page) = actorgraph_read::read_html(html) {
        let _ = Document::parse("fuzz-page.html", page.text);
    }
});
