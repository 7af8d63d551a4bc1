// Declares the app's commands so each one is denied unless a capability allows it.
// Must list the same names as `commands::ALL` (a unit test checks they agree).
const COMMANDS: &[&str] = &[
    "describe_credentials",
    "save_credentials",
    "forget_credentials",
    "switch_account",
    "start_demo",
    "leave_demo",
    "list_profiles",
    "fetch_profile",
    "update_profile",
    "list_evaluations",
    "create_evaluation",
    "list_entity_assignments",
    "list_channel_endpoint_assignments",
    "fetch_policy",
    "fetch_end_user",
    "fetch_supporting_document",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=ui");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
