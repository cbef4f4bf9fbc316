use std::path::PathBuf;
use std::time::Duration;

use crate::Error;

/// How a demo tenant behaves. Every field has a sensible default, so callers write
/// `Options { port: 0, ..Options::default() }`.
#[derive(Debug, Clone)]
pub struct Options {
    /// 0 picks a random free port.
    pub port: u16,
    /// How many managed devices the seed creates.
    pub devices: usize,
    /// Probability (0.0..=1.0) that a Graph request fails with a throttling or service error.
    pub fault_rate: f64,
    /// Delay added to every request, to make progress indicators visible in demos.
    pub latency_ms: u64,
    /// Appends one line per request served to this file.
    pub request_log: Option<PathBuf>,
    pub code_lifetime: Duration,
    pub access_token_lifetime: Duration,
    /// Entra's refresh tokens live for 90 days of inactivity.
    pub refresh_token_lifetime: Duration,
    /// Length in characters of each refresh token. Tests raise it above 2560 bytes, the size a
    /// single Windows credential can hold, to prove the app splits large tokens.
    pub refresh_token_len: usize,
    /// Seed of the fault generator, so a run with faults can be reproduced exactly.
    pub fault_seed: u64,
    /// Throttles Graph at Intune's documented per-tenant limits (on by default).
    pub throttle: bool,
    /// Probability (0.0..=1.0) that a Graph request's connection is dropped without an answer.
    pub drop_rate: f64,
    /// Writes the request log to stderr as well (the binary does this when no log file is given).
    pub log_to_stderr: bool,
    /// Starts with organisation-wide consent (an `AllPrincipals` grant) for the sign-in client
    /// covering every permission the app asks for, so anyone may sign in at once. Off, nothing
    /// is consented: only an administrator gets admin-only permissions until one grants them for
    /// the organisation, as in a tenant that has never used the client.
    pub org_consent: bool,
    /// How long a device takes to pick a passcode reset up after it was sent (`pending` until
    /// then). A real device is told at once through its push channel and checks in after
    /// seconds to minutes, or at its next scheduled check-in when it is off.
    pub pickup_after: Duration,
    /// How long the device then takes to report the result (`active` until then).
    pub finish_after: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 0,
            devices: 40,
            fault_rate: 0.0,
            latency_ms: 0,
            request_log: None,
            code_lifetime: Duration::from_secs(600),
            access_token_lifetime: Duration::from_secs(3599),
            refresh_token_lifetime: Duration::from_secs(90 * 24 * 3600),
            refresh_token_len: 600,
            fault_seed: 0x5049_4e44_4553_4b00,
            log_to_stderr: false,
            throttle: true,
            drop_rate: 0.0,
            org_consent: true,
            pickup_after: Duration::from_secs(1),
            finish_after: Duration::from_secs(2),
        }
    }
}

/// Upper bounds that keep a typo from exhausting memory or hanging every request.
const MAX_DEVICES: usize = 100_000;
const MAX_LATENCY_MS: u64 = 60_000;
const MAX_REFRESH_TOKEN_LEN: usize = 64 * 1024;
const MIN_REFRESH_TOKEN_LEN: usize = 32;
/// A device that has not answered after ten minutes is, for a demo, one that is off.
const MAX_DEVICE_DELAY: Duration = Duration::from_secs(600);

impl Options {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.fault_rate) {
            return Err(Error::InvalidOption(format!(
                "fault rate must be between 0 and 1, got {}",
                self.fault_rate
            )));
        }
        if !(0.0..=1.0).contains(&self.drop_rate) {
            return Err(Error::InvalidOption(format!(
                "drop rate must be between 0 and 1, got {}",
                self.drop_rate
            )));
        }
        if self.devices > MAX_DEVICES {
            return Err(Error::InvalidOption(format!(
                "at most {MAX_DEVICES} devices, got {}",
                self.devices
            )));
        }
        if self.latency_ms > MAX_LATENCY_MS {
            return Err(Error::InvalidOption(format!(
                "latency must be at most {MAX_LATENCY_MS} ms, got {}",
                self.latency_ms
            )));
        }
        if !(MIN_REFRESH_TOKEN_LEN..=MAX_REFRESH_TOKEN_LEN).contains(&self.refresh_token_len) {
            return Err(Error::InvalidOption(format!(
                "refresh token length must be between {MIN_REFRESH_TOKEN_LEN} and \
                 {MAX_REFRESH_TOKEN_LEN}, got {}",
                self.refresh_token_len
            )));
        }
        for (name, delay) in [
            ("pick-up", self.pickup_after),
            ("finish", self.finish_after),
        ] {
            if delay > MAX_DEVICE_DELAY {
                return Err(Error::InvalidOption(format!(
                    "the device's {name} delay must be at most {} ms, got {} ms",
                    MAX_DEVICE_DELAY.as_millis(),
                    delay.as_millis()
                )));
            }
        }
        Ok(())
    }
}
