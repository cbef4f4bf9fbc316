//! Compact JWS with HS256, enough for ID tokens that clients read but need not verify.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

pub(crate) fn sign(claims: &Value, key: &[u8; 64]) -> String {
    let header = json!({ "alg": "HS256", "typ": "JWT", "kid": "demo" });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut mac = <Hmac<Sha256> as Mac>::new(key.into());
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_an_independent_hmac() -> Result<(), Box<dyn std::error::Error>> {
        let key = [7u8; 64];
        let token = sign(&json!({ "sub": "x" }), &key);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0])?)?;
        assert_eq!(
            header,
            json!({ "alg": "HS256", "typ": "JWT", "kid": "demo" })
        );
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key)?;
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2])?)?;
        Ok(())
    }
}
