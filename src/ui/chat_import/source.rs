//! What the import dialog reads: text someone pasted, or a file they chose or dropped, which
//! is either text or a Slack workspace export (`.zip`). Reading a file is the browser's; telling
//! what it holds is the domain's (`slack_zip::is_zip`, `slack_zip::open`).

use crate::domain::import::slack_zip::{self, Workspace, MAX_ZIP_BYTES};
use crate::domain::import::{ImportError, MAX_IMPORT_BYTES};
use crate::domain::tf;
use std::sync::Arc;

/// What the dialog reads.
#[derive(Clone, Debug)]
pub enum Source {
    /// Text, pasted or from a file.
    Text(Arc<str>),
    /// A Slack workspace export: its bytes, and what [`slack_zip::open`] found in them.
    Zip {
        /// The file's name, to show.
        name: String,
        /// The zip as chosen; read again for each channel picked.
        bytes: Arc<[u8]>,
        /// Its channels and people.
        workspace: Arc<Workspace>,
    },
}

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Text(a), Source::Text(b)) => a == b,
            (Source::Zip { bytes: a, .. }, Source::Zip { bytes: b, .. }) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Reads a chosen or dropped file: a zip as a Slack export, anything else as UTF-8 text.
pub async fn read_file(file: web_sys::File) -> Result<Source, String> {
    let size = file.size() as usize;
    if size > MAX_ZIP_BYTES {
        return Err(ImportError::TooLarge { bytes: size }.to_string());
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| tf!("The file {name} could not be read.", name = file.name()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if slack_zip::is_zip(&bytes) {
        let workspace = slack_zip::open(&bytes).map_err(|e| e.to_string())?;
        return Ok(Source::Zip { name: file.name(), bytes: bytes.into(), workspace: Arc::new(workspace) });
    }
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() }.to_string());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::Text(text.into())),
        Err(_) => Err(tf!("{name} is not a text file, a chat export or a Slack export zip, so Retrace cannot read it. Nothing was added.", name = file.name())),
    }
}
