//! Writing PinDesk's own files (settings, remembered accounts) so that a crash, a power cut or a
//! second writer never leaves half a file, and nobody else on the machine can read them.

#[cfg(unix)]
use std::fs::File;
use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::CoreError;

/// One writer at a time in this process; the app runs as a single instance, so that is one
/// writer on the machine for each person's data folder.
static WRITER: Mutex<()> = Mutex::new(());

/// Makes every temporary name unique, even for two writes of the same file in one process.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// Creates the data folder if needed and keeps it private to the person (`0700` on Unix), also
/// when an earlier version created it with wider rights.
pub fn ensure_private_dir(dir: &Path) -> Result<(), CoreError> {
    let storage = |e: std::io::Error| CoreError::Storage(format!("{}: {e}", dir.display()));
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        builder.mode(0o700);
        builder.create(dir).map_err(storage)?;
        let mode = fs::metadata(dir).map_err(storage)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(storage)?;
        }
    }
    #[cfg(not(unix))]
    builder.create(dir).map_err(storage)?;
    Ok(())
}

/// Replaces `path` with `bytes` in one step: the bytes go to a new file with a unique name,
/// reach the disk, and only then take the file's place; the folder is flushed too, so the
/// rename itself survives a power cut. The file is readable by the person only (`0600`).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let storage = |e: std::io::Error| CoreError::Storage(format!("{}: {e}", path.display()));
    let _turn = WRITER.lock().unwrap_or_else(|p| p.into_inner());
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    ensure_private_dir(dir)?;
    let tmp = temporary_name(dir, path);
    let written = write_new_file(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(storage(e));
    }
    sync_dir(dir);
    Ok(())
}

fn temporary_name(dir: &Path, path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{sequence}.tmp", std::process::id()))
}

fn write_new_file(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes the folder's entry list where the OS allows it (Unix); elsewhere the rename is as
/// durable as the file system makes it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(error) = File::open(dir).and_then(|d| d.sync_all()) {
        tracing::debug!(%error, "could not flush the data folder");
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pindesk-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_private_and_the_folder_too() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = temp_dir("modes");
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let path = dir.join("settings.json");
        write_atomically(&path, b"{}").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writers_at_the_same_time_each_leave_a_whole_file_and_no_temporary_one() {
        let dir = temp_dir("writers");
        let path = dir.join("accounts.json");
        let threads: Vec<_> = (0..8)
            .map(|n| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let body = format!("{{\"writer\":{n},\"pad\":\"{}\"}}", "x".repeat(4096));
                    for _ in 0..20 {
                        write_atomically(&path, body.as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let text = fs::read_to_string(&path).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("accounts.json")]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
