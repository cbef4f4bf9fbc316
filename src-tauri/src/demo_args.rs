//! `pindesk --demo [--no-org-consent] [--pickup-after-ms N] [--finish-after-ms N]`: how the
//! built-in demo tenant behaves, with the same flags (and the same meaning) as the `demo-tenant`
//! binary's, so a demonstration can show a device that takes as long as a real one.

use std::time::Duration;

/// Whether the app was started with `--demo`, and the demo tenant's options when it was.
pub fn demo_options(args: &[String]) -> Result<Option<demo_tenant::Options>, String> {
    if !args.iter().any(|arg| arg == "--demo") {
        return Ok(None);
    }
    let mut options = demo_tenant::Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let delay = match flag {
            "--no-org-consent" => {
                options.org_consent = false;
                continue;
            }
            "--pickup-after-ms" | "--finish-after-ms" => {
                let raw = inline
                    .or_else(|| rest.next().cloned())
                    .ok_or(format!("{flag} needs a number of milliseconds"))?;
                let ms: u64 = raw
                    .trim()
                    .parse()
                    .map_err(|_| format!("{flag} needs a number of milliseconds, got '{raw}'"))?;
                Duration::from_millis(ms)
            }
            // Other arguments belong to the app or the platform.
            _ => continue,
        };
        if flag == "--pickup-after-ms" {
            options.pickup_after = delay;
        } else {
            options.finish_after = delay;
        }
    }
    Ok(Some(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<demo_tenant::Options>, String> {
        demo_options(&args.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn the_device_pace_reaches_the_demo_tenant() {
        let Ok(Some(options)) = parse(&[
            "--demo",
            "--pickup-after-ms",
            "30000",
            "--finish-after-ms=5000",
            "--no-org-consent",
        ]) else {
            panic!("the demo options were refused")
        };
        assert_eq!(options.pickup_after, Duration::from_secs(30));
        assert_eq!(options.finish_after, Duration::from_secs(5));
        assert!(!options.org_consent);
        let Ok(Some(plain)) = parse(&["--demo"]) else {
            panic!("plain --demo")
        };
        assert_eq!(plain.pickup_after, Duration::from_secs(1));
        assert!(plain.org_consent);
    }

    #[test]
    fn without_demo_there_is_no_demo_tenant_and_bad_delays_are_explained() {
        assert!(matches!(parse(&["--pickup-after-ms", "5"]), Ok(None)));
        for bad in [
            &["--demo", "--pickup-after-ms"][..],
            &["--demo", "--finish-after-ms", "x"],
        ] {
            assert!(
                parse(bad).is_err_and(|e| e.contains("milliseconds")),
                "{bad:?}"
            );
        }
    }
}
