//! A local SMTP server that accepts every message and counts them: where
//! `peerhall bench` sends its digests, so that a send is a real SMTP round
//! trip without mail leaving the machine.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mailin_embedded::{Handler, Response, Server, response};

use crate::config::{EmailSettings, EmailTransport, SmtpSecurity, SmtpSettings};

#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Handler for Counter {
    fn data_end(&mut self) -> Response {
        self.0.fetch_add(1, Ordering::Relaxed);
        response::OK
    }
}

pub struct Sink {
    pub port: u16,
    counter: Counter,
}

impl Sink {
    /// Listens on a free port of 127.0.0.1, in threads of its own.
    pub fn start() -> anyhow::Result<Sink> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let counter = Counter::default();
        let mut server = Server::new(counter.clone());
        server.with_num_threads(8).with_tcp_listener(listener);
        std::thread::spawn(move || {
            if let Err(e) = server.serve() {
                tracing::error!(error = %e, "the bench's SMTP sink stopped");
            }
        });
        Ok(Sink { port, counter })
    }

    /// Messages accepted so far.
    pub fn count(&self) -> usize {
        self.counter.0.load(Ordering::Relaxed)
    }

    /// `email` sending here, over plain SMTP with a pool of `pool_size`.
    pub fn settings(&self, email: &EmailSettings, pool_size: u32) -> EmailSettings {
        let mut email = email.clone();
        email.transport = EmailTransport::Smtp;
        email.smtp = Some(SmtpSettings {
            host: "127.0.0.1".into(),
            port: self.port,
            tls: SmtpSecurity::None,
            pool_size,
            username: None,
            password: None,
        });
        email
    }
}
