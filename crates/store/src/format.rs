use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad};

use crate::error::StoreError;
use crate::vocab::PREFIXES;

/// Serializes quads, sorted for stable bytes; triple formats drop graph names
/// and duplicates. RDF/XML gets the characters XML cannot hold replaced (see
/// [`XmlSafe`]).
pub fn write_quads(
    quads: &mut [Quad],
    format: RdfFormat,
    writer: impl Write,
) -> Result<(), StoreError> {
    if format == RdfFormat::RdfXml {
        return write_quads_to(quads, format, XmlSafe::new(writer))?
            .finish()
            .map(drop)
            .map_err(StoreError::Io);
    }
    write_quads_to(quads, format, writer).map(drop)
}

fn write_quads_to<W: Write>(
    quads: &mut [Quad],
    format: RdfFormat,
    writer: W,
) -> Result<W, StoreError> {
    let mut serializer = RdfSerializer::from_format(format);
    if !matches!(format, RdfFormat::NTriples | RdfFormat::NQuads) {
        for (p, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(*p, *iri)
                .map_err(|e| StoreError::model(format!("prefix {p}"), e))?;
        }
    }
    let mut w = serializer.for_writer(writer);
    if format.supports_datasets() {
        quads.sort_by_cached_key(|q| {
            (
                q.graph_name.to_string(),
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        for q in quads.iter() {
            w.serialize_quad(q).map_err(StoreError::Io)?;
        }
    } else {
        let mut triples: Vec<_> = quads
            .iter()
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                )
            })
            .collect();
        triples.sort_by_cached_key(|q| {
            (
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        triples.dedup();
        for q in &triples {
            w.serialize_triple(q.as_ref()).map_err(StoreError::Io)?;
        }
    }
    w.finish().map_err(StoreError::Io)
}

/// Passes UTF-8 text on with every character that XML 1.0 forbids (the C0 controls
/// but tab, line feed and carriage return; U+FFFE and U+FFFF) replaced by U+FFFD.
/// Report text may hold them (a form feed from a page break, a stray non-character),
/// and the XML serializers copy text as it is: one such character makes the whole
/// document unreadable to every XML parser. None of them can be part of an IRI, so
/// only literal text changes. [`XmlSafe::finish`] ends the output.
pub struct XmlSafe<W: Write> {
    inner: W,
    /// The start of a character that may be U+FFFE or U+FFFF, cut by a write's end.
    held: Vec<u8>,
}

const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

impl<W: Write> XmlSafe<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            held: Vec::new(),
        }
    }

    /// Writes what is held back and gives the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        let held = std::mem::take(&mut self.held);
        self.inner.write_all(&held)?;
        Ok(self.inner)
    }

    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let mut from = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let forbidden = match b {
                b'\t' | b'\n' | b'\r' => 0,
                0..=0x1f => 1,
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                0xef if i + 2 >= bytes.len() => {
                    self.inner.write_all(&bytes[from..i])?;
                    self.held.extend_from_slice(&bytes[i..]);
                    return Ok(());
                }
                0xef if bytes[i + 1] == 0xbf && matches!(bytes[i + 2], 0xbe | 0xbf) => 3,
                _ => 0,
            };
            if forbidden == 0 {
                i += 1;
                continue;
            }
            self.inner.write_all(&bytes[from..i])?;
            self.inner.write_all(REPLACEMENT)?;
            i += forbidden;
            from = i;
        }
        self.inner.write_all(&bytes[from..])
    }
}

impl<W: Write> Write for XmlSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.held.is_empty() {
            self.pass(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.held);
            joined.extend_from_slice(buf);
            self.pass(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_replaced_however_the_writes_cut_them() {
        let text = "a\u{c}b\u{fffe}c\u{ffff}d\u{1}\t\r\n\u{fffd}\u{effe}\u{feff}é\0";
        let expected =
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}\t\r\n\u{fffd}\u{effe}\u{feff}é\u{fffd}";
        let bytes = text.as_bytes();
        for size in 1..=bytes.len() {
            let mut safe = XmlSafe::new(Vec::new());
            for piece in bytes.chunks(size) {
                safe.write_all(piece).unwrap();
            }
            let out = String::from_utf8(safe.finish().unwrap()).unwrap();
            assert_eq!(out, expected, "writes of {size} bytes");
        }
    }
}
