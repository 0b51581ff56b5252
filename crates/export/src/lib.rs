#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod dot;
mod error;
mod view;

pub use dot::{escape as escape_dot, write_dot};
pub use error::ExportError;
pub use view::{Edge, GraphView, Node};
