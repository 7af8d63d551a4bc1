//! Any bytes as a TrustHub answer or error body: a value or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trusthub_desk::trusthub::parse::fuzz_one(data);
});
