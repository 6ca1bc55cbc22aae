//! A real SMTP server for tests (mailin-embedded) on 127.0.0.1: it keeps each
//! message it accepts, and refuses the recipients it is told to with a 550.

use std::collections::HashSet;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use mailin_embedded::{Handler, Response, Server, response};

#[derive(Clone, Default)]
struct Keeper {
    received: Arc<Mutex<Vec<Vec<u8>>>>,
    refused: Arc<HashSet<String>>,
    current: Vec<u8>,
}

impl Handler for Keeper {
    fn rcpt(&mut self, to: &str) -> Response {
        if self.refused.contains(to) {
            response::NO_MAILBOX
        } else {
            response::OK
        }
    }

    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        _to: &[String],
    ) -> Response {
        self.current.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = std::mem::take(&mut self.current);
        self.received.lock().unwrap().push(message);
        response::OK
    }
}

/// A running server; it lives until the test process ends.
pub struct Sink {
    pub port: u16,
    received: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Sink {
    /// Listens on a free port.
    pub fn start(refused: &[&str]) -> Sink {
        Self::start_on(TcpListener::bind("127.0.0.1:0").unwrap(), refused)
    }

    /// Listens on `listener` (a port chosen before the server was up).
    pub fn start_on(listener: TcpListener, refused: &[&str]) -> Sink {
        let port = listener.local_addr().unwrap().port();
        let keeper = Keeper {
            refused: Arc::new(refused.iter().map(|s| s.to_string()).collect()),
            ..Keeper::default()
        };
        let received = keeper.received.clone();
        let mut server = Server::new(keeper);
        server.with_name("sink.test").with_tcp_listener(listener);
        std::thread::spawn(move || {
            // The server runs until the test process ends; an error ends only this thread.
            let _ = server.serve();
        });
        Sink { port, received }
    }

    pub fn messages(&self) -> Vec<Vec<u8>> {
        self.received.lock().unwrap().clone()
    }
}

/// Points a test app's mail at the sink on `port`, plain SMTP.
pub fn smtp_to(settings: &mut peerhall::config::Settings, port: u16) {
    settings.email.transport = peerhall::config::EmailTransport::Smtp;
    settings.email.smtp = Some(peerhall::config::SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: peerhall::config::SmtpSecurity::None,
        pool_size: 2,
        username: None,
        password: None,
    });
}
