//! `actorgraph export`: the whole store as linked data, or the actor graph, filtered,
//! as a diagram, GraphML, CSV or JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph_export::{
    render, write_dot_with, write_edges_csv, write_graphml, write_json, write_jsonld,
    write_nodes_csv, Corpus, GraphView, Image,
};
use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::Backend;
use anyhow::{bail, Result};
use clap::ValueEnum;

use crate::filter::FilterArgs;
use crate::output::{refuse_binary_on_terminal, to_file_whole, to_stdout};
use crate::target::{read_store, Location};

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
    pub filter: FilterArgs,
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

pub fn run(a: &ExportArgs, at: &Location) -> Result<ExitCode> {
    let (format, output) = (a.format, a.output.as_deref());
    if !is_graph(format) && a.filter.narrows() {
        bail!(
            "filters (--actor, --from, --quad-class, ...) apply to the actor graph formats \
             (dot, svg, png, pdf, graphml, csv-nodes, csv-edges, json), not to linked data"
        );
    }
    if output.is_none() && matches!(format, ExportFormat::Png | ExportFormat::Pdf) {
        refuse_binary_on_terminal()?;
    }
    let store = read_store(at)?;
    let write = |w: &mut dyn Write| -> Result<()> {
        let rdf = match format {
            ExportFormat::Ttl => RdfFormat::Turtle,
            ExportFormat::Nt => RdfFormat::NTriples,
            ExportFormat::Nq => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => {
                write_jsonld(&*store, w)?;
                return Ok(());
            }
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            graph => {
                let options = actorgraph_export::DotOptions {
                    title: a.title.clone(),
                    merge: match a.merge {
                        MergeArg::Relation => actorgraph_export::Merge::Relation,
                        MergeArg::Root => actorgraph_export::Merge::Root,
                        MergeArg::QuadClass => actorgraph_export::Merge::QuadClass,
                    },
                };
                return write_graph(&*store, graph, &a.filter, &options, w);
            }
        };
        store.dump(rdf, w)?;
        Ok(())
    };
    match output {
        Some(path) => to_file_whole(path, write)?,
        None => to_stdout(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a format is a picture or table of the actor graph (not linked data).
fn is_graph(format: ExportFormat) -> bool {
    !matches!(
        format,
        ExportFormat::Ttl
            | ExportFormat::Nt
            | ExportFormat::Nq
            | ExportFormat::Trig
            | ExportFormat::Jsonld
            | ExportFormat::Rdfxml
    )
}

/// Writes the filtered actor graph in a graph format.
fn write_graph(
    store: &dyn Backend,
    format: ExportFormat,
    filter: &FilterArgs,
    options: &actorgraph_export::DotOptions,
    w: &mut dyn Write,
) -> Result<()> {
    let corpus = Corpus::from_store(store)?;
    let view = GraphView::build(&corpus, &filter.to_filter(&corpus)?);
    let image = match format {
        ExportFormat::Svg => Image::Svg,
        ExportFormat::Png => Image::Png,
        ExportFormat::Pdf => Image::Pdf,
        ExportFormat::Dot => return Ok(write_dot_with(&view, options, w)?),
        ExportFormat::Graphml => return Ok(write_graphml(&view, w)?),
        ExportFormat::CsvNodes => return Ok(write_nodes_csv(&view, w)?),
        ExportFormat::CsvEdges => return Ok(write_edges_csv(&view, w)?),
        ExportFormat::Json => return Ok(write_json(&view, w)?),
        other => bail!("{other:?} is not a graph format"),
    };
    let mut dot = Vec::new();
    write_dot_with(&view, options, &mut dot)?;
    w.write_all(&render(&dot, image)?)?;
    Ok(())
}
