//! `demo-tenant`: runs the simulated tenant until killed. The first line on stdout is the issuer
//! URL, so scripts and tests can start it on a random port and read where it listens.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use demo_tenant::{DemoTenant, Options};

const USAGE: &str = "\
usage: demo-tenant [--port N] [--devices N] [--fault-rate P] [--drop-rate P] [--latency-ms N]
                   [--log FILE] [--no-org-consent] [--pickup-after-ms N] [--finish-after-ms N]

  --port N         listen on 127.0.0.1:N (default 0: a free port)
  --devices N      number of managed devices to seed (default 40)
  --fault-rate P   probability 0..1 that a Graph request is throttled or fails (default 0)
  --drop-rate P    probability 0..1 that a Graph request's connection is cut unanswered
  --latency-ms N   delay every request by N milliseconds (default 0)
  --pickup-after-ms N   a reset passcode action is picked up by the device N ms after it
                   was sent (default 1000; a real device takes seconds to minutes)
  --finish-after-ms N   and the device reports its result N ms later (default 2000)
  --log FILE       append one line per request to FILE instead of stderr
  --no-org-consent start with nothing consented for the sign-in client: only an administrator
                   gets admin-only permissions until one grants them for the organisation at
                   /TENANT/v2.0/adminconsent

Prints the issuer URL as the first line on stdout, then serves until interrupted. A line
`advance MS` on stdin moves the tenant's clock (devices, deployments, passes, tokens) on by MS
milliseconds and answers `advanced`: tests use it instead of waiting.
Consent to the PIN reset apps at http://127.0.0.1:PORT/TENANT_ID/oauth2/authorize?client_id=APP_ID
(the path of Microsoft's published consent URLs); until then Graph answers 404 for them.";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            let _ = writeln!(std::io::stdout().lock(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("demo-tenant: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let tenant = match DemoTenant::start(options).await {
        Ok(tenant) => tenant,
        Err(error) => {
            eprintln!("demo-tenant: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", tenant.issuer())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    tokio::select! {
        () = wait_for_termination() => {}
        () = follow_clock_commands(&tenant) => wait_for_termination().await,
    }
    tenant.shutdown().await;
    ExitCode::SUCCESS
}

#[derive(Debug)]
enum Command {
    Run(Options),
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut options = Options {
        log_to_stderr: true,
        ..Options::default()
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        if matches!(flag, "-h" | "--help") {
            return Ok(Command::Help);
        }
        if flag == "--no-org-consent" {
            options.org_consent = false;
            continue;
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or(format!("{flag} needs a value"))
        };
        match flag {
            "--port" => options.port = number(flag, &value()?)?,
            "--devices" => options.devices = number(flag, &value()?)?,
            "--latency-ms" => options.latency_ms = number(flag, &value()?)?,
            "--pickup-after-ms" => {
                options.pickup_after = Duration::from_millis(number(flag, &value()?)?);
            }
            "--finish-after-ms" => {
                options.finish_after = Duration::from_millis(number(flag, &value()?)?);
            }
            "--fault-rate" => {
                let raw = value()?;
                let rate: f64 = number(flag, &raw)?;
                if !(0.0..=1.0).contains(&rate) {
                    return Err(format!("--fault-rate must be between 0 and 1, got '{raw}'"));
                }
                options.fault_rate = rate;
            }
            "--drop-rate" => {
                let raw = value()?;
                let rate: f64 = number(flag, &raw)?;
                if !(0.0..=1.0).contains(&rate) {
                    return Err(format!("--drop-rate must be between 0 and 1, got '{raw}'"));
                }
                options.drop_rate = rate;
            }
            "--log" => {
                options.request_log = Some(PathBuf::from(value()?));
                options.log_to_stderr = false;
            }
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    Ok(Command::Run(options))
}

fn number<T: std::str::FromStr>(flag: &str, raw: &str) -> Result<T, String> {
    raw.trim()
        .parse()
        .map_err(|_| format!("{flag} needs a number, got '{raw}'"))
}

/// Reads `advance MS` lines from stdin until it closes; anything else is ignored.
async fn follow_clock_commands(tenant: &DemoTenant) {
    use tokio::io::AsyncBufReadExt;
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let Some(ms) = line
            .strip_prefix("advance ")
            .and_then(|ms| ms.trim().parse().ok())
        else {
            continue;
        };
        tenant.advance_clock(Duration::from_millis(ms));
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "advanced").and_then(|()| stdout.flush());
    }
}

async fn wait_for_termination() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(&args.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn arguments_set_the_options() {
        let parsed = parse(&[
            "--port",
            "8123",
            "--devices=5",
            "--fault-rate",
            "0.25",
            "--drop-rate=0.1",
            "--log",
            "x",
            "--no-org-consent",
            "--pickup-after-ms",
            "30000",
            "--finish-after-ms=5000",
        ]);
        let Ok(Command::Run(options)) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(options.port, 8123);
        assert_eq!(options.devices, 5);
        assert!((options.fault_rate - 0.25).abs() < f64::EPSILON);
        assert!((options.drop_rate - 0.1).abs() < f64::EPSILON);
        assert_eq!(options.request_log, Some(PathBuf::from("x")));
        assert!(!options.log_to_stderr);
        assert!(!options.org_consent);
        assert_eq!(options.pickup_after, Duration::from_secs(30));
        assert_eq!(options.finish_after, Duration::from_secs(5));
        let Ok(Command::Run(plain)) = parse(&[]) else {
            panic!("no arguments")
        };
        assert!(
            plain.org_consent,
            "the ordinary demo starts already consented"
        );
    }

    #[test]
    fn bad_arguments_are_explained() {
        for args in [
            &["--port"][..],
            &["--port", "eighty"],
            &["--fault-rate", "1.5"],
            &["--fault-rate", "NaN"],
            &["--drop-rate", "2"],
            &["--devices", "-1"],
            &["--pickup-after-ms", "soon"],
            &["--verbose"],
            &["extra"],
        ] {
            let error = parse(args).err();
            assert!(error.is_some_and(|e| !e.is_empty()), "{args:?}");
        }
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
    }
}
