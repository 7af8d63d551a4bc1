// The one list of the commands the window may call, as `module::function` under
// `src-tauri/commands/`. Everything else is built from it: `build.rs` declares each one
// (so it is denied unless a capability allows it), and `commands/mod.rs` makes the
// invoke handler and `commands::ALL`. Unit tests check the capability
// (`capabilities/main.json`) and `ui/js/api.js` against it, so a new command is one line
// here plus its `allow-…` permission.
commands! {
    credentials::describe_credentials,
    credentials::save_credentials,
    credentials::forget_credentials,
    credentials::switch_account,
    credentials::start_demo,
    credentials::leave_demo,
    profiles::list_profiles,
    profiles::fetch_profile,
    profiles::update_profile,
    profiles::list_evaluations,
    profiles::create_evaluation,
    profiles::list_entity_assignments,
    profiles::list_channel_endpoint_assignments,
    profiles::fetch_policy,
    profiles::fetch_end_user,
    profiles::fetch_supporting_document,
    profiles::cancel_load,
    links::open_twilio_page,
}
