//! What the rest of actorgraph needs from a graph, wherever it is kept: the
//! embedded [`GraphStore`](crate::GraphStore) or any SPARQL 1.1 server through
//! [`RemoteStore`](crate::RemoteStore). Export, analysis, ingest and the SPARQL
//! server take a [`Backend`], so each works on both.

use std::io::Write;

use actorgraph_extract::Extraction;
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Quad};
use oxigraph::sparql::{CancellationToken, QueryResults};

use crate::error::StoreError;
use crate::model::{content_hash, ReportGraph};

/// Quads as a backend reads them: one at a time, so a large graph is never
/// held twice.
pub type QuadIter<'a> = Box<dyn Iterator<Item = Result<Quad, StoreError>> + 'a>;

/// What an ingest did with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A new report.
    Added,
    /// A report of the same name with other content: its graph was replaced.
    Replaced,
    /// The same report again: nothing written.
    Unchanged,
}

/// What a backend holds of a report, judged by name and content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    /// No report of that name. (A remote endpoint says so of a changed report
    /// too: telling them apart costs a second request, and ingest finds out.)
    New,
    /// A report of that name with other content.
    Changed,
    /// The same report: ingesting it again would write nothing.
    Unchanged,
}

/// The dataset a query asks for through SPARQL protocol parameters
/// (`default-graph-uri`, `named-graph-uri`); empty, the query's own.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    pub(crate) default_graphs: Vec<NamedNode>,
    pub(crate) named_graphs: Vec<NamedNode>,
}

impl Dataset {
    /// From `default-graph-uri` and `named-graph-uri` values.
    pub fn from_params(
        default_graphs: &[String],
        named_graphs: &[String],
    ) -> Result<Self, StoreError> {
        let iri = |s: &String| {
            NamedNode::new(s.as_str()).map_err(|source| StoreError::GraphIri {
                iri: s.clone(),
                source,
            })
        };
        Ok(Self {
            default_graphs: default_graphs.iter().map(iri).collect::<Result<_, _>>()?,
            named_graphs: named_graphs.iter().map(iri).collect::<Result<_, _>>()?,
        })
    }

    /// Whether the protocol named no graph, leaving the query's own dataset.
    pub fn is_empty(&self) -> bool {
        self.default_graphs.is_empty() && self.named_graphs.is_empty()
    }
}

/// A graph of reports: an embedded store or a SPARQL endpoint.
///
/// Queries see the actorgraph prefixes declared. On the embedded store a query
/// that names no dataset sees the union of all graphs; an endpoint answers with
/// its own default graph, which is the same only when the server is set up so
/// (see the crate documentation).
pub trait Backend {
    /// Where the graph is, for messages: the store's directory or the endpoint's URL.
    fn location(&self) -> String;

    /// Runs a SPARQL 1.1 query.
    fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        self.query_with(sparql, &Dataset::default(), None)
    }

    /// Runs a SPARQL 1.1 query on the protocol's dataset, which overrides the
    /// query's own FROM clauses. `cancel` stops it on the embedded store; an
    /// endpoint applies its own time limits.
    fn query_with(
        &self,
        sparql: &str,
        dataset: &Dataset,
        cancel: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>, StoreError>;

    /// Runs a SPARQL 1.1 update.
    fn update(&self, sparql: &str) -> Result<(), StoreError>;

    /// Every quad (of an endpoint: of every named graph), in no set order.
    fn quads(&self) -> Result<QuadIter<'_>, StoreError>;

    /// Number of quads, counted as [`Backend::quads`] reads them.
    fn len(&self) -> Result<usize, StoreError>;

    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Writes every quad in an RDF format. Triple formats get the union of all
    /// graphs; quad formats keep the graphs. Output is sorted, so the same
    /// graph gives the same bytes.
    fn dump(&self, format: RdfFormat, writer: &mut dyn Write) -> Result<(), StoreError> {
        let mut quads = self.quads()?.collect::<Result<Vec<_>, _>>()?;
        crate::format::write_quads(&mut quads, format, writer)
    }

    /// Loads the ontology and the actor dictionary into their graphs, unless
    /// the same versions are already there.
    fn ensure_base(&self) -> Result<(), StoreError>;

    /// What ingesting a report would do, from its name (`Extraction`'s
    /// `report.doc`) and text alone: no extraction needed. The extractor is not
    /// compared; see [`Backend::report_status_for`].
    fn report_status(&self, doc: &str, text: &str) -> Result<ReportStatus, StoreError>;

    /// Like [`Backend::report_status`], and a report read by another extractor
    /// (`extractor`: its fingerprint, as in `ReportInfo::extractor`) counts as
    /// changed: an upgraded extractor reads it again.
    fn report_status_for(
        &self,
        doc: &str,
        text: &str,
        extractor: &str,
    ) -> Result<ReportStatus, StoreError>;

    /// Writes one report graph atomically: it lands whole or not at all. The
    /// same content again writes nothing; new content under the same name
    /// replaces the old graph.
    fn ingest_graph(&self, graph: &ReportGraph) -> Result<IngestOutcome, StoreError>;

    /// Ingests one report, as [`Backend::ingest_graph`] does its graph.
    fn ingest(&self, extraction: &Extraction, text: &str) -> Result<IngestOutcome, StoreError> {
        self.ingest_graph(&ReportGraph::new(extraction, &content_hash(text))?)
    }

    /// Makes the writes so far durable.
    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
