//! Tests of the OAuth login exchanges: what XOAUTH2 and OAUTHBEARER send.

use super::*;

fn bearer(mechanism: OAuthMechanism, user: &str) -> BearerToken {
    BearerToken {
        mechanism,
        user: user.into(),
        host: "imap.example.org".into(),
        port: 993,
        token: Secret::new("ya29.token"),
        answered: false,
    }
}

#[test]
fn xoauth2_sends_the_token_once() {
    let mut auth = bearer(OAuthMechanism::XOAuth2, "ada@example.org");
    assert_eq!(
        auth.process(b""),
        "user=ada@example.org\x01auth=Bearer ya29.token\x01\x01"
    );
    assert_eq!(auth.process(b"{\"status\":\"401\"}"), "");
}

#[test]
fn oauthbearer_sends_a_gs2_header_and_ends_a_refusal_with_a_lone_separator() {
    let mut auth = bearer(OAuthMechanism::OAuthBearer, "a=b,c@example.org");
    assert_eq!(
        auth.process(b""),
        "n,a=a=3Db=2Cc@example.org,\x01host=imap.example.org\x01port=993\x01\
         auth=Bearer ya29.token\x01\x01"
    );
    assert_eq!(auth.process(b"{\"status\":\"invalid_token\"}"), "\x01");
}
