//! The endpoint's reading of a request, everything it does before the store is
//! asked, callable without a server so that fuzz targets can reach it.

use std::net::SocketAddr;

use actorgraph_store::Dataset;
use oxhttp::model::{Body, Request, StatusCode};

use crate::guard;
use crate::negotiate::format_media_type;
use crate::request::{read_operation, Operation};

/// What the endpoint would do with a request.
#[derive(Debug)]
pub enum Reading {
    /// Refused before the store is asked.
    Refused(StatusCode, String),
    /// A query, on the dataset the parameters name, answered in the media type negotiated.
    Query {
        text: String,
        media_type: Option<String>,
    },
    /// An update, if its sender holds `token`.
    Update { text: String, authorized: bool },
}

/// Reads a request as the endpoint bound to `bind` and writable with `token` reads it.
pub fn read_request(req: &mut Request<Body>, bind: SocketAddr, token: &str) -> Reading {
    if !guard::host_allowed(req, bind) {
        return Reading::Refused(StatusCode::FORBIDDEN, "host".to_owned());
    }
    let _ = guard::origin(req, bind);
    match read_operation(req) {
        Err((status, message)) => Reading::Refused(status, message),
        Ok(Operation::Update(text)) => Reading::Update {
            text,
            authorized: guard::has_token(req, token),
        },
        Ok(Operation::Query(q)) => {
            if let Err(e) = Dataset::from_params(&q.default_graphs, &q.named_graphs) {
                return Reading::Refused(StatusCode::BAD_REQUEST, e.to_string());
            }
            let accept = match (q.accept.as_deref(), q.format.as_deref()) {
                (None | Some("*/*"), Some(f)) => Some(format_media_type(f)),
                (a, _) => a,
            };
            let media_type = crate::negotiate_results_format(accept)
                .map(|f| f.media_type().to_owned())
                .or_else(|| crate::negotiate_rdf_format(accept).map(|f| f.media_type().to_owned()));
            Reading::Query {
                text: q.text,
                media_type,
            }
        }
    }
}
