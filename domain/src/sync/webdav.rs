//! The parts of WebDAV that are decisions rather than calls: what a `PROPFIND` asks, how its
//! multistatus answer reads (Apache, Nextcloud and IIS each spell the XML their own way:
//! prefixes, absolute or relative hrefs, percent-encoding), and what each HTTP status means to
//! a team space. The browser adapter (`storage::space::webdav`) only sends the requests.

use super::store::{Listed, SpaceError, Version};
use crate::i18n::tr;

/// The body of the `PROPFIND` that lists a folder: versions, sizes and modification times
/// (nginx's dav-ext lists no `getetag`, so a version is made of the other two there).
pub const PROPFIND_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontentlength/><d:getlastmodified/><d:resourcetype/></d:prop></d:propfind>"#;

/// The largest listing read (a folder of about 20,000 files); a larger answer is refused
/// rather than parsed.
pub const MAX_LISTING_BYTES: usize = 16 * 1024 * 1024;

/// One `<response>` of a multistatus answer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DavEntry {
    /// The path it names, percent-decoded, without scheme and host.
    pub path: String,
    /// `getetag`, as written (quotes and `W/` kept).
    pub etag: Option<String>,
    /// `getcontentlength`.
    pub length: Option<u64>,
    /// `getlastmodified`, in milliseconds since the epoch.
    pub modified_ms: Option<i64>,
    /// Whether it is a folder.
    pub collection: bool,
}

/// The local name of a tag (`D:getetag` → `getetag`), lower-cased.
fn local_name(tag: &str) -> String {
    let name = tag.split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("");
    name.rsplit(':').next().unwrap_or("").to_ascii_lowercase()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#34;", "\"").replace("&amp;", "&")
}

/// Decodes `%xx` escapes (UTF-8); a malformed escape is kept as it is.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path of an href: `https://host/dav/x` and `/dav/x` both give `/dav/x`.
fn href_path(href: &str) -> String {
    let href = href.trim();
    let path = match href.find("://") {
        Some(at) => href[at + 3..].find('/').map_or("/", |slash| &href[at + 3 + slash..]),
        None => href,
    };
    percent_decode(path)
}

/// Reads a multistatus answer. Only what a listing needs is read; anything it does not know
/// is skipped, and text that is not a multistatus at all is an error in words.
pub fn parse_multistatus(xml: &str) -> Result<Vec<DavEntry>, String> {
    if xml.len() > MAX_LISTING_BYTES {
        return Err(tr("the folder's listing is too large").into());
    }
    let mut entries = vec![];
    let mut current: Option<DavEntry> = None;
    // The element whose text is being read, and whether the propstat it sits in said 200.
    let mut open: Vec<String> = vec![];
    let mut seen_multistatus = false;
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        if let (Some(entry), Some(element)) = (current.as_mut(), open.last()) {
            let value = unescape(text.trim());
            if !value.is_empty() {
                match element.as_str() {
                    "href" => entry.path = href_path(&value),
                    "getetag" => entry.etag = Some(value),
                    "getcontentlength" => entry.length = value.parse().ok(),
                    "getlastmodified" => entry.modified_ms = http_date_ms(&value),
                    _ => {}
                }
            }
        }
        let Some(end) = rest[start..].find('>') else { break };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(closing) = tag.strip_prefix('/') {
            let name = local_name(closing);
            open.pop();
            if name == "response" {
                entries.extend(current.take());
            }
            continue;
        }
        let name = local_name(tag);
        match name.as_str() {
            "multistatus" => seen_multistatus = true,
            "response" => current = Some(DavEntry::default()),
            "collection" => {
                if let Some(entry) = current.as_mut() {
                    entry.collection = true;
                }
            }
            _ => {}
        }
        if !tag.ends_with('/') {
            open.push(name);
        }
    }
    if !seen_multistatus {
        return Err(tr("the server's answer is not a WebDAV listing").into());
    }
    Ok(entries)
}

/// How close to the server's "now" a modification time must be for a version made of it to
/// be only weak: a second's resolution means two writes within one second can share it.
pub const RECENT_CHANGE_MS: i64 = 2_000;

/// The version of a file whose server states no ETag: its modification time and size
/// (`getlastmodified` and `getcontentlength`, or `Last-Modified` and `Content-Length`), as a
/// synced folder's are. Weak while the change is recent (see [`RECENT_CHANGE_MS`]) against
/// the server's clock `now_ms`, so a reader reads it again rather than take it as seen; weak
/// too when neither is known.
pub fn version_without_etag(modified_ms: Option<i64>, size: Option<u64>, now_ms: Option<i64>) -> Version {
    let size = size.map_or_else(|| "?".to_string(), |s| s.to_string());
    match modified_ms {
        Some(at) => {
            let text = format!("m{at}-{size}");
            // No clock to judge by: weak, as the safe side is reading once more.
            let recent = now_ms.is_none_or(|now| now - at < RECENT_CHANGE_MS);
            Version(if recent { format!("W/{text}") } else { text })
        }
        None => Version(format!("W/m?-{size}")),
    }
}

/// The files directly inside the folder at `folder_path`, from a `Depth: 1` listing: the
/// folder itself and folders inside it are left out. A file without an ETag keeps its place,
/// versioned by its time and size (see [`version_without_etag`]); `now_ms` is the server's
/// clock when it answered (its `Date`), or this browser's.
pub fn files_in(folder_path: &str, entries: &[DavEntry], now_ms: Option<i64>) -> Vec<Listed> {
    let folder = percent_decode(folder_path);
    let folder = folder.trim_end_matches('/');
    entries
        .iter()
        .filter(|e| !e.collection)
        .filter_map(|e| {
            let name = e.path.strip_prefix(folder)?.strip_prefix('/')?;
            let version = match &e.etag {
                Some(etag) => Version(etag.clone()),
                None => version_without_etag(e.modified_ms, e.length, now_ms),
            };
            (!name.is_empty() && !name.contains('/')).then(|| Listed { name: name.to_string(), version, size: e.length, modified_ms: e.modified_ms })
        })
        .collect()
}

/// Reads an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, the only form servers are to send)
/// into milliseconds since the epoch; `None` for anything else.
pub fn http_date_ms(text: &str) -> Option<i64> {
    let mut parts = text.split_whitespace();
    let _weekday = parts.next()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].iter().position(|m| *m == month_name)? as i64 + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|n| n.parse::<i64>().ok());
    let (h, m, s) = (clock.next()??, clock.next()??, clock.next()??);
    if parts.next() != Some("GMT") || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    // Days from the civil date (proleptic Gregorian), as in Howard Hinnant's published formula.
    let (y, mo) = if month <= 2 { (year - 1, month + 9) } else { (year, month - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * mo + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + h) * 60 + m) * 60_000 + s * 1_000)
}

/// What an HTTP status means, for a request on a file of the space. `412` is a conflict (the
/// caller reads and merges); `404` on a file means "no such file" and is handled by the caller.
pub fn error_for_status(status: u16, status_text: &str) -> SpaceError {
    match status {
        412 => SpaceError::Conflict,
        401 => SpaceError::SignedOut,
        403 => SpaceError::Forbidden,
        404 | 405 | 409 | 410 => SpaceError::FolderMissing,
        413 => SpaceError::TooLarge,
        507 => SpaceError::Full,
        // 0: the browser refused to say (network error, CORS); 502–504: a proxy without its server.
        0 | 502..=504 => SpaceError::Unreachable(format!("HTTP {status} {status_text}").trim().to_string()),
        _ => SpaceError::Other(format!("HTTP {status} {status_text}").trim().to_string()),
    }
}

/// A WebDAV address as typed, made into a folder address: trimmed, only `http(s)`, ending in
/// `/`. `base` is the page's own address, for a path typed without a host (`/space/`).
pub fn folder_address(typed: &str, base: &str) -> Result<String, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(tr("Type the address of a WebDAV folder, for example https://cloud.example.com/remote.php/dav/files/team/retros/").into());
    }
    let absolute = if typed.starts_with('/') {
        let origin_end = base.find("://").and_then(|at| base[at + 3..].find('/').map(|slash| at + 3 + slash)).unwrap_or(base.len());
        format!("{}{typed}", &base[..origin_end])
    } else {
        typed.to_string()
    };
    let lower = absolute.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(tr("A WebDAV address starts with https:// (or http:// on a local network).").into());
    }
    if absolute.chars().any(|c| c.is_whitespace() || c == '#' || c == '?') {
        return Err(tr("A WebDAV address has no spaces, # or ? in it.").into());
    }
    Ok(if absolute.ends_with('/') { absolute } else { format!("{absolute}/") })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Apache 2.4 mod_dav_fs, `PROPFIND Depth: 1` with the body above (as answered on this
    /// machine), including the 404 propstat for a folder's missing length.
    const APACHE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/" xmlns:g0="DAV:">
<D:href>/space/</D:href>
<D:propstat><D:prop><lp1:getetag>"1000-66203926d5fa6"</lp1:getetag><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><g0:getcontentlength/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/space/retro-x.json</D:href>
<D:propstat><D:prop><lp1:getetag>"7-66203926d5fa6"</lp1:getetag><lp1:getcontentlength>7</lp1:getcontentlength><lp1:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response><D:href>/space/old%20notes/</D:href><D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype><lp1:getetag>"1"</lp1:getetag></D:prop></D:propstat></D:response>
</D:multistatus>"#;

    /// Nextcloud (sabre/dav): lower-case prefix, extra namespaces, quoted entities.
    const NEXTCLOUD: &str = r#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns"><d:response><d:href>/remote.php/dav/files/ana/Team%20retros/</d:href><d:propstat><d:prop><d:getetag>&quot;6560ab&quot;</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/ana/Team%20retros/retro-%C3%A9.json</d:href><d:propstat><d:prop><d:getetag>&quot;a1b2&quot;</d:getetag><d:getcontentlength>1234</d:getcontentlength><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>"#;

    #[test]
    fn apache_listing_gives_its_files_only() {
        let entries = parse_multistatus(APACHE).unwrap();
        assert_eq!(entries.len(), 3);
        assert!(entries[0].collection);
        let files = files_in("/space/", &entries, None);
        assert_eq!(files, vec![Listed { name: "retro-x.json".into(), version: Version("\"7-66203926d5fa6\"".into()), size: Some(7), modified_ms: None }]);
    }

    #[test]
    fn nextcloud_listing_with_entities_and_escapes() {
        let files = files_in("/remote.php/dav/files/ana/Team%20retros/", &parse_multistatus(NEXTCLOUD).unwrap(), None);
        assert_eq!(files, vec![Listed { name: "retro-é.json".into(), version: Version("\"a1b2\"".into()), size: Some(1234), modified_ms: None }]);
    }

    #[test]
    fn absolute_hrefs_are_paths_too() {
        let xml = r#"<multistatus xmlns="DAV:"><response><href>https://nas.local/dav/retro-a.json</href><propstat><prop><getetag>W/"x"</getetag></prop></propstat></response></multistatus>"#;
        let files = files_in("/dav", &parse_multistatus(xml).unwrap(), None);
        assert_eq!(files.len(), 1);
        assert!(files[0].version.is_weak());
    }

    /// nginx 1.22 with dav-ext, `PROPFIND Depth: 1` (as answered on this machine): no
    /// `getetag` at all, only times and lengths.
    const NGINX: &str = r#"<?xml version="1.0" encoding="utf-8" ?>
<D:multistatus xmlns:D="DAV:">
<D:response>
<D:href>/space/</D:href>
<D:propstat>
<D:prop>
<D:getlastmodified>Tue, 08 Dec 2026 02:10:00 GMT</D:getlastmodified>
<D:resourcetype><D:collection/></D:resourcetype>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response>
<D:href>/space/retro-x.json</D:href>
<D:propstat>
<D:prop>
<D:getcontentlength>4711</D:getcontentlength>
<D:getlastmodified>Tue, 08 Dec 2026 02:09:58 GMT</D:getlastmodified>
<D:resourcetype></D:resourcetype>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
<D:propstat>
<D:prop>
<D:getetag/>
</D:prop>
<D:status>HTTP/1.1 404 Not Found</D:status>
</D:propstat>
</D:response>
</D:multistatus>"#;

    #[test]
    fn a_listing_without_etags_keeps_its_files_versioned_by_time_and_size() {
        let entries = parse_multistatus(NGINX).unwrap();
        let modified = http_date_ms("Tue, 08 Dec 2026 02:09:58 GMT").unwrap();
        // Listed three seconds later: the version is strong.
        let files = files_in("/space/", &entries, Some(modified + 3_000));
        assert_eq!(
            files,
            vec![Listed { name: "retro-x.json".into(), version: Version(format!("m{modified}-4711")), size: Some(4711), modified_ms: Some(modified) }]
        );
        // Listed within the same second: two writes could share the time, so it is weak.
        let files = files_in("/space/", &entries, Some(modified + 500));
        assert!(files[0].version.is_weak());
        // With no clock to judge by, and with no time at all, weak as well.
        assert!(files_in("/space/", &entries, None)[0].version.is_weak());
        assert!(version_without_etag(None, Some(3), Some(0)).is_weak());
    }

    #[test]
    fn http_dates_are_read() {
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777_000));
        assert_eq!(http_date_ms("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599_000));
        for bad in ["", "yesterday", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT"] {
            assert_eq!(http_date_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_is_not_a_listing_is_said_so() {
        assert!(parse_multistatus("<html><body>Login</body></html>").is_err());
        assert!(parse_multistatus("").is_err());
        assert_eq!(parse_multistatus("<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/x").unwrap(), vec![]);
    }

    #[test]
    fn statuses_become_errors_people_can_act_on() {
        assert_eq!(error_for_status(412, "Precondition Failed"), SpaceError::Conflict);
        assert_eq!(error_for_status(401, ""), SpaceError::SignedOut);
        assert_eq!(error_for_status(507, "Insufficient Storage"), SpaceError::Full);
        assert_eq!(error_for_status(413, ""), SpaceError::TooLarge);
        assert!(error_for_status(0, "").is_transient());
        assert!(error_for_status(503, "Service Unavailable").is_transient());
        assert!(!error_for_status(403, "").is_transient());
    }

    #[test]
    fn addresses_are_made_folder_addresses() {
        assert_eq!(folder_address(" https://dav.example.com/team ", "http://x/"), Ok("https://dav.example.com/team/".into()));
        assert_eq!(folder_address("/space/", "http://127.0.0.1:8091/index.html#/"), Ok("http://127.0.0.1:8091/space/".into()));
        assert!(folder_address("ftp://x/", "http://x/").is_err());
        assert!(folder_address("javascript:alert(1)", "http://x/").is_err());
        assert!(folder_address("", "http://x/").is_err());
        assert!(folder_address("https://x/a b", "http://x/").is_err());
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("a%20b%zz%2"), "a b%zz%2");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
