//! Prints the report text that a saved page reads as, or why it is none:
//! `cargo run -p actorgraph-read --example page-text -- PAGE.html`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: page-text PAGE.html")?;
    let html = std::fs::read_to_string(&path)?;
    let page = actorgraph_read::read_html(&html).map_err(|e| format!("{path}: {e}"))?;
    print!("{}", page.text);
    Ok(())
}
