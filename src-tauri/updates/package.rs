//! Whether a download is an installer of the kind this copy was installed from. A feed can
//! offer a genuinely signed package for another system (an .rpm for a .deb install, a .deb
//! where an AppImage is expected); installed, it would fail, or replace the AppImage with a
//! file that no longer starts. The signature says who made a package, not that it fits.

/// How this copy was installed: the kind of package an update must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installer {
    Deb,
    Rpm,
    AppImage,
    Msi,
    Nsis,
    /// macOS: the updater's `.app.tar.gz`.
    App,
}

/// Whether `bytes` begin as a package of `installer` does.
pub fn fits(installer: Installer, bytes: &[u8]) -> bool {
    match installer {
        // An ar archive whose first member is `debian-binary`.
        Installer::Deb => bytes.starts_with(b"!<arch>\ndebian-binary"),
        Installer::Rpm => bytes.starts_with(&[0xED, 0xAB, 0xEE, 0xDB]),
        // An ELF program marked as a type-2 AppImage.
        Installer::AppImage => {
            bytes.starts_with(b"\x7FELF") && bytes.get(8..11) == Some(b"AI\x02".as_slice())
        }
        // An OLE compound file.
        Installer::Msi => bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        // A Windows program.
        Installer::Nsis => bytes.starts_with(b"MZ"),
        // A gzip stream (the tar of the .app).
        Installer::App => bytes.starts_with(&[0x1F, 0x8B]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<(Installer, Vec<u8>)> {
        let mut appimage = b"\x7FELF\x02\x01\x01\x00AI\x02".to_vec();
        appimage.resize(64, 0);
        vec![
            (
                Installer::Deb,
                b"!<arch>\ndebian-binary   1700000000  0     0     100644  4         `\n2.0\n"
                    .to_vec(),
            ),
            (Installer::Rpm, vec![0xED, 0xAB, 0xEE, 0xDB, 3, 0, 0, 1]),
            (Installer::AppImage, appimage),
            (
                Installer::Msi,
                vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
            ),
            (Installer::Nsis, b"MZ\x90\x00\x03".to_vec()),
            (Installer::App, vec![0x1F, 0x8B, 0x08, 0]),
        ]
    }

    #[test]
    fn each_package_fits_its_own_installer_and_no_other() {
        let all = samples();
        for (installer, _) in &all {
            for (kind, bytes) in &all {
                assert_eq!(
                    fits(*installer, bytes),
                    installer == kind,
                    "{kind:?} as {installer:?}"
                );
            }
        }
    }

    #[test]
    fn an_elf_program_that_is_not_an_appimage_and_empty_bytes_fit_nothing() {
        let mut elf = b"\x7FELF\x02\x01\x01\x00\x00\x00\x00".to_vec();
        elf.resize(64, 0);
        assert!(!fits(Installer::AppImage, &elf));
        for (installer, _) in samples() {
            assert!(!fits(installer, &[]), "{installer:?}");
        }
    }
}
