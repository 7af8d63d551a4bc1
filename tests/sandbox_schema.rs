//! Every answer the demo sandbox gives is checked against the response schemas of
//! Twilio's own OpenAPI spec, so the stand-in cannot drift from TrustHub.

mod common;

use common::basic;
use common::spec::{response_schema, violations};
use serde_json::Value;
use trusthub_desk::sandbox::{self, profile_sid, Sandbox, Seeded};

struct Sb {
    sandbox: Sandbox,
    base: String,
    http: reqwest::Client,
}

impl Sb {
    async fn start() -> Self {
        Self::start_with(std::time::Duration::from_secs(60)).await
    }

    async fn start_with(review_delay: std::time::Duration) -> Self {
        let sandbox = Sandbox::start(sandbox::Config {
            review_delay,
            subaccounts: 2,
            ..sandbox::Config::default()
        })
        .await
        .unwrap();
        let base = sandbox.base_url().as_str().trim_end_matches('/').to_owned();
        Self {
            sandbox,
            base,
            http: reqwest::Client::new(),
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path_and_query: &str,
        form: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path_and_query}", self.base))
            .header(
                "authorization",
                basic(
                    sandbox::DEMO_ACCOUNT_SID,
                    &self.sandbox.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap(),
                ),
            );
        if !form.is_empty() {
            request = request.form(form);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap()
        };
        (status, body)
    }

    /// Calls the sandbox and asserts the answer has the status and the schema the spec gives.
    async fn conforms(
        &self,
        method: reqwest::Method,
        spec_path: &str,
        path_and_query: &str,
        form: &[(&str, &str)],
        status: u16,
    ) -> Value {
        let (got, body) = self.call(method.clone(), path_and_query, form).await;
        assert_eq!(got, status, "{method} {path_and_query}: {body}");
        let schema = response_schema(
            spec_path,
            &method.as_str().to_lowercase(),
            &status.to_string(),
        );
        let problems = violations(&schema, &body);
        assert!(
            problems.is_empty(),
            "{method} {path_and_query} breaks the spec:\n{}",
            problems.join("\n")
        );
        body
    }
}

use reqwest::Method;

#[tokio::test]
async fn every_sandbox_answer_matches_the_spec() {
    let sb = Sb::start().await;
    let list = sb
        .conforms(
            Method::GET,
            "/v1/CustomerProfiles",
            "/v1/CustomerProfiles",
            &[],
            200,
        )
        .await;
    assert_eq!(list["results"].as_array().unwrap().len(), 50);
    sb.conforms(
        Method::GET,
        "/v1/CustomerProfiles",
        "/v1/CustomerProfiles?Status=draft&PageSize=5&Page=1",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/CustomerProfiles",
        "/v1/CustomerProfiles?FriendlyName=Acme",
        &[],
        200,
    )
    .await;

    for n in [0, 1, 2, 3, 4, 5, 17, 63] {
        let sid = profile_sid(n);
        sb.conforms(
            Method::GET,
            "/v1/CustomerProfiles/{Sid}",
            &format!("/v1/CustomerProfiles/{sid}"),
            &[],
            200,
        )
        .await;
        let sub = |what: &str| format!("/v1/CustomerProfiles/{sid}/{what}");
        let evals = sb
            .conforms(
                Method::GET,
                "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations",
                &sub("Evaluations"),
                &[],
                200,
            )
            .await;
        let first = evals["results"][0]["sid"].as_str().unwrap().to_owned();
        sb.conforms(
            Method::GET,
            "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations/{Sid}",
            &sub(&format!("Evaluations/{first}")),
            &[],
            200,
        )
        .await;
        let entities = sb
            .conforms(
                Method::GET,
                "/v1/CustomerProfiles/{CustomerProfileSid}/EntityAssignments",
                &sub("EntityAssignments"),
                &[],
                200,
            )
            .await;
        sb.conforms(
            Method::GET,
            "/v1/CustomerProfiles/{CustomerProfileSid}/ChannelEndpointAssignments",
            &sub("ChannelEndpointAssignments"),
            &[],
            200,
        )
        .await;
        for e in entities["results"].as_array().unwrap() {
            let object = e["object_sid"].as_str().unwrap();
            match &object[..2] {
                "IT" => {
                    sb.conforms(
                        Method::GET,
                        "/v1/EndUsers/{Sid}",
                        &format!("/v1/EndUsers/{object}"),
                        &[],
                        200,
                    )
                    .await
                }
                "RD" => {
                    sb.conforms(
                        Method::GET,
                        "/v1/SupportingDocuments/{Sid}",
                        &format!("/v1/SupportingDocuments/{object}"),
                        &[],
                        200,
                    )
                    .await
                }
                _ => {
                    sb.conforms(
                        Method::GET,
                        "/v1/CustomerProfiles/{Sid}",
                        &format!("/v1/CustomerProfiles/{object}"),
                        &[],
                        200,
                    )
                    .await
                }
            };
        }
    }

    let draft = profile_sid(Seeded::DRAFT_NONCOMPLIANT);
    let profile = sb
        .conforms(
            Method::POST,
            "/v1/CustomerProfiles/{Sid}",
            &format!("/v1/CustomerProfiles/{draft}"),
            &[
                ("FriendlyName", "New name"),
                ("Email", "a@b.co"),
                ("StatusCallback", "https://example.com/cb"),
            ],
            200,
        )
        .await;
    let policy = profile["policy_sid"].as_str().unwrap().to_owned();
    sb.conforms(
        Method::GET,
        "/v1/Policies/{Sid}",
        &format!("/v1/Policies/{policy}"),
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::POST,
        "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations",
        &format!("/v1/CustomerProfiles/{draft}/Evaluations"),
        &[("PolicySid", &policy)],
        201,
    )
    .await;
    sb.conforms(
        Method::POST,
        "/v1/CustomerProfiles/{Sid}",
        &format!("/v1/CustomerProfiles/{draft}"),
        &[("Status", "pending-review")],
        200,
    )
    .await;
}

#[test]
fn a_response_that_breaks_the_spec_is_caught() {
    // The check itself must be able to fail: a bad SID, an unknown status and a non-URI.
    let schema = response_schema("/v1/CustomerProfiles/{Sid}", "get", "200");
    let bad =
        serde_json::json!({"sid": "XX1", "status": "archived", "url": "not a uri", "errors": null});
    let problems = violations(&schema, &bad);
    for field in ["/sid", "/status", "/url"] {
        assert!(
            problems.iter().any(|p| p.ends_with(field)),
            "{field} not caught: {problems:?}"
        );
    }
}

/// What a profile is made of, and the classic API's side: every answer the app reads.
#[tokio::test]
async fn every_answer_about_what_a_profile_is_made_of_matches_the_specs() {
    let sb = Sb::start().await;
    sb.conforms(Method::GET, "/v1/Policies", "/v1/Policies", &[], 200)
        .await;
    let types = sb
        .conforms(
            Method::GET,
            "/v1/EndUserTypes",
            "/v1/EndUserTypes",
            &[],
            200,
        )
        .await;
    assert!(types["end_user_types"].as_array().unwrap().len() >= 3);
    sb.conforms(
        Method::GET,
        "/v1/EndUserTypes/{Sid}",
        "/v1/EndUserTypes/customer_profile_business_information",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/SupportingDocumentTypes",
        "/v1/SupportingDocumentTypes",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/SupportingDocumentTypes/{Sid}",
        "/v1/SupportingDocumentTypes/customer_profile_address",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/EndUsers",
        "/v1/EndUsers?PageSize=5",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/SupportingDocuments",
        "/v1/SupportingDocuments?PageSize=5",
        &[],
        200,
    )
    .await;

    let user = sb
        .conforms(
            Method::POST,
            "/v1/EndUsers",
            "/v1/EndUsers",
            &[
                ("FriendlyName", "Sam Lee"),
                ("Type", "authorized_representative_1"),
                ("Attributes", r#"{"first_name": "Sam", "last_name": "Lee"}"#),
            ],
            201,
        )
        .await;
    let it = user["sid"].as_str().unwrap().to_owned();
    sb.conforms(
        Method::POST,
        "/v1/EndUsers/{Sid}",
        &format!("/v1/EndUsers/{it}"),
        &[(
            "Attributes",
            r#"{"first_name": "Sam", "last_name": "Lee", "email": "sam@example.com"}"#,
        )],
        200,
    )
    .await;
    let addresses = sb
        .conforms(
            Method::GET,
            "/2010-04-01/Accounts/{AccountSid}/Addresses.json",
            &format!(
                "/2010-04-01/Accounts/{}/Addresses.json?PageSize=5",
                sandbox::DEMO_ACCOUNT_SID
            ),
            &[],
            200,
        )
        .await;
    let ad = addresses["addresses"][0]["sid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        addresses["next_page_uri"]
            .as_str()
            .unwrap()
            .starts_with("/2010-04-01/"),
        "relative, as Twilio writes it"
    );
    let made = sb
        .conforms(
            Method::POST,
            "/2010-04-01/Accounts/{AccountSid}/Addresses.json",
            &format!(
                "/2010-04-01/Accounts/{}/Addresses.json",
                sandbox::DEMO_ACCOUNT_SID
            ),
            &[
                ("CustomerName", "Acme"),
                ("Street", "1 Main St"),
                ("City", "Springfield"),
                ("Region", "IL"),
                ("PostalCode", "62701"),
                ("IsoCountry", "US"),
            ],
            201,
        )
        .await;
    assert!(
        made["date_created"].as_str().unwrap().ends_with("+0000"),
        "RFC 2822 dates"
    );
    sb.conforms(
        Method::POST,
        "/2010-04-01/Accounts/{AccountSid}/Addresses/{Sid}.json",
        &format!(
            "/2010-04-01/Accounts/{}/Addresses/{ad}.json",
            sandbox::DEMO_ACCOUNT_SID
        ),
        &[("Street", "2 Main St")],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/2010-04-01/Accounts/{AccountSid}/Addresses/{Sid}.json",
        &format!(
            "/2010-04-01/Accounts/{}/Addresses/{ad}.json",
            sandbox::DEMO_ACCOUNT_SID
        ),
        &[],
        200,
    )
    .await;
    let doc = sb
        .conforms(
            Method::POST,
            "/v1/SupportingDocuments",
            "/v1/SupportingDocuments",
            &[
                ("FriendlyName", "Office"),
                ("Type", "customer_profile_address"),
                ("Attributes", &format!(r#"{{"address_sids": ["{ad}"]}}"#)),
            ],
            201,
        )
        .await;
    let rd = doc["sid"].as_str().unwrap().to_owned();
    let numbers = sb
        .conforms(
            Method::GET,
            "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json",
            &format!(
                "/2010-04-01/Accounts/{}/IncomingPhoneNumbers.json",
                sandbox::DEMO_ACCOUNT_SID
            ),
            &[],
            200,
        )
        .await;
    let draft = profile_sid(Seeded::DRAFT_NONCOMPLIANT);
    let assigned = sb
        .conforms(
            Method::POST,
            "/v1/CustomerProfiles/{CustomerProfileSid}/EntityAssignments",
            &format!("/v1/CustomerProfiles/{draft}/EntityAssignments"),
            &[("ObjectSid", &rd)],
            201,
        )
        .await;
    let bv = assigned["sid"].as_str().unwrap().to_owned();
    sb.conforms(
        Method::GET,
        "/v1/CustomerProfiles/{CustomerProfileSid}/EntityAssignments/{Sid}",
        &format!("/v1/CustomerProfiles/{draft}/EntityAssignments/{bv}"),
        &[],
        200,
    )
    .await;
    // The first number not assigned to anything.
    let free = numbers["incoming_phone_numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["sid"].as_str().unwrap().to_owned())
        .find(|pn| pn.ends_with(|_| true))
        .unwrap();
    let (status, _) = sb
        .call(
            Method::POST,
            &format!("/v1/CustomerProfiles/{draft}/ChannelEndpointAssignments"),
            &[
                ("ChannelEndpointType", "phone-number"),
                ("ChannelEndpointSid", &free),
            ],
        )
        .await;
    assert!(status == 201 || status == 400, "{status}");
    sb.conforms(
        Method::GET,
        "/2010-04-01/Accounts.json",
        "/2010-04-01/Accounts.json",
        &[],
        200,
    )
    .await; // The account new credentials must open.
    let account = sb
        .conforms(
            Method::GET,
            "/2010-04-01/Accounts/{Sid}.json",
            &format!("/2010-04-01/Accounts/{}.json", sandbox::DEMO_ACCOUNT_SID),
            &[],
            200,
        )
        .await;
    assert_eq!(account["sid"], sandbox::DEMO_ACCOUNT_SID);
}

#[tokio::test]
async fn every_answer_about_new_drafts_and_trust_products_matches_the_spec() {
    use trusthub_desk::sandbox::{catalog, trust_product_sid};
    let sb = Sb::start().await;
    let seeded = trust_product_sid(Seeded::TRUST_PRODUCT_APPROVED);
    sb.conforms(
        Method::GET,
        "/v1/TrustProducts",
        "/v1/TrustProducts?PageSize=50",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/TrustProducts",
        "/v1/TrustProducts?Status=draft&FriendlyName=Fabrikam&PageSize=50",
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/TrustProducts/{Sid}",
        &format!("/v1/TrustProducts/{seeded}"),
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/TrustProducts/{TrustProductSid}/EntityAssignments",
        &format!("/v1/TrustProducts/{seeded}/EntityAssignments"),
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/TrustProducts/{TrustProductSid}/Evaluations",
        &format!("/v1/TrustProducts/{seeded}/Evaluations"),
        &[],
        200,
    )
    .await;
    // A new trust product, linked to the approved profile and evaluated.
    let a2p = catalog::a2p_policy();
    let made = sb
        .conforms(
            Method::POST,
            "/v1/TrustProducts",
            "/v1/TrustProducts",
            &[
                ("FriendlyName", "Harbor Light — texts"),
                ("Email", "ops@harbor.example"),
                ("PolicySid", &a2p),
            ],
            201,
        )
        .await;
    let sid = made["sid"].as_str().unwrap().to_owned();
    sb.conforms(
        Method::POST,
        "/v1/TrustProducts/{TrustProductSid}/EntityAssignments",
        &format!("/v1/TrustProducts/{sid}/EntityAssignments"),
        &[("ObjectSid", &profile_sid(Seeded::APPROVED))],
        201,
    )
    .await;
    sb.conforms(
        Method::POST,
        "/v1/TrustProducts/{TrustProductSid}/Evaluations",
        &format!("/v1/TrustProducts/{sid}/Evaluations"),
        &[("PolicySid", &a2p)],
        201,
    )
    .await;
    // A new profile's draft; deleting it answers 204 with no body, as Twilio does.
    let draft = sb
        .conforms(
            Method::POST,
            "/v1/CustomerProfiles",
            "/v1/CustomerProfiles",
            &[
                ("FriendlyName", "Harbor Light Studio"),
                ("Email", "ops@harbor.example"),
                ("PolicySid", catalog::SECONDARY_POLICY),
            ],
            201,
        )
        .await;
    let gone = sb
        .http
        .delete(format!(
            "{}/v1/CustomerProfiles/{}",
            sb.base,
            draft["sid"].as_str().unwrap()
        ))
        .header(
            "authorization",
            basic(
                sandbox::DEMO_ACCOUNT_SID,
                &sb.sandbox.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap(),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status().as_u16(), 204);
    assert!(gone.bytes().await.unwrap().is_empty());
}

/// Texting's answers (brands, services, numbers, campaigns, use cases) against Twilio's
/// Messaging v1 spec, in every state the demo reaches: pending, approved, failed with
/// Twilio's errors, and a campaign fixed.
#[tokio::test]
async fn every_texting_answer_matches_the_messaging_spec() {
    use trusthub_desk::sandbox::trust_product_sid;
    let delay = std::time::Duration::from_millis(200);
    let sb = Sb::start_with(delay).await;
    let profile = profile_sid(Seeded::APPROVED);
    let a2p = trust_product_sid(Seeded::TRUST_PRODUCT_APPROVED);
    let brands = "/v1/a2p/BrandRegistrations";
    let brand = sb
        .conforms(
            Method::POST,
            brands,
            brands,
            &[
                ("CustomerProfileBundleSid", &profile),
                ("A2PProfileBundleSid", &a2p),
                ("BrandType", "STANDARD"),
            ],
            201,
        )
        .await;
    let bn = brand["sid"].as_str().unwrap().to_owned();
    let one = "/v1/a2p/BrandRegistrations/{Sid}";
    sb.conforms(Method::GET, one, &format!("{brands}/{bn}"), &[], 200)
        .await;
    tokio::time::sleep(delay * 2).await;
    let approved = sb
        .conforms(
            Method::GET,
            brands,
            &format!("{brands}?PageSize=50"),
            &[],
            200,
        )
        .await;
    assert_eq!(approved["data"][0]["status"], "APPROVED");
    sb.conforms(
        Method::GET,
        "/v1/a2p/BrandRegistrations/{BrandSid}/Vettings",
        &format!("{brands}/{bn}/Vettings"),
        &[],
        200,
    )
    .await;

    let service = sb
        .conforms(
            Method::POST,
            "/v1/Services",
            "/v1/Services",
            &[("FriendlyName", "Fabrikam texts")],
            201,
        )
        .await;
    let mg = service["sid"].as_str().unwrap().to_owned();
    sb.conforms(
        Method::GET,
        "/v1/Services",
        "/v1/Services?PageSize=50",
        &[],
        200,
    )
    .await;
    let numbers = sb
        .call(
            Method::GET,
            &format!(
                "/2010-04-01/Accounts/{}/IncomingPhoneNumbers.json",
                sandbox::DEMO_ACCOUNT_SID
            ),
            &[],
        )
        .await
        .1;
    let pn = numbers["incoming_phone_numbers"][0]["sid"]
        .as_str()
        .unwrap()
        .to_owned();
    let in_service = "/v1/Services/{ServiceSid}/PhoneNumbers";
    sb.conforms(
        Method::POST,
        in_service,
        &format!("/v1/Services/{mg}/PhoneNumbers"),
        &[("PhoneNumberSid", &pn)],
        201,
    )
    .await;
    sb.conforms(
        Method::GET,
        in_service,
        &format!("/v1/Services/{mg}/PhoneNumbers?PageSize=50"),
        &[],
        200,
    )
    .await;
    sb.conforms(
        Method::GET,
        "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/Usecases",
        &format!("/v1/Services/{mg}/Compliance/Usa2p/Usecases?BrandRegistrationSid={bn}"),
        &[],
        200,
    )
    .await;
    let campaigns = format!("/v1/Services/{mg}/Compliance/Usa2p");
    let form = [
        ("BrandRegistrationSid", bn.as_str()),
        ("UsAppToPersonUsecase", "MIXED"),
        (
            "Description",
            "Order updates and delivery notices for our customers.",
        ),
        (
            "MessageFlow",
            "Customers tick a box on the order form at the shop counter.",
        ),
        (
            "MessageSamples",
            "Fabrikam: your order is ready. Reply STOP to opt out.",
        ),
        (
            "MessageSamples",
            "Fabrikam: your order ships tomorrow. Reply STOP to opt out.",
        ),
        ("HasEmbeddedLinks", "false"),
        ("HasEmbeddedPhone", "false"),
        ("OptOutKeywords", "STOP"),
        (
            "OptOutMessage",
            "Fabrikam: you will get no more texts from us.",
        ),
    ];
    let made = sb
        .conforms(
            Method::POST,
            "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p",
            &campaigns,
            &form,
            201,
        )
        .await;
    let qe = made["sid"].as_str().unwrap().to_owned();
    tokio::time::sleep(delay * 2).await;
    let one_campaign = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}";
    let failed = sb
        .conforms(
            Method::GET,
            one_campaign,
            &format!("{campaigns}/{qe}"),
            &[],
            200,
        )
        .await;
    assert_eq!(failed["campaign_status"], "FAILED");
    assert_eq!(failed["errors"][0]["error_code"], 30909);
    sb.conforms(
        Method::GET,
        "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p",
        &format!("{campaigns}?PageSize=50"),
        &[],
        200,
    )
    .await;
    let mut fixed = form.to_vec();
    fixed.retain(|(k, _)| {
        !matches!(
            *k,
            "BrandRegistrationSid" | "UsAppToPersonUsecase" | "OptOutKeywords" | "OptOutMessage"
        )
    });
    fixed.push(("AgeGated", "false"));
    fixed.push(("DirectLending", "false"));
    for f in &mut fixed {
        if f.0 == "MessageFlow" {
            f.1 = "Customers tick a box at https://fabrikam.example.com/checkout to get texts.";
        }
    }
    sb.conforms(
        Method::POST,
        one_campaign,
        &format!("{campaigns}/{qe}"),
        &fixed,
        200,
    )
    .await;
    tokio::time::sleep(delay * 2).await;
    let verified = sb
        .conforms(
            Method::GET,
            one_campaign,
            &format!("{campaigns}/{qe}"),
            &[],
            200,
        )
        .await;
    assert_eq!(verified["campaign_status"], "VERIFIED");
    let (status, _) = sb
        .call(
            Method::DELETE,
            &format!("/v1/Services/{mg}/PhoneNumbers/{pn}"),
            &[],
        )
        .await;
    assert_eq!(status, 204);
}
