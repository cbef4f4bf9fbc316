//! Opening the sign-in page: the system browser, a configured command, or (in tests) a function
//! that plays the browser.

use std::process::{Command, Stdio};
use std::sync::Arc;

use url::Url;

use crate::config::Config;
use crate::error::CoreError;

/// Shows the sign-in page to the person. It must return promptly; the answer arrives on the
/// loopback listener, not here.
pub trait BrowserOpener: Send + Sync {
    fn open(&self, url: &Url) -> Result<(), CoreError>;
}

impl<F> BrowserOpener for F
where
    F: Fn(&Url) -> Result<(), CoreError> + Send + Sync,
{
    fn open(&self, url: &Url) -> Result<(), CoreError> {
        self(url)
    }
}

/// The person's default browser.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemBrowser;

impl BrowserOpener for SystemBrowser {
    fn open(&self, url: &Url) -> Result<(), CoreError> {
        open::that_detached(url.as_str()).map_err(|e| CoreError::Browser(e.to_string()))
    }
}

/// A command line split on whitespace; the URL is appended as its last argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandBrowser {
    program: String,
    args: Vec<String>,
}

impl CommandBrowser {
    pub fn parse(command: &str) -> Option<CommandBrowser> {
        let mut words = command.split_whitespace().map(str::to_owned);
        let program = words.next()?;
        Some(CommandBrowser {
            program,
            args: words.collect(),
        })
    }
}

impl BrowserOpener for CommandBrowser {
    fn open(&self, url: &Url) -> Result<(), CoreError> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .arg(url.as_str())
            .stdin(Stdio::null())
            .spawn()
            .map_err(|e| CoreError::Browser(format!("{}: {e}", self.program)))?;
        // The command may run for the whole sign-in (or longer); reap it off to the side so it
        // neither blocks the sign-in nor lingers as a zombie.
        std::thread::spawn(move || child.wait());
        Ok(())
    }
}

/// The configured browser command if there is one, else the system browser.
pub fn browser_for(config: &Config) -> Arc<dyn BrowserOpener> {
    match config.browser.as_deref().and_then(CommandBrowser::parse) {
        Some(command) => Arc::new(command),
        None => Arc::new(SystemBrowser),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_command_is_split_on_whitespace_and_gets_the_url_last() {
        let command = CommandBrowser::parse("  firefox  --new-window ").unwrap();
        assert_eq!(
            command,
            CommandBrowser {
                program: "firefox".into(),
                args: vec!["--new-window".into()]
            }
        );
        assert!(CommandBrowser::parse("   ").is_none());
    }

    #[test]
    fn a_browser_command_that_does_not_exist_is_a_browser_error() {
        let command = CommandBrowser::parse("/nonexistent/pindesk-browser").unwrap();
        let url = Url::parse("http://127.0.0.1:1/authorize").unwrap();
        assert!(matches!(command.open(&url), Err(CoreError::Browser(_))));
    }

    #[test]
    fn a_browser_command_receives_the_url_as_its_last_argument() {
        let dir = std::env::temp_dir().join(format!("pindesk-browser-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("args");
        // `sh -c 'echo "$@" > out' sh --flag URL` writes "--flag URL".
        let command = CommandBrowser {
            program: "sh".into(),
            args: vec![
                "-c".into(),
                format!("echo \"$@\" > {}", out.display()),
                "sh".into(),
                "--flag".into(),
            ],
        };
        command
            .open(&Url::parse("http://127.0.0.1:1/authorize?a=b").unwrap())
            .unwrap();
        for _ in 0..50 {
            if let Ok(text) = std::fs::read_to_string(&out)
                && !text.is_empty()
            {
                assert_eq!(text.trim(), "--flag http://127.0.0.1:1/authorize?a=b");
                std::fs::remove_dir_all(&dir).unwrap();
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the browser command did not run");
    }
}
