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
    port: u16,
    /// The server said `Connection: close`: the next request reconnects.
    closed: bool,
}

impl RawClient {
    pub fn connect(port: u16) -> anyhow::Result<RawClient> {
        Ok(RawClient {
            reader: BufReader::new(stream_to(port)?),
            host: format!("127.0.0.1:{port}"),
            port,
            closed: false,
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

    /// One write for the head and the body: a body arriving on its own after
    /// the server has answered would be read as the next request.
    fn exchange(&mut self, head: &[u8], body: &[u8]) -> anyhow::Result<(u16, Vec<u8>)> {
        if std::mem::take(&mut self.closed) {
            self.reader = BufReader::new(stream_to(self.port)?);
        }
        self.reader.get_mut().write_all(&[head, body].concat())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| anyhow!("not an HTTP status line: {line:?}"))?;
        let (framing, close) = self.headers()?;
        self.closed = close;
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

    /// How the body is framed, and whether the server closes the connection.
    fn headers(&mut self) -> anyhow::Result<(Framing, bool)> {
        let mut framing = Framing::Length(0);
        let mut close = false;
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let header = line.trim_end();
            if header.is_empty() {
                return Ok((framing, close));
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("connection") {
                    close = value.trim().eq_ignore_ascii_case("close");
                } else if name.eq_ignore_ascii_case("content-length") {
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

fn stream_to(port: u16) -> anyhow::Result<TcpStream> {
    let stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_nodelay(true)?;
    // A stuck server fails the run instead of hanging it.
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    Ok(stream)
}

enum Framing {
    Length(usize),
    Chunked,
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use super::RawClient;

    /// A server that answers one request per connection and closes it.
    fn one_answer_per_connection(listener: TcpListener, connections: usize) {
        for stream in listener.incoming().take(connections) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            stream
                .write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
                .unwrap();
        }
    }

    #[test]
    fn a_connection_the_server_closes_is_opened_again_for_the_next_request() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || one_answer_per_connection(listener, 2));
        let mut client = RawClient::connect(port).unwrap();
        for _ in 0..2 {
            let (status, body) = client.get("/", "", "text/plain").unwrap();
            assert_eq!((status, body.as_slice()), (200, &b"ok"[..]));
        }
        server.join().unwrap();
    }
}
