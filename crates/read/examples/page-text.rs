//! Prints the report text that a saved page or a PDF reads as, or why it is none:
//! `cargo run -p actorgraph-read --example page-text -- PAGE.html|REPORT.pdf`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: page-text PAGE.html|REPORT.pdf")?;
    let bytes = std::fs::read(&path)?;
    let page = if actorgraph_read::looks_like_pdf(&bytes) {
        actorgraph_read::read_pdf(&bytes)
    } else {
        actorgraph_read::read_html(&String::from_utf8(bytes)?)
    }
    .map_err(|e| format!("{path}: {e}"))?;
    print!("{}", page.text);
    Ok(())
}
