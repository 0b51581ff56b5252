//! Prints the relations of the reports named on the command line as JSONL.
//!
//! `cargo run -p actorgraph-extract --example extract_jsonl -- report.txt`

use actorgraph_extract::Extractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = Extractor::builtin()?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        for rel in extractor.extract(&name, text)?.relations {
            println!("{}", serde_json::to_string(&rel)?);
        }
    }
    Ok(())
}
