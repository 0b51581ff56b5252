//! Who may use the endpoint: the `Host` a browser was sent to, the `Origin` of the page
//! that sends a request, and the token that writes need.
//!
//! A web page the analyst opens can send requests to 127.0.0.1 without reading the
//! answers; a form post needs no permission. Writes therefore need a token in an
//! `Authorization` header, which a page of another origin cannot add without a CORS
//! preflight, and this endpoint grants none for writes; and a request whose `Origin`
//! is foreign is refused outright, before it runs.

use std::net::{IpAddr, SocketAddr};

use oxhttp::model::header::{AUTHORIZATION, HOST, ORIGIN};
use oxhttp::model::{Body, Request};

/// Whether the request's `Host` names this machine's loopback address, whatever the port.
pub(crate) fn names_loopback(req: &Request<Body>) -> bool {
    let Some(host) = req.headers().get(HOST).and_then(|v| v.to_str().ok()) else {
        // HTTP/1.0 clients may send none; a browser always does.
        return true;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether a loopback endpoint is reached by a loopback name: a name an attacker points
/// at 127.0.0.1 (DNS rebinding) would make their page of the same origin as the endpoint.
pub(crate) fn host_allowed(req: &Request<Body>, bind: SocketAddr) -> bool {
    !bind.ip().is_loopback() || names_loopback(req)
}

/// Where the request comes from, as a browser says it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Origin<'a> {
    /// No `Origin` header: not a browser, or a browser's same-origin GET.
    None,
    /// A page served by this endpoint (the workbench).
    Same,
    /// Any other page, `null` included.
    Foreign(&'a str),
}

pub(crate) fn origin<'a>(req: &'a Request<Body>, bind: SocketAddr) -> Origin<'a> {
    let Some(origin) = req.headers().get(ORIGIN) else {
        return Origin::None;
    };
    let Ok(origin) = origin.to_str() else {
        return Origin::Foreign("");
    };
    let host = req
        .headers()
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .map_or_else(|| bind.to_string(), str::to_owned);
    match origin.strip_prefix("http://") {
        Some(rest) if rest.eq_ignore_ascii_case(&host) => Origin::Same,
        _ => Origin::Foreign(origin),
    }
}

/// Whether the request carries `Authorization: Bearer <token>`.
pub(crate) fn has_token(req: &Request<Body>, token: &str) -> bool {
    req.headers()
        .get_all(AUTHORIZATION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .any(|given| same_secret(given.as_bytes(), token.as_bytes()))
}

/// Compares in time that depends on the lengths only, so that the time an answer takes
/// does not tell how many leading bytes of a guess were right.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    let diff = given
        .iter()
        .zip(expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    std::hint::black_box(diff) == 0
}

/// A token of 256 random bits, in hex.
pub(crate) fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(headers: &[(&str, &str)]) -> Request<Body> {
        let mut r = Request::builder().uri("/query");
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        r.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_loopback_names_reach_a_loopback_endpoint() {
        for ok in [
            "localhost:7878",
            "127.0.0.1:7878",
            "127.0.0.2",
            "[::1]:7878",
            "LOCALHOST",
        ] {
            assert!(names_loopback(&with(&[("host", ok)])), "{ok}");
        }
        for bad in [
            "evil.example:7878",
            "evil.example",
            "10.0.0.1:7878",
            "localhost.evil.example",
        ] {
            assert!(!names_loopback(&with(&[("host", bad)])), "{bad}");
        }
    }

    #[test]
    fn origins_are_told_apart() {
        let bind = SocketAddr::from(([127, 0, 0, 1], 7878));
        let same = with(&[
            ("host", "127.0.0.1:7878"),
            ("origin", "http://127.0.0.1:7878"),
        ]);
        assert_eq!(origin(&same, bind), Origin::Same);
        let other_port = with(&[
            ("host", "127.0.0.1:7878"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(matches!(origin(&other_port, bind), Origin::Foreign(_)));
        let null = with(&[("host", "127.0.0.1:7878"), ("origin", "null")]);
        assert_eq!(origin(&null, bind), Origin::Foreign("null"));
        assert_eq!(origin(&with(&[]), bind), Origin::None);
    }

    #[test]
    fn the_token_must_match_exactly() {
        let t = "0123456789abcdef";
        assert!(has_token(
            &with(&[("authorization", "Bearer 0123456789abcdef")]),
            t
        ));
        assert!(has_token(
            &with(&[("authorization", "bearer 0123456789abcdef")]),
            t
        ));
        for bad in [
            "Bearer 0123456789abcdeF",
            "Bearer 0123",
            "Basic 0123456789abcdef",
            "",
        ] {
            assert!(!has_token(&with(&[("authorization", bad)]), t), "{bad}");
        }
        assert!(!has_token(&with(&[]), t));
        let a = new_token().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_token().unwrap());
    }
}
