//! Passphrase encryption for share links, with the browser's WebCrypto — never a home-made
//! cipher. PBKDF2-SHA256 stretches the passphrase with a random salt into an AES-GCM-256 key;
//! AES-GCM encrypts the compressed document with a random IV and detects any tampering, which
//! is also how a wrong passphrase shows itself.

use crate::domain::format::link::{IV_LEN, SALT_LEN};
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::ui::platform::random_bytes;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// PBKDF2 iterations: above the 200,000 floor in DESIGN.md, and still well under a second.
pub const ITERATIONS: u32 = 250_000;

#[derive(Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase does not open this link (or the link was altered).
    WrongPassphrase,
    /// The browser offers no WebCrypto here (for example a page not served over HTTPS).
    Unavailable(String),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::WrongPassphrase => {
                f.write_str(tr("That passphrase does not open this link. Check it with the person who sent it; nothing was changed."))
            }
            CryptoError::Unavailable(why) => f.write_str(&tf!(
                "This browser cannot encrypt or decrypt here ({reason}). Passphrase links need a page served over HTTPS or from localhost.",
                reason = why
            )),
        }
    }
}

fn unavailable(e: JsValue) -> CryptoError {
    CryptoError::Unavailable(
        e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| tr("unknown reason").into()),
    )
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, CryptoError> {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).map_err(unavailable)?;
    }
    Ok(o)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let window = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?;
    let crypto = window.crypto().map_err(unavailable)?;
    let subtle = crypto.subtle();
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable("crypto.subtle is missing".into()));
    }
    Ok(subtle)
}

async fn derive_key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8]) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let pbkdf2 = object(&[("name", "PBKDF2".into())])?;
    let base = subtle.import_key_with_object("raw", &raw, &pbkdf2, false, &Array::of1(&"deriveKey".into())).map_err(unavailable)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(unavailable)?.unchecked_into();
    let params = object(&[("name", "PBKDF2".into()), ("salt", Uint8Array::from(salt).into()), ("iterations", ITERATIONS.into()), ("hash", "SHA-256".into())])?;
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())])?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &usages).map_err(unavailable)?;
    Ok(JsFuture::from(key).await.map_err(unavailable)?.unchecked_into())
}

/// Encrypts `plain` under `passphrase`; returns (salt, iv, ciphertext with its GCM tag).
pub async fn encrypt(plain: &[u8], passphrase: &str) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>), CryptoError> {
    let subtle = subtle()?;
    let salt: [u8; SALT_LEN] = random_bytes();
    let iv: [u8; IV_LEN] = random_bytes();
    let key = derive_key(&subtle, passphrase, &salt).await?;
    let algorithm = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(&iv[..]).into())])?;
    let sealed = subtle.encrypt_with_object_and_u8_array(&algorithm, &key, plain).map_err(unavailable)?;
    let sealed = JsFuture::from(sealed).await.map_err(unavailable)?;
    Ok((salt.to_vec(), iv.to_vec(), Uint8Array::new(&sealed).to_vec()))
}

pub async fn decrypt(salt: &[u8], iv: &[u8], ciphertext: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let key = derive_key(&subtle, passphrase, salt).await?;
    let algorithm = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(iv).into())])?;
    let opened = subtle.decrypt_with_object_and_u8_array(&algorithm, &key, ciphertext).map_err(unavailable)?;
    let opened = JsFuture::from(opened).await.map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&opened).to_vec())
}
