//! A link as a QR code, drawn by the page itself (no image service, no network): the modules
//! of the code as one SVG path, so a participant in the room points a phone or a laptop's
//! camera at the shared screen and joins.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code, ready to draw: its width in modules (without the quiet zone) and an SVG path
/// of unit squares, one `M x y h1 v1 h-1 z` per dark module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrDrawing {
    /// Modules per side.
    pub size: u32,
    /// The dark modules as one path, in module units.
    pub path: String,
}

/// The QR code of `text` at error-correction level M (a shared screen photographed from the
/// back of a room loses some contrast); `None` when the text is too long for any QR code.
pub fn qr_drawing(text: &str) -> Option<QrDrawing> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::with_capacity((size * size * 6) as usize);
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some(QrDrawing { size: size as u32, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_is_drawn_with_its_finder_patterns() {
        let drawing = qr_drawing(
            "https://intranet.example.com/retro/index.html?space=https%3A%2F%2Fdav.example.com%2Fretros%2F#/retro/7f2a0c1e-0000-4000-8000-000000000001",
        )
        .unwrap();
        assert!(drawing.size >= 21 && drawing.size % 4 == 1, "a QR version's size: {}", drawing.size);
        // The top-left finder pattern: a dark 7×7 ring starts at the corner.
        assert!(drawing.path.starts_with("M0 0h1v1h-1z"));
        assert!(drawing.path.contains(&format!("M{} 0h1v1h-1z", drawing.size - 1)), "top-right finder");
    }

    #[test]
    fn text_too_long_for_a_qr_code_is_refused() {
        assert_eq!(qr_drawing(&"x".repeat(5_000)), None);
    }
}
