//! A log file that rolls over by size: `pindesk.log`, then `pindesk.1.log` (newest) up to
//! `pindesk.<keep>.log`; older ones are deleted. A failure to write is swallowed: logging must
//! never stop the app.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tracing_subscriber::fmt::MakeWriter;

pub const LOG_FILE: &str = "pindesk.log";
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
pub const KEEP_FILES: usize = 5;

#[derive(Debug, Clone)]
pub struct RotatingFile {
    inner: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    dir: PathBuf,
    max_bytes: u64,
    keep: usize,
    open: Option<(File, u64)>,
}

impl RotatingFile {
    pub fn new(dir: &Path, max_bytes: u64, keep: usize) -> RotatingFile {
        RotatingFile {
            inner: Arc::new(Mutex::new(State {
                dir: dir.to_owned(),
                max_bytes,
                keep,
                open: None,
            })),
        }
    }

    fn write_all(&self, buf: &[u8]) -> io::Result<()> {
        let mut state = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        state.write(buf)
    }
}

impl State {
    fn write(&mut self, buf: &[u8]) -> io::Result<()> {
        if self
            .open
            .as_ref()
            .is_some_and(|(_, size)| size + buf.len() as u64 > self.max_bytes)
        {
            self.open = None;
            self.rotate()?;
        }
        if self.open.is_none() {
            self.open = Some(self.open_current()?);
        }
        if let Some((file, size)) = self.open.as_mut() {
            file.write_all(buf)?;
            *size += buf.len() as u64;
        }
        Ok(())
    }

    fn open_current(&self) -> io::Result<(File, u64)> {
        fs::create_dir_all(&self.dir)?;
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let file = options.open(self.dir.join(LOG_FILE))?;
        let size = file.metadata()?.len();
        Ok((file, size))
    }

    fn rotate(&self) -> io::Result<()> {
        let _ = fs::remove_file(numbered(&self.dir, self.keep));
        for n in (1..self.keep).rev() {
            let from = numbered(&self.dir, n);
            if from.exists() {
                fs::rename(&from, numbered(&self.dir, n + 1))?;
            }
        }
        fs::rename(self.dir.join(LOG_FILE), numbered(&self.dir, 1))
    }
}

fn numbered(dir: &Path, n: usize) -> PathBuf {
    dir.join(format!("pindesk.{n}.log"))
}

/// One event's writer, handed out per event by the subscriber.
#[derive(Debug)]
pub struct EventWriter(RotatingFile);

impl Write for EventWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Logging never fails the caller: a full disk loses log lines, not the reset.
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for RotatingFile {
    type Writer = EventWriter;

    fn make_writer(&'a self) -> EventWriter {
        EventWriter(self.clone())
    }
}

/// The last `count` lines across the current file and the one before it, oldest first.
pub fn recent_lines(dir: &Path, count: usize) -> Vec<String> {
    let read = |path: PathBuf| fs::read_to_string(path).unwrap_or_default();
    let text = read(numbered(dir, 1)) + &read(dir.join(LOG_FILE));
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..]
        .iter()
        .map(|l| (*l).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir() -> PathBuf {
        std::env::temp_dir().join(format!("pindesk-log-{}", uuid::Uuid::new_v4()))
    }

    #[test]
    fn the_file_rolls_over_at_its_size_and_keeps_only_the_newest_few() {
        let dir = temp_dir();
        let file = RotatingFile::new(&dir, 100, 2);
        for n in 0..20 {
            file.write_all(format!("line {n:02} {}\n", "x".repeat(30)).as_bytes())
                .unwrap();
        }
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["pindesk.1.log", "pindesk.2.log", "pindesk.log"]);
        for name in &names {
            assert!(fs::metadata(dir.join(name)).unwrap().len() <= 100);
        }
        assert!(
            fs::read_to_string(dir.join(LOG_FILE))
                .unwrap()
                .contains("line 19")
        );
    }

    #[test]
    fn recent_lines_span_the_rollover_oldest_first() {
        let dir = temp_dir();
        let file = RotatingFile::new(&dir, 40, 3);
        for n in 0..6 {
            file.write_all(format!("entry {n}\n").as_bytes()).unwrap();
        }
        let recent = recent_lines(&dir, 4);
        assert_eq!(recent, ["entry 2", "entry 3", "entry 4", "entry 5"]);
        assert!(recent_lines(&temp_dir(), 5).is_empty());
    }
}
