//! Fetching a new version's package with a hard size cap. The updater plugin's own download
//! reads until the server stops and can only be dropped from outside, which on a fast
//! connection lets tens of mebibytes past any cap; here each chunk is counted before it is
//! kept, so a server that never stops is hung up on within one chunk of the cap. The bytes
//! are only fetched: the plugin verifies their signature before anything is installed.

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_LENGTH};
use std::time::Duration;
use url::Url;

use super::endpoint;
use crate::trusthub::client_builder_for;

/// Why a download gave no package.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// Larger than the cap, said by its length or found while reading.
    #[error("the download is larger than {0} bytes")]
    TooLarge(u64),
    /// The server answered, but not with the package.
    #[error("the download was answered with status {0}")]
    Status(u16),
    /// The connection failed, timed out or was cut.
    #[error("the download failed: {0}")]
    Network(#[from] reqwest::Error),
}

/// The client for a package at `url`: a whole-download timeout, redirects followed only to
/// addresses updates may come from (a release host hands the file to its storage host), and
/// no proxy for this computer.
pub fn client_for(url: &Url, timeout: Duration) -> Result<reqwest::Client, DownloadError> {
    Ok(client_builder_for(url)
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() < 10 && endpoint::allowed(attempt.url()) {
                attempt.follow()
            } else {
                attempt.stop()
            }
        }))
        .build()?)
}

/// Downloads `url` whole, with `headers`, refusing more than `cap` bytes. `on_progress`
/// hears the bytes received so far and the announced size, if any, after every chunk.
pub async fn fetch(
    client: &reqwest::Client,
    url: Url,
    mut headers: HeaderMap,
    cap: u64,
    mut on_progress: impl FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, DownloadError> {
    headers
        .entry(ACCEPT)
        .or_insert(HeaderValue::from_static("application/octet-stream"));
    let mut response = client.get(url).headers(headers).send().await?;
    if !response.status().is_success() {
        return Err(DownloadError::Status(response.status().as_u16()));
    }
    let total: Option<u64> = response
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    if total.is_some_and(|t| t > cap) {
        return Err(DownloadError::TooLarge(cap));
    }
    // A stated length sizes the buffer, but never beyond the cap: the server says it.
    let mut bytes = Vec::with_capacity(total.unwrap_or(0).min(cap) as usize);
    while let Some(chunk) = response.chunk().await? {
        if (bytes.len() as u64).saturating_add(chunk.len() as u64) > cap {
            return Err(DownloadError::TooLarge(cap));
        }
        bytes.extend_from_slice(&chunk);
        on_progress(bytes.len() as u64, total);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    const MIB: u64 = 1024 * 1024;

    /// One connection's request head, read up to its blank line.
    async fn request_head(socket: &mut tokio::net::TcpStream) -> String {
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            socket.read_exact(&mut byte).await.unwrap();
            head.push(byte[0]);
        }
        String::from_utf8(head).unwrap()
    }

    /// A server that answers one request with `head` and then `body` chunks (chunked
    /// encoding, each of `chunk` bytes) until the reader hangs up or `limit` bytes are
    /// sent; answers its address, the request it received and the bytes it sent.
    async fn server(
        head: &'static str,
        chunk: usize,
        limit: u64,
    ) -> (Url, tokio::task::JoinHandle<(String, u64)>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = Url::parse(&format!(
            "http://{}/TrustHub%20Desk_9.9.9_amd64.deb",
            listener.local_addr().unwrap()
        ))
        .unwrap();
        let done = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            socket2::SockRef::from(&socket)
                .set_send_buffer_size(64 * 1024)
                .unwrap();
            let request = request_head(&mut socket).await;
            socket.write_all(head.as_bytes()).await.unwrap();
            let framed = [
                format!("{chunk:x}\r\n").as_bytes(),
                &vec![7u8; chunk],
                b"\r\n",
            ]
            .concat();
            let mut sent = 0u64;
            while sent < limit && socket.write_all(&framed).await.is_ok() {
                sent += chunk as u64;
            }
            if limit > 0 && sent >= limit {
                let _ = socket.write_all(b"0\r\n\r\n").await;
            }
            (request, sent)
        });
        (url, done)
    }

    const CHUNKED: &str = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

    #[tokio::test]
    async fn an_endless_download_is_hung_up_on_at_the_cap() {
        let cap = 8 * MIB;
        let (url, done) = server(CHUNKED, MIB as usize, 16 * cap).await;
        let client = client_for(&url, Duration::from_secs(30)).unwrap();
        let mut heard = Vec::new();
        let got = fetch(&client, url, HeaderMap::new(), cap, |r, t| {
            heard.push((r, t))
        })
        .await;
        assert!(
            matches!(got, Err(DownloadError::TooLarge(c)) if c == cap),
            "{:?}",
            got.map(|b| b.len())
        );
        drop(client);
        let (request, sent) = done.await.unwrap();
        assert!(request.starts_with("GET /TrustHub%20Desk_9.9.9_amd64.deb HTTP/1.1\r\n"));
        assert!(request
            .to_ascii_lowercase()
            .contains("accept: application/octet-stream\r\n"));
        // What the server managed to send is the cap plus what the loopback's buffers held:
        // at most the largest receive buffer the kernel grows a socket to, and the send
        // buffer set small here.
        let receive_max: u64 = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_rmem")
            .ok()
            .and_then(|v| v.split_whitespace().nth(2)?.parse().ok())
            .unwrap_or(32 * MIB);
        assert!(
            (cap..cap + receive_max + 2 * MIB).contains(&sent),
            "sent {sent} bytes before the hang-up"
        );
        let last = heard.last().unwrap();
        assert!(last.0 <= cap && last.1.is_none(), "{heard:?}");
    }

    #[tokio::test]
    async fn a_stated_size_over_the_cap_is_refused_before_its_body_is_read() {
        let (url, done) = server(
            "HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n",
            64 * 1024,
            64 * 1024,
        )
        .await;
        let client = client_for(&url, Duration::from_secs(30)).unwrap();
        let got = fetch(&client, url, HeaderMap::new(), MIB, |_, _| {
            panic!("no body is read")
        })
        .await;
        assert!(
            matches!(got, Err(DownloadError::TooLarge(_))),
            "{:?}",
            got.map(|b| b.len())
        );
        done.await.unwrap();
    }

    #[tokio::test]
    async fn a_package_under_the_cap_arrives_whole_with_its_progress() {
        let (url, done) = server(CHUNKED, 100_000, 300_000).await;
        let client = client_for(&url, Duration::from_secs(30)).unwrap();
        let mut heard = Vec::new();
        let mut headers = HeaderMap::new();
        headers.insert("x-release", HeaderValue::from_static("stable"));
        let bytes = fetch(&client, url, headers, MIB, |r, t| heard.push((r, t)))
            .await
            .unwrap();
        assert_eq!(bytes, vec![7u8; 300_000]);
        assert_eq!(heard.last(), Some(&(300_000, None)));
        assert!(heard.windows(2).all(|w| w[0].0 < w[1].0), "{heard:?}");
        let (request, _) = done.await.unwrap();
        assert!(request.contains("x-release: stable\r\n"), "{request}");
    }

    /// What fetching gives when the server answers with `head` and no body.
    async fn fetched_answer(head: &'static str) -> Result<Vec<u8>, DownloadError> {
        let (url, done) = server(head, 1, 0).await;
        let client = client_for(&url, Duration::from_secs(30)).unwrap();
        let got = fetch(&client, url, HeaderMap::new(), MIB, |_, _| {}).await;
        done.await.unwrap();
        got
    }

    #[tokio::test]
    async fn an_error_status_is_not_a_package() {
        let got = fetched_answer(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert!(
            matches!(got, Err(DownloadError::Status(404))),
            "{:?}",
            got.map(|b| b.len())
        );
    }

    #[tokio::test]
    async fn a_redirect_to_plain_http_elsewhere_is_not_followed() {
        // The release host may hand the file to another https host; never to plain http.
        let got = fetched_answer(
            "HTTP/1.1 302 Found\r\nLocation: http://updates.example.com/x.deb\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert!(
            matches!(got, Err(DownloadError::Status(302))),
            "{:?}",
            got.map(|b| b.len())
        );
    }
}
