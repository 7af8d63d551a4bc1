//! Opening Twilio's pages in the person's browser. The window has no right to open
//! anything itself; it asks here, and only a Twilio https page opens.

use tauri_plugin_opener::OpenerExt;

use super::error::{ErrorKind, UiError};
use crate::trusthub::links::twilio_page;

#[tauri::command]
pub fn open_twilio_page(app: tauri::AppHandle, url: String) -> Result<(), UiError> {
    let Some(page) = twilio_page(&url) else {
        log::warn!("refused to open an address that is not a Twilio page");
        return Err(UiError::new(
            ErrorKind::RefusedUrl,
            "TrustHub Desk opens only Twilio's own pages in your browser, and this address is not one.",
        ));
    };
    app.opener()
        .open_url(page.as_str(), None::<&str>)
        .map_err(|_| {
            UiError::new(
                ErrorKind::Internal,
                "Your web browser could not be opened. Open the page yourself: it is Twilio's page about this.",
            )
        })
}
