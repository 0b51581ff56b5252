use std::io::Write;
use std::path::{Path, PathBuf};

use actorgraph_extract::{Extraction, DICTIONARY_FILES, ONTOLOGY_FILES};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};

use crate::error::StoreError;
use crate::model::{base_graph, content_hash, ReportGraph, ACTORS_GRAPH, ONTOLOGY_GRAPH};

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

/// The actorgraph RDF store: Oxigraph, persistent (RocksDB) or in memory.
pub struct GraphStore {
    store: Store,
    path: PathBuf,
}

impl GraphStore {
    /// Opens (creating if needed) a persistent store for reading and writing.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        if path.exists() && !path.is_dir() {
            return Err(StoreError::NotADirectory { path });
        }
        let store = Store::open(&path).map_err(|e| storage(&path, e))?;
        Ok(Self { store, path })
    }

    /// Opens an existing persistent store for reading only; works while
    /// another process writes to it.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(StoreError::Missing { path });
        }
        if !path.is_dir() {
            return Err(StoreError::NotADirectory { path });
        }
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path });
        }
        let store = Store::open_read_only(&path).map_err(|e| storage(&path, e))?;
        Ok(Self { store, path })
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

    /// Loads the ontology and the actor dictionary into their graphs, unless
    /// the same versions are already there.
    pub fn ensure_base(&self) -> Result<(), StoreError> {
        self.load_base_graph(ONTOLOGY_GRAPH, ONTOLOGY_FILES)?;
        self.load_base_graph(ACTORS_GRAPH, DICTIONARY_FILES)
    }

    fn load_base_graph(&self, graph: &str, files: &[(&str, &str)]) -> Result<(), StoreError> {
        let (g, _, quads) = base_graph(graph, files)?;
        // The first quad records the content hash: present means up to date.
        if self
            .store
            .contains(&quads[0])
            .map_err(|e| storage(&self.path, e))?
        {
            return Ok(());
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

    /// Ingests one report atomically: its graph lands whole or not at all.
    /// The same content again writes nothing; new content under the same
    /// name replaces the old graph.
    pub fn ingest(&self, extraction: &Extraction, text: &str) -> Result<IngestOutcome, StoreError> {
        let hash = content_hash(text);
        let graph = ReportGraph::new(extraction, &hash)?;
        let g = graph.graph.as_ref();
        let hash_pred =
            NamedNode::new_unchecked(format!("{}contentHash", actorgraph_extract::vocab::AG));
        let existing = self
            .store
            .quads_for_pattern(
                Some(g.into()),
                Some(hash_pred.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(g)),
            )
            .next()
            .transpose()
            .map_err(|e| storage(&self.path, e))?;
        let outcome = match existing {
            Some(q) if q.object == Term::from(Literal::new_simple_literal(&hash)) => {
                return Ok(IngestOutcome::Unchanged)
            }
            Some(_) => IngestOutcome::Replaced,
            None => IngestOutcome::Added,
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

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| storage(&self.path, e))
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.store.is_empty().map_err(|e| storage(&self.path, e))
    }

    /// Runs a SPARQL 1.1 query with the actorgraph prefixes predeclared and,
    /// unless the query names its dataset, the union of all graphs as default graph.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut evaluator = SparqlEvaluator::new();
        for (p, iri) in crate::model::PREFIXES {
            evaluator = evaluator
                .with_prefix(*p, *iri)
                .map_err(|e| StoreError::QuerySyntax(e.to_string()))?;
        }
        let mut prepared = evaluator
            .parse_query(sparql)
            .map_err(|e| StoreError::QuerySyntax(e.to_string()))?;
        // Reports are named graphs; without FROM, a query sees all of them at once.
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::Evaluation(e.to_string()))
    }

    /// Writes the store in an RDF format. Triple formats get the union of all
    /// graphs; quad formats keep the graphs. Output is sorted, so the same
    /// store gives the same bytes.
    pub fn dump(&self, format: RdfFormat, writer: impl Write) -> Result<(), StoreError> {
        let mut quads: Vec<Quad> = self
            .store
            .iter()
            .collect::<Result<_, _>>()
            .map_err(|e| storage(&self.path, e))?;
        crate::format::write_quads(&mut quads, format, writer)
    }

    /// Every quad, in storage order.
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        self.store
            .iter()
            .collect::<Result<_, _>>()
            .map_err(|e| storage(&self.path, e))
    }

    /// Flushes writes to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush().map_err(|e| storage(&self.path, e))
    }

    /// Whether a report graph exists.
    pub fn has_report(&self, iri: &str) -> Result<bool, StoreError> {
        let g = NamedNodeRef::new(iri).map_err(|e| StoreError::Model {
            what: iri.to_owned(),
            message: e.to_string(),
        })?;
        self.store
            .contains_named_graph(g)
            .map_err(|e| storage(&self.path, e))
    }
}

fn storage(path: &Path, e: StorageError) -> StoreError {
    let message = e.to_string();
    // RocksDB reports a store held by another process through its LOCK file.
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
        message,
    }
}
