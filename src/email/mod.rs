//! Outgoing mail: the transport chosen by configuration (SMTP, `.eml` files, or
//! a capturing stub for tests) and multipart text + HTML messages.

use std::sync::{Arc, Mutex};

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
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
        let message = self.build(outgoing)?;
        match &self.sender {
            Sender::File(t) => t
                .send(&message)
                .map(|_| ())
                .context("writing the mail file"),
            Sender::Smtp(t) => t.send(&message).map(|_| ()).context("sending over SMTP"),
            Sender::Stub(captured) => {
                captured
                    .lock()
                    .map_err(|_| anyhow::anyhow!("the stub mailbox is poisoned"))?
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

    fn build(&self, outgoing: &Outgoing) -> anyhow::Result<Message> {
        let to: Mailbox = outgoing
            .to
            .parse()
            .with_context(|| "the recipient is not an address".to_owned())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(outgoing.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                outgoing.text.clone(),
                outgoing.document(),
            ))
            .context("building the message")
    }
}

fn smtp(settings: &EmailSettings) -> anyhow::Result<SmtpTransport> {
    let smtp = settings
        .smtp
        .as_ref()
        .context("email.smtp is required when email.transport = \"smtp\"")?;
    let builder = match smtp.security {
        SmtpSecurity::Tls => SmtpTransport::relay(&smtp.host)?,
        SmtpSecurity::Starttls => SmtpTransport::starttls_relay(&smtp.host)?,
        SmtpSecurity::None => SmtpTransport::builder_dangerous(&smtp.host),
    };
    let mut builder = builder.port(smtp.port);
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
    }
    Ok(builder.build())
}
