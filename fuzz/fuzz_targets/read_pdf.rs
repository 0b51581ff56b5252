//! A PDF through the PDF reader, and the report text it gives through the
//! extractor's document parser.
#![no_main]

use actorgraph_extract::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = actorgraph_read::looks_like_pdf(data);
    if let Ok(page) = actorgraph_read::read_pdf(data) {
        let _ = Document::parse("fuzz-report.pdf", page.text);
    }
});
