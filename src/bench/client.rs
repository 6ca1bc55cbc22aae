//! A bare HTTP/1.1 client on one keep-alive connection, as `wrk` would be: a
//! general client (reqwest on its own runtime) cost about 0.1 ms of CPU and a
//! thread hop per request, which is the load's cost, not the server's.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::anyhow;

pub struct RawClient {
    reader: BufReader<TcpStream>,
    host: String,
}

impl RawClient {
    pub fn connect(port: u16) -> anyhow::Result<RawClient> {
        let stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_nodelay(true)?;
        // A stuck server fails the run instead of hanging it.
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(RawClient {
            reader: BufReader::new(stream),
            host: format!("127.0.0.1:{port}"),
        })
    }

    /// GET with a bearer token (empty: none); the status and the body.
    pub fn get(&mut self, path: &str, token: &str, accept: &str) -> anyhow::Result<(u16, Vec<u8>)> {
        let head = self.head("GET", path, token, accept);
        self.exchange(head.as_bytes(), &[])
    }

    /// POST a JSON body with a bearer token; the status and the body.
    pub fn post_json(
        &mut self,
        path: &str,
        token: &str,
        body: &[u8],
    ) -> anyhow::Result<(u16, Vec<u8>)> {
        let mut head = self.head("POST", path, token, "application/json");
        head.truncate(head.len() - 2);
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        ));
        self.exchange(head.as_bytes(), body)
    }

    fn head(&self, method: &str, path: &str, token: &str, accept: &str) -> String {
        let auth = if token.is_empty() {
            String::new()
        } else {
            format!("Authorization: Bearer {token}\r\n")
        };
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\n{auth}Accept: {accept}\r\n\r\n",
            self.host
        )
    }

    fn exchange(&mut self, head: &[u8], body: &[u8]) -> anyhow::Result<(u16, Vec<u8>)> {
        let stream = self.reader.get_mut();
        stream.write_all(head)?;
        stream.write_all(body)?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| anyhow!("not an HTTP status line: {line:?}"))?;
        let framing = self.headers()?;
        let body = match framing {
            Framing::Length(length) => {
                let mut body = vec![0; length];
                self.reader.read_exact(&mut body)?;
                body
            }
            Framing::Chunked => self.chunks()?,
        };
        Ok((status, body))
    }

    fn headers(&mut self) -> anyhow::Result<Framing> {
        let mut framing = Framing::Length(0);
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let header = line.trim_end();
            if header.is_empty() {
                return Ok(framing);
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    framing = Framing::Length(value.trim().parse()?);
                } else if name.eq_ignore_ascii_case("transfer-encoding")
                    && value.trim().eq_ignore_ascii_case("chunked")
                {
                    framing = Framing::Chunked;
                }
            }
        }
    }

    fn chunks(&mut self) -> anyhow::Result<Vec<u8>> {
        let mut body = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)?;
            let start = body.len();
            body.resize(start + size, 0);
            self.reader.read_exact(&mut body[start..])?;
            line.clear();
            self.reader.read_line(&mut line)?;
            if size == 0 {
                return Ok(body);
            }
        }
    }
}

enum Framing {
    Length(usize),
    Chunked,
}
