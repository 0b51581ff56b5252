use std::path::PathBuf;

use clap::ValueEnum;

use crate::extraction::DataArgs;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Folder of <report>.gold.json files, with the reports (<report>.txt) beside them.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// The alias table of canonical actor names (default: actors.json in or above DIR).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Score this relations JSONL instead of extracting the reports.
    #[arg(long, value_name = "FILE.jsonl")]
    pub system: Option<PathBuf>,
    /// Also print each report's typed scores.
    #[arg(long)]
    pub by_doc: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when a score is below its floor, e.g. `--floor typed=0.6 --floor pair=0.8`.
    #[arg(long, value_name = "MEASURE=F1")]
    pub floor: Vec<String>,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Report files or directories of reports (*.txt, *.md); `-` reads standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// The report name to use for standard input.
    #[arg(long, default_value = "stdin.txt")]
    pub stdin_name: String,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One relation a line, as scored by the evaluation tools.
    Jsonl,
    /// Turtle.
    Ttl,
    /// N-Triples.
    Nt,
    /// Graphviz DOT.
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Report files or directories of reports (*.txt, *.md); `-` reads standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// The report name to use for standard input.
    #[arg(long, default_value = "stdin.txt")]
    pub stdin_name: String,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The SPARQL query text (prefixes ag:, actor:, cameo:, rdf:, skos:, … are predeclared).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub sparql: Option<String>,
    /// Read the query from a file.
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,
    /// Results format: a table for people, standard SPARQL results formats for tools.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// In a table, show every cell whole instead of cutting it at 80 characters.
    #[arg(long, short)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on; only this machine can connect unless you
    /// name another interface.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Accept SPARQL updates (the store is created if missing).
    #[arg(long)]
    pub writable: bool,
    /// Cancel a query that runs longer than this many seconds.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    /// Write to this file (replaced whole, never half-written) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Which part of the actor graph the graph formats (dot … json) draw.
    #[command(flatten)]
    pub filter: crate::filter::FilterArgs,
    /// The diagram's caption (dot, svg, png, pdf); by default the filters in words.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// How a pair's relations share drawn edges (dot, svg, png, pdf).
    #[arg(long, value_enum, default_value_t = MergeArg::Relation)]
    pub merge: MergeArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MergeArg {
    /// One edge per colour and line style, listing the relations ("attacks ×3, strikes ×2").
    Relation,
    /// One edge per CAMEO root ("assault ×12").
    Root,
    /// One edge per QuadClass ("material conflict ×12"): the fewest lines, for a briefing.
    QuadClass,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Turtle (all graphs merged).
    Ttl,
    /// N-Triples (all graphs merged).
    Nt,
    /// N-Quads (graphs kept).
    Nq,
    /// TriG (graphs kept).
    Trig,
    /// JSON-LD (graphs kept).
    Jsonld,
    /// RDF/XML (all graphs merged).
    Rdfxml,
    /// Graphviz DOT of the actor graph.
    Dot,
    /// SVG of the actor graph, drawn by Graphviz `dot`.
    Svg,
    /// PNG of the actor graph, drawn by Graphviz `dot`.
    Png,
    /// PDF of the actor graph, drawn by Graphviz `dot`.
    Pdf,
    /// GraphML of the actor graph (Gephi, yEd, Cytoscape).
    Graphml,
    /// CSV table of the actor graph's nodes (Gephi's spreadsheet import).
    CsvNodes,
    /// CSV table of the actor graph's edges (Gephi's spreadsheet import).
    CsvEdges,
    /// JSON nodes and links of the actor graph (D3, networkx).
    Json,
}
