//! CAMEO event codes and the QuadClass of their roots.

use std::fmt;
use std::str::FromStr;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A CAMEO event code: two to four digits, the first two its root (01 to 20).
/// Written, in JSON and RDF alike, as the digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Cameo(CompactString);

impl Cameo {
    /// A code the rules name themselves; checked when the program is compiled.
    pub(crate) const fn fixed(code: &'static str) -> Self {
        let b = code.as_bytes();
        assert!(b.len() >= 2 && b.len() <= 4, "not a CAMEO code");
        let mut i = 0;
        while i < b.len() {
            assert!(b[i].is_ascii_digit(), "not a CAMEO code");
            i += 1;
        }
        let root = (b[0] - b'0') * 10 + (b[1] - b'0');
        assert!(root >= 1 && root <= 20, "not a CAMEO root");
        Self(CompactString::const_new(code))
    }

    /// The code as written ("190").
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The root, the first two digits: 19 for "190".
    pub fn root(&self) -> u8 {
        // Checked when the code was made.
        self.0[..2].parse().unwrap_or_default()
    }

    /// The QuadClass of the root: 1 verbal and 2 material cooperation, 3 verbal and
    /// 4 material conflict.
    pub fn quad_class(&self) -> u8 {
        root_quad_class(self.root()).unwrap_or(4)
    }

    /// The root of a code that may be malformed (gold annotations, other systems'
    /// output): its first two characters when they are a root.
    pub fn root_of(code: &str) -> Option<u8> {
        let r = code.get(..2)?;
        r.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| r.parse().ok())
            .flatten()
            .filter(|r| root_quad_class(*r).is_some())
    }
}

/// The QuadClass of a CAMEO root, `None` for a number that is no root. The one place
/// the roots are grouped: 01-05 say cooperation, 06-08 do it, 09-13 say conflict,
/// 14-20 do it.
pub fn root_quad_class(root: u8) -> Option<u8> {
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}

/// QuadClass of a code read from elsewhere (a store another program wrote to): by its
/// root, and material conflict (4) when it has none.
pub fn quad_class(cameo: &str) -> u8 {
    cameo
        .get(..2)
        .and_then(|r| r.parse::<u8>().ok())
        .and_then(root_quad_class)
        .unwrap_or(4)
}

/// A string that is not a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a CAMEO code: {0:?}")]
pub struct NotCameo(pub String);

impl FromStr for Cameo {
    type Err = NotCameo;
    fn from_str(s: &str) -> Result<Self, NotCameo> {
        let digits = (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if digits && Self::root_of(s).is_some() {
            Ok(Self(s.into()))
        } else {
            Err(NotCameo(s.to_owned()))
        }
    }
}

impl TryFrom<String> for Cameo {
    type Error = NotCameo;
    fn try_from(s: String) -> Result<Self, NotCameo> {
        s.parse()
    }
}

impl Serialize for Cameo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl fmt::Display for Cameo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Cameo {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Cameo {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_roots() {
        let c: Cameo = "190".parse().unwrap();
        assert_eq!(
            (c.root(), c.quad_class(), c.to_string()),
            (19, 4, "190".into())
        );
        assert_eq!("0231".parse::<Cameo>().unwrap().quad_class(), 1);
        assert_eq!("13".parse::<Cameo>().unwrap().quad_class(), 3);
        for bad in ["", "1", "00", "21", "19a", "12345", "+19"] {
            assert_eq!(bad.parse::<Cameo>(), Err(NotCameo(bad.into())), "{bad}");
        }
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"190\"");
        assert_eq!(serde_json::from_str::<Cameo>("\"190\"").unwrap(), c);
        assert!(serde_json::from_str::<Cameo>("\"99\"").is_err());
    }

    #[test]
    fn lenient_quad_class() {
        assert_eq!(quad_class("061"), 2);
        assert_eq!(quad_class("x"), 4);
        assert_eq!(quad_class("00"), 4);
        assert_eq!(Cameo::root_of("07x"), Some(7));
        assert_eq!(Cameo::root_of("+7"), None);
    }
}
