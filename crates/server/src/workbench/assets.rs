//! The page's files, compiled into the binary.

use oxhttp::model::header::{CACHE_CONTROL, CONTENT_TYPE};
use oxhttp::model::{Body, Response, StatusCode};

/// Name under `/assets/`, media type, bytes.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/app.css"),
    ),
    (
        "vendor/cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/vendor/cytoscape/cytoscape.min.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../../assets/favicon.svg"),
    ),
];

const PAGE: &[u8] = include_bytes!("../../assets/index.html");

pub(super) fn page() -> Response<Body> {
    Response::builder()
        .status(StatusCode::OK)
        .header(CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(PAGE))
        .unwrap_or_default()
}

pub(super) fn asset(name: &str) -> Option<Response<Body>> {
    let (_, media_type, bytes) = ASSETS.iter().find(|(n, _, _)| *n == name)?;
    Response::builder()
        .status(StatusCode::OK)
        .header(CONTENT_TYPE, *media_type)
        // The files change only with the binary; an hour spares reloads while working.
        .header(CACHE_CONTROL, "max-age=3600")
        .body(Body::from(*bytes))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_the_page_names_is_served() {
        let page = std::str::from_utf8(PAGE).unwrap();
        let mut named = 0;
        for part in page.split("\"/assets/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(asset(name).is_some(), "{name}");
            named += 1;
        }
        assert!(named >= 3, "{named}");
        assert!(!page.contains("<script>") && !page.contains(" style="));
    }
}
