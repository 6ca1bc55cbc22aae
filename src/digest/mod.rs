//! Weekly digests by mail: what each person wants (`preferences`, `store`,
//! `api`), when theirs is due (`schedule`), what it says (`forum_news`,
//! `city_news`, `gather`, `compose`, `message`), the ledger that sends it once
//! (`ledger`), the pass and the scheduler (`run`), and the unsubscribe link.

pub mod api;
pub mod city_news;
pub mod compose;
pub mod forum_news;
pub mod gather;
pub mod ledger;
pub mod message;
pub mod notices;
pub mod preferences;
pub mod preview;
pub mod run;
pub mod schedule;
pub mod store;
pub mod unsubscribe;
pub mod views;

use std::time::Duration;

pub use preferences::{MailPreferences, PreferenceChanges, Weekday};
pub use run::{Digests, Report};

/// Inside `serve`: a notices pass and a digest pass every `every`, each on a blocking thread, so a
/// slow mail server never holds up requests. A failed pass is logged and the
/// next one carries on (the ledger keeps what was left).
pub async fn keep_sending(digests: Digests, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let pass = digests.clone();
        let done = tokio::task::spawn_blocking(move || {
            let now = chrono::Utc::now();
            (pass.notices(now), pass.pass(now))
        })
        .await;
        match done {
            Ok((notices, digests)) => {
                match notices {
                    Ok(report) if report.sent + report.failed > 0 => {
                        tracing::info!(sent = report.sent, failed = report.failed, "notice pass");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = format!("{e:#}"), "notice pass failed"),
                }
                match digests {
                    Ok(report) if report != Report::default() => {
                        tracing::info!(%report, "digest pass");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = format!("{e:#}"), "digest pass failed"),
                }
            }
            Err(e) => tracing::error!(error = %e, "mail pass panicked"),
        }
    }
}
