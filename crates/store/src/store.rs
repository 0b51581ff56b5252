use std::collections::HashSet;
use std::path::{Path, PathBuf};

use actorgraph_extract::{DICTIONARY_FILES, ONTOLOGY_FILES};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};

use crate::backend::{Backend, Dataset, IngestOutcome, QuadIter, ReportStatus};
use crate::error::StoreError;
use crate::model::{base_graph, base_graph_hash, content_hash, nn, report_iri, ReportGraph};
use crate::vocab::{ag, ACTORS_GRAPH, ONTOLOGY_GRAPH, PREFIXES};

/// Quads gathered before a batch is written: large enough that the bulk
/// loader's fixed cost per batch (sorting, one SST file per index, one
/// ingestion) is small per quad, small enough to bound memory (about
/// 50 MB of quads).
pub const DEFAULT_BATCH_QUADS: usize = 100_000;

/// How long [`GraphStore::open_read_only`] waits for a store that another process is
/// creating.
#[cfg(feature = "rocksdb")]
const CREATION_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Ingests reports in batches (see [`GraphStore::batch_writer`]).
///
/// New reports are gathered and written together through Oxigraph's bulk
/// loader, whose commit is a single atomic ingestion of sorted files: a
/// batch of whole reports lands whole or not at all, so an interrupted
/// ingest leaves complete reports only. A report that replaces an older
/// version is written in a transaction of its own (clear and insert
/// together), because the bulk loader only adds. Reports still gathered
/// are written by [`BatchWriter::commit`]; dropping the writer without it
/// discards them.
pub struct BatchWriter<'a> {
    store: &'a GraphStore,
    pending: Vec<Quad>,
    pending_graphs: HashSet<NamedNode>,
    /// Graphs written by this writer, so a second report of the same name
    /// in one run replaces the first instead of merging with it.
    seen: HashSet<NamedNode>,
    batch_quads: usize,
    written: usize,
    batches: usize,
}

impl BatchWriter<'_> {
    /// Writes a batch once this many quads are gathered.
    pub fn with_batch_quads(mut self, quads: usize) -> Self {
        self.batch_quads = quads.max(1);
        self
    }

    /// Adds a report graph. Its outcome is what the store will hold once
    /// the batch is committed.
    pub fn add(&mut self, graph: ReportGraph) -> Result<IngestOutcome, StoreError> {
        let g = graph.graph.as_ref();
        if self.pending_graphs.contains(&graph.graph) || self.seen.contains(&graph.graph) {
            self.commit()?;
            let outcome = self.store.ingest_graph(&graph)?;
            if outcome != IngestOutcome::Unchanged {
                self.written += graph.quads.len();
            }
            return Ok(outcome);
        }
        let outcome =
            match self
                .store
                .status_of(g, &graph.doc, &graph.hash, graph.extractor.as_deref())?
            {
                ReportStatus::Unchanged => return Ok(IngestOutcome::Unchanged),
                ReportStatus::Changed => {
                    let outcome = self.store.ingest_graph(&graph)?;
                    self.written += graph.quads.len();
                    self.seen.insert(graph.graph);
                    return Ok(outcome);
                }
                ReportStatus::New => IngestOutcome::Added,
            };
        self.pending_graphs.insert(graph.graph.clone());
        self.seen.insert(graph.graph);
        self.pending.extend(graph.quads);
        if self.pending.len() >= self.batch_quads {
            self.commit()?;
        }
        Ok(outcome)
    }

    /// Writes the gathered reports, atomically.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let quads = std::mem::take(&mut self.pending);
        let n = quads.len();
        let path = &self.store.path;
        // One loader thread: the batch is below the loader's own batch size
        // anyway, and the other cores are busy extracting the next batch.
        let mut loader = self.store.store.bulk_loader().with_num_threads(1);
        loader.load_quads(quads).map_err(|e| storage(path, e))?;
        loader.commit().map_err(|e| storage(path, e))?;
        self.pending_graphs.clear();
        self.written += n;
        self.batches += 1;
        Ok(())
    }

    /// Batches written through the bulk loader so far.
    pub fn batches(&self) -> usize {
        self.batches
    }

    /// Quads written so far (duplicates within a report counted once per
    /// occurrence).
    pub fn quads_written(&self) -> usize {
        self.written
    }
}

/// The actorgraph RDF store: Oxigraph, persistent (RocksDB) or in memory.
pub struct GraphStore {
    store: Store,
    path: PathBuf,
}

impl GraphStore {
    /// Opens (creating if needed) a persistent store for reading and writing.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        if path.exists() && !path.is_dir() {
            return Err(StoreError::NotADirectory { path });
        }
        let store = Store::open(&path).map_err(|e| storage(&path, e))?;
        Ok(Self { store, path })
    }

    /// Opens an existing persistent store for reading only; works while
    /// another process writes to it. A store that another process is creating is
    /// waited for a moment, then refused with [`StoreError::BeingCreated`].
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(StoreError::Missing { path });
        }
        if !path.is_dir() {
            return Err(StoreError::NotADirectory { path });
        }
        // RocksDB writes CURRENT, then adds the column families one by one: a store
        // caught in between has no CURRENT yet, or lacks a column family. Its creation
        // takes milliseconds, so it is waited for, a little. So is a file that a writer
        // compacted away between the reading of the manifest and its own opening.
        let deadline = std::time::Instant::now() + CREATION_WAIT;
        loop {
            let last = std::time::Instant::now() >= deadline;
            if path.join("CURRENT").exists() {
                match Store::open_read_only(&path) {
                    Ok(store) => return Ok(Self { store, path }),
                    // Oxigraph writes its storage version after the column families:
                    // a store without one yet makes a reader try to write it.
                    Err(e)
                        if e.to_string().contains("Column family not found")
                            || e.to_string().contains("only possible on read-write") =>
                    {
                        if last {
                            return Err(StoreError::BeingCreated { path });
                        }
                    }
                    Err(e) if !last && e.to_string().contains("No such file or directory") => {}
                    Err(e) => return Err(storage(&path, e)),
                }
            } else if !path.join("LOCK").exists() {
                return Err(StoreError::Missing { path });
            } else if last {
                return Err(StoreError::BeingCreated { path });
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Self, StoreError> {
        let path = PathBuf::from("<memory>");
        let store = Store::new().map_err(|e| storage(&path, e))?;
        Ok(Self { store, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying Oxigraph store, for anything this API does not cover.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    fn load_base_graph(&self, graph: &str, files: &[(&str, &str)]) -> Result<(), StoreError> {
        // The content hash is checked before the Turtle is parsed, so an
        // up-to-date store costs one lookup.
        if self
            .store
            .contains(&base_graph_hash(graph, files))
            .map_err(|e| storage(&self.path, e))?
        {
            return Ok(());
        }
        let (g, _, quads) = base_graph(graph, files)?;
        if !self
            .store
            .contains_named_graph(g.as_ref())
            .map_err(|e| storage(&self.path, e))?
        {
            // A fresh store: the bulk loader adds the graph in one atomic
            // ingestion, several times faster than a transaction.
            let mut loader = self.store.bulk_loader().with_num_threads(1);
            loader
                .load_quads(quads)
                .map_err(|e| storage(&self.path, e))?;
            return loader.commit().map_err(|e| storage(&self.path, e));
        }
        let mut tx = self
            .store
            .start_transaction()
            .map_err(|e| storage(&self.path, e))?;
        tx.clear_graph(GraphNameRef::NamedNode(g.as_ref()))
            .map_err(|e| storage(&self.path, e))?;
        tx.extend(quads.iter());
        tx.commit().map_err(|e| storage(&self.path, e))
    }

    /// What the graph `g` holds of report `doc`; an error when it holds another
    /// report, whose graph `doc` would overwrite.
    fn status_of(
        &self,
        g: NamedNodeRef<'_>,
        doc: &str,
        hash: &str,
        extractor: Option<&str>,
    ) -> Result<ReportStatus, StoreError> {
        let literal_of = |pred: crate::vocab::Term| {
            self.store
                .quads_for_pattern(
                    Some(g.into()),
                    Some(pred.as_ref()),
                    None,
                    Some(GraphNameRef::NamedNode(g)),
                )
                .next()
                .transpose()
                .map(|q| q.map(|q| q.object))
                .map_err(|e| storage(&self.path, e))
        };
        let same = |term: &Option<Term>, value: &str| {
            term.as_ref() == Some(&Term::from(Literal::new_simple_literal(value)))
        };
        if let Some(Term::Literal(held)) = literal_of(ag::FILE_NAME)? {
            if held.value() != doc {
                return Err(StoreError::NameClash {
                    doc: doc.to_owned(),
                    held_by: held.value().to_owned(),
                    graph: g.as_str().to_owned(),
                });
            }
        }
        let existing = literal_of(ag::CONTENT_HASH)?;
        Ok(match existing {
            None => ReportStatus::New,
            Some(_) if !same(&existing, hash) => ReportStatus::Changed,
            Some(_) => match extractor {
                Some(x) if !same(&literal_of(ag::EXTRACTED_WITH)?, x) => ReportStatus::Changed,
                _ => ReportStatus::Unchanged,
            },
        })
    }

    /// A writer that ingests many reports in batches: much faster than
    /// [`Backend::ingest`] one by one, and still atomic per report.
    pub fn batch_writer(&self) -> BatchWriter<'_> {
        BatchWriter {
            store: self,
            pending: Vec::new(),
            pending_graphs: HashSet::new(),
            seen: HashSet::new(),
            batch_quads: DEFAULT_BATCH_QUADS,
            written: 0,
            batches: 0,
        }
    }

    /// Compacts the store's indexes. Each bulk-loaded batch adds files that
    /// overlap the others, and every lookup visits all of them until they
    /// are compacted: after many batches, queries are several times faster
    /// once this has run.
    #[cfg(feature = "rocksdb")]
    pub fn optimize(&self) -> Result<(), StoreError> {
        self.store.optimize().map_err(|e| storage(&self.path, e))
    }

    /// Whether a report graph exists.
    pub fn has_report(&self, iri: &str) -> Result<bool, StoreError> {
        let g = NamedNodeRef::new(iri).map_err(|e| StoreError::model(iri, e))?;
        self.store
            .contains_named_graph(g)
            .map_err(|e| storage(&self.path, e))
    }
}

impl Backend for GraphStore {
    fn location(&self) -> String {
        self.path.display().to_string()
    }

    fn query_with(
        &self,
        sparql: &str,
        dataset: &Dataset,
        cancel: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>, StoreError> {
        let mut evaluator = evaluator()?;
        if let Some(token) = cancel {
            evaluator = evaluator.with_cancellation_token(token);
        }
        crate::syntax::check_nesting(sparql).map_err(StoreError::QuerySyntax)?;
        let mut prepared = evaluator.parse_query(sparql).map_err(|e| {
            StoreError::QuerySyntax(crate::syntax::readable(sparql, &e.to_string()))
        })?;
        if !dataset.is_empty() {
            let ds = prepared.dataset_mut();
            ds.set_default_graph(
                dataset
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(GraphName::from)
                    .collect(),
            );
            ds.set_available_named_graphs(
                dataset
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(NamedOrBlankNode::from)
                    .collect(),
            );
        } else if prepared.dataset().is_default_dataset() {
            // Reports are named graphs; without FROM, a query sees all of them at once.
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }

    fn update(&self, sparql: &str) -> Result<(), StoreError> {
        crate::syntax::check_nesting(sparql).map_err(StoreError::QuerySyntax)?;
        Ok(evaluator()?
            .parse_update(sparql)
            .map_err(StoreError::UpdateSyntax)?
            .on_store(&self.store)
            .execute()?)
    }

    fn quads(&self) -> Result<QuadIter<'_>, StoreError> {
        let path = &self.path;
        Ok(Box::new(
            self.store
                .iter()
                .map(move |q| q.map_err(|e| storage(path, e))),
        ))
    }

    fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| storage(&self.path, e))
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        self.store.is_empty().map_err(|e| storage(&self.path, e))
    }

    fn ensure_base(&self) -> Result<(), StoreError> {
        self.load_base_graph(ONTOLOGY_GRAPH, ONTOLOGY_FILES)?;
        self.load_base_graph(ACTORS_GRAPH, DICTIONARY_FILES)
    }

    fn report_status(&self, doc: &str, text: &str) -> Result<ReportStatus, StoreError> {
        let g = nn(&report_iri(doc))?;
        self.status_of(g.as_ref(), doc, &content_hash(text), None)
    }

    fn report_status_for(
        &self,
        doc: &str,
        text: &str,
        extractor: &str,
    ) -> Result<ReportStatus, StoreError> {
        let g = nn(&report_iri(doc))?;
        self.status_of(g.as_ref(), doc, &content_hash(text), Some(extractor))
    }

    /// One transaction per report: clear the old graph, insert the new.
    fn ingest_graph(&self, graph: &ReportGraph) -> Result<IngestOutcome, StoreError> {
        let g = graph.graph.as_ref();
        let outcome =
            match self.status_of(g, &graph.doc, &graph.hash, graph.extractor.as_deref())? {
                ReportStatus::Unchanged => return Ok(IngestOutcome::Unchanged),
                ReportStatus::Changed => IngestOutcome::Replaced,
                ReportStatus::New => IngestOutcome::Added,
            };
        let mut tx = self
            .store
            .start_transaction()
            .map_err(|e| storage(&self.path, e))?;
        tx.clear_graph(GraphNameRef::NamedNode(g))
            .map_err(|e| storage(&self.path, e))?;
        tx.extend(graph.quads.iter());
        tx.commit().map_err(|e| storage(&self.path, e))?;
        Ok(outcome)
    }

    #[cfg(feature = "rocksdb")]
    fn flush(&self) -> Result<(), StoreError> {
        self.store.flush().map_err(|e| storage(&self.path, e))
    }
}

/// The SPARQL evaluator with the actorgraph prefixes declared.
pub(crate) fn evaluator() -> Result<SparqlEvaluator, StoreError> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*p, *iri)
            .map_err(|e| StoreError::model(format!("prefix {p}"), e))?;
    }
    Ok(evaluator)
}

fn storage(path: &Path, e: StorageError) -> StoreError {
    // RocksDB reports a store held by another process through its LOCK file;
    // its message is the only sign of it.
    let message = e.to_string();
    if message.contains("LOCK")
        || message.contains("lock file")
        || message.contains("Resource temporarily unavailable")
    {
        return StoreError::Locked {
            path: path.to_path_buf(),
        };
    }
    StoreError::Storage {
        path: path.to_path_buf(),
        source: e,
    }
}
