//! Outgoing mail: the transport chosen by configuration (SMTP, `.eml` files, or
//! a capturing stub for tests) and multipart text + HTML messages.

pub mod unsubscribe;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use lettre::message::MessageBuilder;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{FileTransport, Message, SmtpTransport, Transport};
use maud::{DOCTYPE, Markup, html};

use crate::config::{EmailSettings, EmailTransport, SmtpSecurity};
use crate::i18n::Lang;

/// A message ready to be built: who, what, in both forms.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    /// The recipient's language: the HTML part declares it for screen readers.
    pub lang: Lang,
    pub subject: String,
    pub text: String,
    /// The body only: [`Outgoing::document`] wraps it.
    pub html: Markup,
}

impl Outgoing {
    /// The HTML part as a whole document, with its language and a title, so that
    /// mail clients and screen readers read it as they would a page.
    pub fn document(&self) -> String {
        html! {
            (DOCTYPE)
            html lang=(self.lang.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.subject) }
                }
                body style="font-family: sans-serif; line-height: 1.5; color: #1b1f24; background: #ffffff" {
                    (self.html)
                }
            }
        }
        .into_string()
    }
}

/// Messages the stub transport kept, newest last (tests read them).
pub type Captured = Arc<Mutex<Vec<Message>>>;

#[derive(Clone)]
enum Sender {
    File(FileTransport),
    Smtp(SmtpTransport),
    Stub(Captured),
}

/// Sends mail through the configured transport. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    sender: Sender,
    /// Where people reach the service (`server.public_url`), for links in mail.
    site: url::Url,
}

impl Mailer {
    pub fn from_settings(settings: &EmailSettings, site: &url::Url) -> anyhow::Result<Mailer> {
        let from: Mailbox = settings
            .from
            .parse()
            .with_context(|| format!("email.from `{}` is not an address", settings.from))?;
        let sender = match settings.transport {
            EmailTransport::File => {
                std::fs::create_dir_all(&settings.outbox_dir)
                    .with_context(|| format!("cannot create {}", settings.outbox_dir.display()))?;
                Sender::File(FileTransport::new(&settings.outbox_dir))
            }
            EmailTransport::Smtp => Sender::Smtp(smtp(settings)?),
            EmailTransport::Stub => Sender::Stub(Captured::default()),
        };
        Ok(Mailer {
            from,
            sender,
            site: site.clone(),
        })
    }

    /// An absolute link to `path` (which starts with `/`) for a message.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.site.as_str().trim_end_matches('/'), path)
    }

    /// The stub's captured messages, if this mailer is the stub.
    pub fn captured(&self) -> Option<Captured> {
        match &self.sender {
            Sender::Stub(captured) => Some(captured.clone()),
            _ => None,
        }
    }

    /// Builds and sends; blocking, so call it from `web::block` in handlers.
    pub fn send(&self, outgoing: &Outgoing) -> anyhow::Result<()> {
        Ok(self.send_with(outgoing, None)?)
    }

    /// Sends, with the list headers of bulk mail when `bulk` is given, and
    /// says whether a failure is worth retrying.
    pub fn send_with(&self, outgoing: &Outgoing, bulk: Option<&Bulk>) -> Result<(), SendError> {
        let message = self.build(outgoing, bulk)?;
        match &self.sender {
            Sender::File(t) => t
                .send(&message)
                .map(|_| ())
                .map_err(|e| SendError::Transient(format!("writing the mail file: {e}"))),
            Sender::Smtp(t) => t.send(&message).map(|_| ()).map_err(classify),
            Sender::Stub(captured) => {
                captured
                    .lock()
                    .map_err(|_| SendError::Transient("the stub mailbox is poisoned".into()))?
                    .push(message);
                Ok(())
            }
        }
    }

    /// Sends from a blocking thread, for async handlers.
    pub async fn send_off_thread(&self, outgoing: Outgoing) -> anyhow::Result<()> {
        let mailer = self.clone();
        actix_web::web::block(move || mailer.send(&outgoing)).await?
    }

    /// The host part of the site's address, for Message-ID and List-Id.
    pub fn site_host(&self) -> &str {
        self.site.host_str().unwrap_or("localhost")
    }

    fn build(&self, outgoing: &Outgoing, bulk: Option<&Bulk>) -> Result<Message, SendError> {
        let to: Mailbox = outgoing
            .to
            .parse()
            .map_err(|e| SendError::Refused(format!("the recipient is not an address: {e}")))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .date_now()
            .subject(outgoing.subject.clone());
        if let Some(bulk) = bulk {
            builder = bulk.headers(builder, self.site_host());
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                outgoing.text.clone(),
                outgoing.document(),
            ))
            .map_err(|e| SendError::Permanent(format!("building the message: {e}")))
    }
}

/// An SMTP failure, by what it says about the recipient.
fn classify(error: lettre::transport::smtp::Error) -> SendError {
    match error.status().map(|code| code.to_string()).as_deref() {
        // No such mailbox, not here, not a valid mailbox name: this address only.
        Some("550" | "551" | "553") => SendError::Refused(error.to_string()),
        _ if error.is_permanent() => SendError::Permanent(error.to_string()),
        _ => SendError::Transient(error.to_string()),
    }
}

/// Why a message did not go: worth another try later, or never.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// The server refused the recipient's mailbox for good (550, 551, 553),
    /// or the address cannot be written as one: stop mailing it.
    #[error("the address refused mail for good: {0}")]
    Refused(String),
    /// Any other 5xx reply (authentication, relaying, content): this message
    /// will never go, but the address is not to blame, so that a mistake in
    /// the mail settings cannot silence everyone.
    #[error("refused for good: {0}")]
    Permanent(String),
    /// A 4xx reply, a connection that failed, a disk that was full.
    #[error("not sent this time: {0}")]
    Transient(String),
}

/// What makes a message bulk mail (RFC 2369, RFC 8058): its list, a stable
/// Message-ID, and the one-click unsubscribe link.
#[derive(Debug, Clone)]
pub struct Bulk {
    /// The list's short name, e.g. `digest`: List-Id is `<digest.{host}>`.
    pub list: &'static str,
    pub list_name: String,
    /// The part of the Message-ID left of the `@`: the same message, the same id.
    pub message_key: String,
    /// An absolute https (or, locally, http) link that unsubscribes on POST.
    pub unsubscribe: String,
}

impl Bulk {
    fn headers(&self, builder: MessageBuilder, host: &str) -> MessageBuilder {
        let raw = |name: &'static str, value: String| {
            HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
        };
        builder
            .message_id(Some(format!("<{}@{host}>", self.message_key)))
            .raw_header(raw(
                "List-Id",
                format!("{} <{}.{host}>", self.list_name, self.list),
            ))
            .raw_header(raw("List-Unsubscribe", format!("<{}>", self.unsubscribe)))
            .raw_header(raw(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".to_owned(),
            ))
    }
}

fn smtp(settings: &EmailSettings) -> anyhow::Result<SmtpTransport> {
    let smtp = settings
        .smtp
        .as_ref()
        .context("email.smtp is required when email.transport = \"smtp\"")?;
    let builder = match smtp.tls {
        SmtpSecurity::Tls => SmtpTransport::relay(&smtp.host)?,
        SmtpSecurity::Starttls => SmtpTransport::starttls_relay(&smtp.host)?,
        SmtpSecurity::None => SmtpTransport::builder_dangerous(&smtp.host),
    };
    let mut builder = builder
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(smtp.pool_size.max(1)));
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
    }
    Ok(builder.build())
}
