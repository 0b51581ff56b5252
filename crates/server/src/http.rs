//! Connections: requests read under a deadline, answers written back.
//!
//! oxhttp's server bounds each read of a connection, not a request: a client that sent a
//! byte of its request head every few seconds, or announced a long body and sent six
//! bytes of it, held its thread as long as it liked, and a read that timed out was
//! answered 500. Here the head and body of a request must arrive within one deadline
//! from its first byte ([`crate::ServeOptions::request_timeout`]), no read may wait
//! longer than [`crate::ServeOptions::io_timeout`], and a client that misses either, or
//! stays silent that long between requests, gets 408 and is disconnected. oxhttp's
//! request and response types are kept, so the endpoint's handler is unchanged.
//!
//! Each connection has a thread of its own, blocked in a read while its client is
//! silent: an idle connection costs a parked thread and a few kilobytes, and at most
//! [`crate::ServeOptions::max_connections`] are served at once.

use std::io::{self, BufWriter, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use oxhttp::model::header::{
    ACCEPT_CHARSET, ACCEPT_ENCODING, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_REQUEST_HEADERS,
    CONNECTION, CONTENT_LENGTH, DATE, EXPECT, HOST, ORIGIN, SERVER, TE, TRAILER, TRANSFER_ENCODING,
    UPGRADE, VIA,
};
use oxhttp::model::uri::{Authority, Scheme};
use oxhttp::model::{
    Body, HeaderMap, HeaderName, HeaderValue, Method, Request, Response, StatusCode, Uri, Version,
};

use crate::request::body_too_large;
use crate::respond::text_response;
use crate::MAX_BODY;

/// What answers a request: the endpoint.
pub(crate) type Handler = dyn Fn(&mut Request<Body>) -> Response<Body> + Send + Sync;

/// How long clients may take, and how many are served at once.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    pub io: Duration,
    pub request: Duration,
    pub max_connections: usize,
    pub server_name: HeaderValue,
}

/// The most a request head may hold, as oxhttp allows.
const MAX_HEAD: usize = 8 * 1024;
/// The most header lines a request may have.
const MAX_HEADERS: usize = 128;

/// Accepts connections on `listener` in a thread of its own, each served by a thread.
pub(crate) fn spawn(
    listener: TcpListener,
    handler: Arc<Handler>,
    limits: Limits,
) -> io::Result<JoinHandle<()>> {
    let slots = Slots::new(limits.max_connections.max(1));
    let limits = Arc::new(limits);
    std::thread::Builder::new()
        .name("actorgraph: accepting connections".to_owned())
        .spawn(move || {
            for stream in listener.incoming() {
                let stream = match stream {
                    Ok(s) => s,
                    Err(_) => {
                        // Out of file descriptors, most likely: they free as
                        // connections end; do not spin meanwhile.
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    }
                };
                let slot = slots.take();
                let (handler, limits) = (Arc::clone(&handler), Arc::clone(&limits));
                // A thread that cannot start drops its slot and the connection with it.
                let _ = std::thread::Builder::new()
                    .name("actorgraph: connection".to_owned())
                    .spawn(move || {
                        let _slot = slot;
                        serve_connection(stream, &*handler, &limits);
                    });
            }
        })
}

/// Why no request was read.
enum Unread {
    /// The client went away, or broke the connection: no one to answer.
    Gone,
    /// The client is answered with this, and the connection closed.
    Refused(StatusCode, String),
}

fn serve_connection(stream: TcpStream, handler: &Handler, limits: &Limits) {
    let _ = stream.set_nodelay(true);
    let mut conn = Connection {
        stream,
        buf: Vec::new(),
    };
    loop {
        let (mut response, close) = match conn.read_request(limits) {
            Ok(Some(mut req)) => {
                let response = handler(&mut req);
                // The handler may end the connection (a body it did not read).
                let close = wants_close(req.version(), req.headers())
                    || wants_close(Version::HTTP_11, response.headers());
                (response, close)
            }
            Ok(None) | Err(Unread::Gone) => return,
            Err(Unread::Refused(status, message)) => (text_response(status, &message), true),
        };
        let headers = response.headers_mut();
        if !headers.contains_key(SERVER) {
            headers.insert(SERVER, limits.server_name.clone());
        }
        if write_response(&conn.stream, &mut response, close, limits.io).is_err() {
            return;
        }
        if close {
            linger(&conn.stream);
            return;
        }
    }
}

fn wants_close(version: Version, headers: &HeaderMap) -> bool {
    match headers.get(CONNECTION) {
        Some(v) if v.as_bytes().eq_ignore_ascii_case(b"close") => true,
        Some(v) if v.as_bytes().eq_ignore_ascii_case(b"keep-alive") => false,
        _ => version <= Version::HTTP_10,
    }
}

/// Closes after an answer that leaves the request unread, such as 408 or 413: closing
/// with unread bytes makes the kernel reset the connection, which can discard the answer
/// before the client reads it. The client's bytes are read and dropped for a moment.
fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + Duration::from_secs(1);
    let mut sink = [0u8; 8192];
    let mut stream = stream;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// A client's connection with the bytes read from it and not used yet (what a client
/// sends ahead of its next request).
struct Connection {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Connection {
    /// Reads more into the buffer: waits at most `io`, and never past `deadline`.
    /// `Ok(0)` at the end of the stream; `TimedOut` when the wait ran out.
    fn fill(&mut self, deadline: Option<Instant>, io: Duration) -> io::Result<usize> {
        let wait = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(ErrorKind::TimedOut.into());
                }
                left.min(io)
            }
            None => io,
        };
        self.stream
            .set_read_timeout(Some(wait.max(Duration::from_millis(1))))?;
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // A read timeout is WouldBlock on Unix and TimedOut on Windows.
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(ErrorKind::TimedOut.into());
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads more of a request begun: at the end of the stream the client is gone, and a
    /// wait that runs out is answered 408.
    fn more(&mut self, deadline: Instant, limits: &Limits) -> Result<(), Unread> {
        match self.fill(Some(deadline), limits.io) {
            Ok(0) => Err(Unread::Gone),
            Ok(_) => Ok(()),
            Err(e) if e.kind() == ErrorKind::TimedOut => Err(timed_out(deadline, limits)),
            Err(_) => Err(Unread::Gone),
        }
    }

    /// The next request, `None` when the client closes the connection between requests.
    fn read_request(&mut self, limits: &Limits) -> Result<Option<Request<Body>>, Unread> {
        // Between requests the client may stay silent for the I/O timeout.
        while self.buf.iter().all(|b| matches!(b, b'\r' | b'\n')) {
            self.buf.clear();
            match self.fill(None, limits.io) {
                Ok(0) => return Ok(None),
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::TimedOut => {
                    return Err(Unread::Refused(
                        StatusCode::REQUEST_TIMEOUT,
                        format!(
                            "no request within {} s: the connection is closed",
                            secs(limits.io)
                        ),
                    ))
                }
                Err(_) => return Err(Unread::Gone),
            }
        }
        let deadline = Instant::now() + limits.request;
        let mut searched = 0;
        let head_len = loop {
            if let Some(end) = head_end(&self.buf, searched) {
                break end;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(refused(
                    StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                    format!("the request head is over {MAX_HEAD} bytes"),
                ));
            }
            searched = self.buf.len();
            self.more(deadline, limits)?;
        };
        if head_len > MAX_HEAD {
            return Err(refused(
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                format!("the request head is over {MAX_HEAD} bytes"),
            ));
        }
        let mut request = parse_head(&self.buf[..head_len])?;
        let framing = framing(request.headers())?;
        let expects = match request.headers().get(EXPECT) {
            None => false,
            Some(v)
                if v.as_bytes().eq_ignore_ascii_case(b"100-continue")
                    && request.version() >= Version::HTTP_11 =>
            {
                true
            }
            Some(v) => {
                return Err(refused(
                    StatusCode::EXPECTATION_FAILED,
                    format!(
                        "Expect header value '{}' is not supported.",
                        String::from_utf8_lossy(v.as_bytes())
                    ),
                ))
            }
        };
        self.buf.drain(..head_len);
        let body = match framing {
            Framing::None => Vec::new(),
            Framing::Length(n) if n > MAX_BODY => {
                let (status, message) = body_too_large();
                return Err(refused(status, message));
            }
            Framing::Length(n) => {
                self.continue_if(expects, n > 0)?;
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                while self.buf.len() < n {
                    self.more(deadline, limits)?;
                }
                self.buf.drain(..n).collect()
            }
            Framing::Chunked => {
                self.continue_if(expects, true)?;
                self.read_chunked(deadline, limits)?
            }
        };
        *request.body_mut() = Body::from(body);
        Ok(Some(request))
    }

    /// Tells a client that waits for leave to send its body (`Expect: 100-continue`).
    fn continue_if(&mut self, expects: bool, body: bool) -> Result<(), Unread> {
        if expects && body && self.buf.is_empty() {
            (&self.stream)
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(|_| Unread::Gone)?;
        }
        Ok(())
    }

    /// A chunked body, decoded; at most [`MAX_BODY`] bytes.
    fn read_chunked(&mut self, deadline: Instant, limits: &Limits) -> Result<Vec<u8>, Unread> {
        let mut body = Vec::new();
        loop {
            let line = self.line(deadline, limits)?;
            let size = line.split(|&b| b == b';').next().unwrap_or(&[]);
            let size = std::str::from_utf8(size)
                .ok()
                .and_then(|s| u64::from_str_radix(s.trim(), 16).ok())
                .ok_or_else(|| refused(StatusCode::BAD_REQUEST, "a bad chunk size"))?;
            if size == 0 {
                // Trailer lines, up to the empty one.
                while !self.line(deadline, limits)?.is_empty() {}
                return Ok(body);
            }
            if body.len() as u64 + size > MAX_BODY {
                let (status, message) = body_too_large();
                return Err(refused(status, message));
            }
            let size = usize::try_from(size).unwrap_or(usize::MAX);
            while self.buf.len() < size + 2 {
                self.more(deadline, limits)?;
            }
            if &self.buf[size..size + 2] != b"\r\n" {
                return Err(refused(
                    StatusCode::BAD_REQUEST,
                    "a chunk runs past its size",
                ));
            }
            body.extend(self.buf.drain(..size));
            self.buf.drain(..2);
        }
    }

    /// One line of a chunked body, without its end.
    fn line(&mut self, deadline: Instant, limits: &Limits) -> Result<Vec<u8>, Unread> {
        let mut searched = 0;
        loop {
            if let Some(at) = self.buf[searched..].iter().position(|&b| b == b'\n') {
                let end = searched + at;
                let mut line: Vec<u8> = self.buf.drain(..=end).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(line);
            }
            if self.buf.len() > MAX_HEAD {
                return Err(refused(StatusCode::BAD_REQUEST, "a chunk line is too long"));
            }
            searched = self.buf.len();
            self.more(deadline, limits)?;
        }
    }
}

fn refused(status: StatusCode, message: impl Into<String>) -> Unread {
    Unread::Refused(status, message.into())
}

/// The answer to a request that did not arrive in time: the whole request's deadline,
/// or one read's wait, whichever ran out.
fn timed_out(deadline: Instant, limits: &Limits) -> Unread {
    let message = if Instant::now() >= deadline {
        format!(
            "the request did not arrive within {} s: the connection is closed",
            secs(limits.request)
        )
    } else {
        format!(
            "the client sent nothing for {} s in the middle of a request: the connection is closed",
            secs(limits.io)
        )
    };
    refused(StatusCode::REQUEST_TIMEOUT, message)
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s}")
    }
}

/// Where the head ends (past its empty line), searching from about `from` on.
fn head_end(buf: &[u8], from: usize) -> Option<usize> {
    let start = from.saturating_sub(3);
    let rest = buf.get(start..)?;
    rest.windows(2).enumerate().find_map(|(i, w)| match w {
        b"\n\n" => Some(start + i + 2),
        b"\n\r" if rest.get(i + 2) == Some(&b'\n') => Some(start + i + 3),
        _ => None,
    })
}

/// The request line and headers.
fn parse_head(head: &[u8]) -> Result<Request<Body>, Unread> {
    let bad = |m: String| refused(StatusCode::BAD_REQUEST, m);
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(bad("an incomplete request head".into())),
        Err(httparse::Error::TooManyHeaders) => {
            return Err(refused(
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                format!("more than {MAX_HEADERS} header lines"),
            ))
        }
        Err(e) => return Err(bad(format!("a malformed request head: {e}"))),
    }
    let version = match parsed.version {
        Some(0) => Version::HTTP_10,
        _ => Version::HTTP_11,
    };
    let method = parsed
        .method
        .and_then(|m| Method::from_bytes(m.as_bytes()).ok())
        .ok_or_else(|| bad("no method in the request".into()))?;
    let mut map = HeaderMap::new();
    for h in parsed.headers.iter() {
        let name = HeaderName::from_bytes(h.name.as_bytes())
            .map_err(|e| bad(format!("a bad header name {:?}: {e}", h.name)))?;
        let value = HeaderValue::from_bytes(h.value)
            .map_err(|e| bad(format!("a bad value of header {name}: {e}")))?;
        map.append(name, value);
    }
    let path = parsed
        .path
        .ok_or_else(|| bad("no path in the request".into()))?;
    let mut uri = Uri::try_from(path)
        .map_err(|e| bad(format!("a bad request target: {e}")))?
        .into_parts();
    if *uri.scheme.get_or_insert(Scheme::HTTP) != Scheme::HTTP {
        return Err(bad("the URL scheme must be 'http'".into()));
    }
    if uri.authority.is_none() {
        let mut hosts = map.get_all(HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else {
            return Err(bad("a request needs exactly one Host header".into()));
        };
        uri.authority = Some(
            Authority::try_from(host.as_bytes())
                .map_err(|e| bad(format!("a bad Host header: {e}")))?,
        );
    }
    if uri.path_and_query.is_none() {
        uri.path_and_query = Some("/".parse().map_err(|_| bad("no path".into()))?);
    }
    let uri = Uri::from_parts(uri).map_err(|e| bad(format!("a bad request target: {e}")))?;
    let mut request = Request::new(Body::empty());
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.version_mut() = version;
    *request.headers_mut() = map;
    Ok(request)
}

/// How the body of a request is delimited.
enum Framing {
    None,
    Length(u64),
    Chunked,
}

fn framing(headers: &HeaderMap) -> Result<Framing, Unread> {
    let bad = |m: &str| refused(StatusCode::BAD_REQUEST, m);
    let lengths: Vec<&HeaderValue> = headers.get_all(CONTENT_LENGTH).iter().collect();
    if let Some(coding) = headers.get(TRANSFER_ENCODING) {
        // Both would let a proxy and this server see different requests.
        if !lengths.is_empty() {
            return Err(bad("both Content-Length and Transfer-Encoding"));
        }
        return if coding.as_bytes().eq_ignore_ascii_case(b"chunked") {
            Ok(Framing::Chunked)
        } else {
            Err(refused(
                StatusCode::NOT_IMPLEMENTED,
                "only the chunked transfer coding is understood",
            ))
        };
    }
    let mut length = None;
    for v in lengths {
        let n = std::str::from_utf8(v.as_bytes())
            .ok()
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| bad("a bad Content-Length"))?;
        if length.is_some_and(|l| l != n) {
            return Err(bad("two different Content-Length values"));
        }
        length = Some(n);
    }
    Ok(length.map_or(Framing::None, Framing::Length))
}

/// Writes the status line, the headers and the body (with its length when known, else
/// chunked), as oxhttp did.
fn write_response(
    stream: &TcpStream,
    response: &mut Response<Body>,
    close: bool,
    io: Duration,
) -> io::Result<()> {
    stream.set_write_timeout(Some(io))?;
    let mut w = BufWriter::with_capacity(16 * 1024, stream);
    write!(w, "HTTP/1.1 {}\r\n", response.status())?;
    for (name, value) in response.headers() {
        if !set_here(name) {
            write!(w, "{name}: ")?;
            w.write_all(value.as_bytes())?;
            w.write_all(b"\r\n")?;
        }
    }
    if close {
        w.write_all(b"connection: close\r\n")?;
    }
    let status = response.status();
    let must_have_body = !(status.is_informational()
        || status == StatusCode::NO_CONTENT
        || status == StatusCode::NOT_MODIFIED);
    let body = response.body_mut();
    if let Some(length) = body.len() {
        if must_have_body || length > 0 {
            write!(w, "content-length: {length}\r\n\r\n")?;
            io::copy(body, &mut w)?;
        } else {
            w.write_all(b"\r\n")?;
        }
    } else {
        w.write_all(b"transfer-encoding: chunked\r\n\r\n")?;
        let mut chunk = vec![0u8; 16 * 1024];
        loop {
            // Chunks of at least a kilobyte where the body gives them out in bits.
            let mut read = 0;
            while read < 1024 {
                match body.read(&mut chunk[read..])? {
                    0 => break,
                    n => read += n,
                }
            }
            if read == 0 {
                break;
            }
            write!(w, "{read:X}\r\n")?;
            w.write_all(&chunk[..read])?;
            w.write_all(b"\r\n")?;
        }
        w.write_all(b"0\r\n\r\n")?;
    }
    w.flush()
}

/// Headers the connection sets itself, or that a response must not carry.
fn set_here(name: &HeaderName) -> bool {
    [
        &ACCEPT_CHARSET,
        &ACCEPT_ENCODING,
        &ACCESS_CONTROL_REQUEST_HEADERS,
        &ACCESS_CONTROL_ALLOW_METHODS,
        &CONNECTION,
        &CONTENT_LENGTH,
        &DATE,
        &EXPECT,
        &HOST,
        &ORIGIN,
        &TE,
        &TRAILER,
        &TRANSFER_ENCODING,
        &UPGRADE,
        &VIA,
    ]
    .contains(&name)
        || name.as_str() == "keep-alive"
}

/// The connections that may be served at once; accepting waits for a free one.
struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

/// A connection's place among them, given back when its thread ends.
struct Slot(Arc<Slots>);

impl Slots {
    fn new(n: usize) -> Arc<Self> {
        Arc::new(Self {
            free: Mutex::new(n),
            freed: Condvar::new(),
        })
    }

    fn take(self: &Arc<Self>) -> Slot {
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        while *free == 0 {
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= 1;
        Slot(Arc::clone(self))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_end_at_their_empty_line() {
        assert_eq!(
            head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest", 0),
            Some(27)
        );
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\nrest", 0), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n", 0), None);
        // Found when the empty line arrives in pieces.
        let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        assert_eq!(head_end(head, 26), Some(27));
    }

    #[test]
    fn bodies_are_framed_by_one_length_or_chunks() {
        let mut h = HeaderMap::new();
        assert!(matches!(framing(&h), Ok(Framing::None)));
        h.insert(CONTENT_LENGTH, HeaderValue::from_static("12"));
        assert!(matches!(framing(&h), Ok(Framing::Length(12))));
        h.append(CONTENT_LENGTH, HeaderValue::from_static("13"));
        assert!(matches!(
            framing(&h),
            Err(Unread::Refused(StatusCode::BAD_REQUEST, _))
        ));
        let mut h = HeaderMap::new();
        h.insert(CONTENT_LENGTH, HeaderValue::from_static("-1"));
        assert!(framing(&h).is_err());
        h.insert(TRANSFER_ENCODING, HeaderValue::from_static("chunked"));
        assert!(framing(&h).is_err());
        h.remove(CONTENT_LENGTH);
        assert!(matches!(framing(&h), Ok(Framing::Chunked)));
    }
}
