//! The person's choices for the watch, kept in the app's config folder (nothing secret,
//! nothing personal). A file that cannot be read gives the defaults.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub const SETTINGS_FILE: &str = "settings.json";

/// The intervals offered, in minutes; 0 is "never".
pub const INTERVALS: [u32; 6] = [5, 10, 15, 30, 60, 0];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "WatchSettings"))]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// How often records under review are checked again, in minutes; 0: never.
    pub check_every_minutes: u32,
    /// Whether a decision is also told by a system notification.
    pub notify: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            check_every_minutes: 10,
            notify: true,
        }
    }
}

impl Settings {
    /// The settings in `file`, or the defaults (no file yet, or one that cannot be read).
    pub fn load(file: Option<&Path>) -> Self {
        let Some(file) = file else {
            return Self::default();
        };
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Self>(&bytes).ok())
            .map(Self::bounded)
            .unwrap_or_default()
    }

    /// Writes the settings whole (a new file renamed over the old one).
    pub fn save(&self, file: Option<&Path>) -> std::io::Result<()> {
        let Some(file) = file else {
            return Ok(());
        };
        let text = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::private_files::write_private(file, &text)
    }

    /// Only an interval the panel offers.
    pub fn bounded(mut self) -> Self {
        if !INTERVALS.contains(&self.check_every_minutes) {
            self.check_every_minutes = Self::default().check_every_minutes;
        }
        self
    }

    /// How long between checks, or `None` for never. `override_seconds` (tests, and the
    /// demo made to decide quickly) replaces the chosen interval.
    pub fn interval(&self, override_seconds: Option<u64>) -> Option<Duration> {
        if self.check_every_minutes == 0 {
            return None;
        }
        Some(match override_seconds {
            Some(s) => Duration::from_secs(s.clamp(1, 86_400)),
            None => Duration::from_secs(u64::from(self.check_every_minutes).saturating_mul(60)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_restart_and_odd_files_give_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        assert_eq!(Settings::load(Some(&file)), Settings::default());
        let chosen = Settings {
            check_every_minutes: 30,
            notify: false,
        };
        chosen.save(Some(&file)).unwrap();
        assert_eq!(Settings::load(Some(&file)), chosen);
        std::fs::write(&file, b"{\"checkEveryMinutes\": 7}").unwrap();
        assert_eq!(Settings::load(Some(&file)).check_every_minutes, 10);
        std::fs::write(&file, b"not json").unwrap();
        assert_eq!(Settings::load(Some(&file)), Settings::default());
        assert_eq!(
            Settings::default().interval(None),
            Some(Duration::from_secs(600))
        );
        assert_eq!(
            Settings::default().interval(Some(2)),
            Some(Duration::from_secs(2))
        );
        let never = Settings {
            check_every_minutes: 0,
            notify: true,
        };
        assert_eq!(never.interval(Some(2)), None);
    }

    /// Written through an exclusive temporary file: private from the start, and a link
    /// planted where the old fixed-name file (`settings.json.new`) went is not followed.
    #[cfg(unix)]
    #[test]
    fn the_settings_file_is_private_and_a_planted_link_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config").join(SETTINGS_FILE);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "untouched").unwrap();
        std::os::unix::fs::symlink(&victim, file.with_extension("json.new")).unwrap();
        Settings::default().save(Some(&file)).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    }
}
