//! Where the graph is kept: the local store (`--store`) or a SPARQL server
//! (`--endpoint`), and opening it for reading or writing.

use std::path::PathBuf;

use actorgraph_export::Corpus;
use actorgraph_store::oxigraph::sparql::QueryResults;
use actorgraph_store::{Backend, GraphStore, RemoteStore, ReportStatus, StoreError};
use anyhow::Result;

/// The global options that say where the graph is.
pub struct Location {
    pub store: PathBuf,
    pub endpoint: Option<String>,
    pub update_endpoint: Option<String>,
    pub endpoint_token: Option<String>,
}

/// An open graph: the local store or a SPARQL server.
pub enum Target {
    Local(GraphStore),
    Remote(RemoteStore),
}

impl Target {
    /// The remote endpoint when one is given; else the local store, opened
    /// for writing only by those who write (see `ingest`).
    pub fn open(at: &Location) -> Result<Self> {
        Ok(match &at.endpoint {
            Some(url) => Target::Remote(
                RemoteStore::new(url, at.update_endpoint.as_deref())?
                    .with_token(at.endpoint_token.clone()),
            ),
            None => Target::Local(GraphStore::open(&at.store)?),
        })
    }

    /// As `open`, but the local store is opened read-only: a writer's handle
    /// would compact and delete files under the reader's feet, and would
    /// wrongly refuse a store that an ingest is writing.
    pub fn open_for_reading(at: &Location) -> Result<Self> {
        Ok(match &at.endpoint {
            Some(_) => Self::open(at)?,
            None => Target::Local(GraphStore::open_read_only(&at.store)?),
        })
    }

    pub fn name(&self) -> String {
        match self {
            Target::Local(s) => s.path().display().to_string(),
            Target::Remote(r) => r.query_url().to_owned(),
        }
    }

    pub fn ensure_base(&self) -> Result<(), StoreError> {
        match self {
            Target::Local(s) => s.ensure_base(),
            Target::Remote(r) => r.ensure_base(),
        }
    }

    /// Whether a report needs extracting and writing (name, content hash and
    /// the extractor that read it).
    pub fn report_status(
        &self,
        doc: &str,
        text: &str,
        extractor: &str,
    ) -> Result<ReportStatus, StoreError> {
        match self {
            Target::Local(s) => s.report_status_for(doc, text, extractor),
            Target::Remote(r) => r.report_status_for(doc, text, extractor),
        }
    }

    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        match self {
            Target::Local(s) => s.query(sparql),
            Target::Remote(r) => r.query(sparql),
        }
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        match self {
            Target::Local(s) => s.flush(),
            Target::Remote(_) => Ok(()),
        }
    }
}

/// The graph to read from: the local store, or the endpoint, read in place.
pub fn read_store(at: &Location) -> Result<Box<dyn Backend>> {
    Ok(match Target::open_for_reading(at)? {
        Target::Remote(remote) => Box::new(remote),
        Target::Local(store) => Box::new(store),
    })
}

/// The actor graph that analyses read, wherever the store is.
pub fn corpus(at: &Location) -> Result<Corpus> {
    Ok(Corpus::from_store(&*read_store(at)?)?)
}
