//! The app's own files (the list of accounts, the settings, the history) are this user's
//! alone from the moment they exist: their folder is made 0700, a file is written whole
//! through an exclusive temporary file of mode 0600 and renamed into place, and the history
//! database is created empty with mode 0600 before SQLite opens it (SQLite gives its journal
//! files the database's mode). Nothing is created with the default mode and narrowed later.

use std::path::Path;

/// Makes `dir` (and its parents) if missing, and readable by this user only.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        // Windows and macOS keep a user's app folders to that user already.
        std::fs::create_dir_all(dir)
    }
}

/// The folder a file of ours is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to `path` whole: into an exclusive temporary file beside it (O_EXCL,
/// mode 0600: a link planted in its place is never followed), synced, then renamed over it.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    private_dir(dir)?;
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{stem}-"))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut temp, bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Makes `path` an empty file of mode 0600 in a private folder if it does not exist yet,
/// without following a link planted there; an existing file is narrowed to 0600 (one an
/// earlier version made), never replaced.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    private_dir(folder_of(path))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => narrow(path),
        Err(e) => Err(e),
    }
}

/// An existing file of ours made this user's only.
fn narrow(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Not through a link: only a file of ours is changed.
        if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
            return Err(std::io::Error::other(
                "a link stands where the file should be",
            ));
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_file_is_private_the_moment_it_exists_and_its_folder_too() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("a").join("b").join("history.sqlite3");
        create_private(&path).unwrap();
        // Stat at once, before anything else touches it.
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);

        let written = root.path().join("c").join("settings.json");
        write_private(&written, b"{}").unwrap();
        assert_eq!(mode(&written), 0o600);
        assert_eq!(mode(written.parent().unwrap()), 0o700);
        assert_eq!(std::fs::read(&written).unwrap(), b"{}");
        let leftovers: Vec<_> = std::fs::read_dir(written.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["settings.json"], "no temporary file is left");
    }

    #[test]
    fn an_existing_file_is_narrowed_not_replaced_and_a_planted_link_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("history.sqlite3");
        std::fs::write(&path, b"kept").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        create_private(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"kept");

        let elsewhere = root.path().join("someone-elses");
        std::fs::write(&elsewhere, b"x").unwrap();
        std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o644)).unwrap();
        let link = root.path().join("planted.sqlite3");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        assert!(create_private(&link).is_err());
        assert_eq!(mode(&elsewhere), 0o644, "the link's target is left alone");
    }
}
