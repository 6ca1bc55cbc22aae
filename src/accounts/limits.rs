//! Hourly allowances per client address and per person: on sign-in requests,
//! so Peerhall cannot be used to flood an inbox, and on forum posting, so one
//! account or one machine cannot flood the forum.

use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::LimitSettings;

/// Two keyed allowances checked together: one per client address, one per
/// something the request names (an email, an account).
pub struct HourlyLimits<K: Hash + Eq + Clone> {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_key: DefaultKeyedRateLimiter<K>,
    /// Whether the client's address comes from forwarding headers.
    behind_proxy: bool,
}

/// Sign-in emails asked for, keyed by email address.
pub type SignInLimits = HourlyLimits<String>;

/// Forum threads and replies written, keyed by account id.
pub type PostingLimits = HourlyLimits<i32>;

fn hourly(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl<K: Hash + Eq + Clone> HourlyLimits<K> {
    pub fn hourly((per_ip, per_key): (u32, u32), behind_proxy: bool) -> Self {
        HourlyLimits {
            per_ip: RateLimiter::keyed(hourly(per_ip)),
            per_key: RateLimiter::keyed(hourly(per_key)),
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

    /// Ok, or how long to wait before the next attempt can succeed.
    pub fn check(&self, ip: Option<IpAddr>, key: &K) -> Result<(), Duration> {
        let clock = DefaultClock::default();
        // The narrower allowance first, so one person's refused attempts do
        // not use up their colleagues' shared address.
        self.per_key
            .check_key(key)
            .map_err(|not_until| not_until.wait_time_from(clock.now()))?;
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&ip)
                .map_err(|not_until| not_until.wait_time_from(clock.now()))?;
        }
        // Keyed limiters keep an entry per key; drop the ones that are full again.
        self.per_ip.retain_recent();
        self.per_key.retain_recent();
        Ok(())
    }
}

impl SignInLimits {
    pub fn new(settings: &LimitSettings, behind_proxy: bool) -> SignInLimits {
        let quotas = (
            settings.sign_in_per_ip_per_hour,
            settings.sign_in_per_email_per_hour,
        );
        HourlyLimits::hourly(quotas, behind_proxy)
    }
}

impl PostingLimits {
    pub fn new(settings: &LimitSettings, behind_proxy: bool) -> PostingLimits {
        let quotas = (
            settings.posts_per_ip_per_hour,
            settings.posts_per_account_per_hour,
        );
        HourlyLimits::hourly(quotas, behind_proxy)
    }
}

/// Whole seconds for a `Retry-After` header: never 0, which would invite an
/// immediate retry that is refused again.
pub fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0))
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> LimitSettings {
        LimitSettings {
            sign_in_per_ip_per_hour: 100,
            sign_in_per_email_per_hour: 5,
            introductions_per_day: 5,
            new_account_posts_per_hour: 10,
            new_account_days: 7,
            posts_per_ip_per_hour: 3,
            posts_per_account_per_hour: 2,
        }
    }

    #[test]
    fn the_sixth_request_for_one_email_in_an_hour_waits() {
        let limits = SignInLimits::new(&settings(), false);
        for _ in 0..5 {
            assert!(limits.check(None, &"a@b.org".to_owned()).is_ok());
        }
        let wait = limits.check(None, &"a@b.org".to_owned()).unwrap_err();
        assert!(wait > Duration::from_secs(60));
        assert!(
            limits.check(None, &"c@d.org".to_owned()).is_ok(),
            "other addresses are unaffected"
        );
    }

    #[test]
    fn posting_is_limited_per_account_and_per_address() {
        let limits = PostingLimits::new(&settings(), false);
        let ip: Option<IpAddr> = "192.0.2.1".parse().ok();
        assert!(limits.check(ip, &1).is_ok());
        assert!(limits.check(ip, &1).is_ok());
        assert!(limits.check(ip, &1).is_err(), "the account's third post");
        assert!(
            limits.check(ip, &2).is_ok(),
            "the refusal spent nothing of the address"
        );
        assert!(limits.check(ip, &2).is_err(), "the address's fourth post");
        let elsewhere: Option<IpAddr> = "192.0.2.2".parse().ok();
        assert!(limits.check(elsewhere, &3).is_ok());
    }

    #[test]
    fn retry_after_rounds_up_and_is_never_zero() {
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1_500)), 2);
        assert_eq!(retry_after_secs(Duration::from_secs(1_200)), 1_200);
    }
}
