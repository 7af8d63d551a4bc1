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
    bundles::list_profiles,
    bundles::fetch_profile,
    bundles::update_profile,
    bundles::create_profile,
    bundles::delete_profile,
    bundles::list_evaluations,
    bundles::create_evaluation,
    bundles::list_entity_assignments,
    bundles::list_channel_endpoint_assignments,
    bundles::fetch_policy,
    bundles::list_policies,
    bundles::cancel_load,
    requirements::profile_requirements,
    objects::fetch_end_user,
    objects::fetch_supporting_document,
    objects::save_object,
    objects::create_object,
    objects::assign_object,
    objects::unassign_object,
    objects::replace_assignment,
    objects::delete_object,
    objects::list_objects,
    classic::list_addresses,
    classic::create_address,
    classic::update_address,
    classic::delete_address,
    classic::list_phone_numbers,
    classic::assign_phone_number,
    classic::unassign_phone_number,
    links::open_twilio_page,
}
