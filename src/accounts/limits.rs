//! Rate limits on sign-in requests, per client address and per email address,
//! so Peerhall cannot be used to flood an inbox.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::LimitSettings;

pub struct SignInLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_email: DefaultKeyedRateLimiter<String>,
    /// Whether the client's address comes from forwarding headers.
    behind_proxy: bool,
}

impl SignInLimits {
    pub fn new(settings: &LimitSettings, behind_proxy: bool) -> SignInLimits {
        let hourly = |n: u32| Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        SignInLimits {
            per_ip: RateLimiter::keyed(hourly(settings.sign_in_per_ip_per_hour)),
            per_email: RateLimiter::keyed(hourly(settings.sign_in_per_email_per_hour)),
            behind_proxy,
        }
    }

    /// The address a request comes from: the peer, or behind a proxy the
    /// client it names (a forged header only moves a client to another bucket).
    pub fn client_ip(&self, req: &actix_web::HttpRequest) -> Option<IpAddr> {
        if self.behind_proxy {
            let info = req.connection_info();
            let forwarded = info.realip_remote_addr()?;
            return forwarded
                .parse::<std::net::SocketAddr>()
                .map(|a| a.ip())
                .or_else(|_| forwarded.parse::<IpAddr>())
                .ok();
        }
        req.peer_addr().map(|a| a.ip())
    }

    /// Ok, or how long to wait. Unknown and known emails count alike.
    pub fn check(&self, ip: Option<IpAddr>, email: &str) -> Result<(), Duration> {
        let clock = DefaultClock::default();
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&ip)
                .map_err(|not_until| not_until.wait_time_from(clock.now()))?;
        }
        self.per_email
            .check_key(&email.to_owned())
            .map_err(|not_until| not_until.wait_time_from(clock.now()))?;
        // Keyed limiters keep an entry per key; drop the ones that are full again.
        self.per_ip.retain_recent();
        self.per_email.retain_recent();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_request_for_one_email_in_an_hour_waits() {
        let settings = LimitSettings {
            sign_in_per_ip_per_hour: 100,
            sign_in_per_email_per_hour: 5,
            introductions_per_day: 5,
            new_account_posts_per_hour: 10,
            new_account_days: 7,
        };
        let limits = SignInLimits::new(&settings, false);
        for _ in 0..5 {
            assert!(limits.check(None, "a@b.org").is_ok());
        }
        let wait = limits.check(None, "a@b.org").unwrap_err();
        assert!(wait > Duration::from_secs(60));
        assert!(
            limits.check(None, "c@d.org").is_ok(),
            "other addresses are unaffected"
        );
    }
}
