//! Finding the person behind a device: the directory's people search, and the same match done
//! again here on what came back (word starts, case and accents ignored).

use serde::Deserialize;

use crate::graph::{GraphRequest, ResourcePath, search_term};

/// How many people one search follows to their devices: a name shared by more people than this
/// asks the helpdesk to type more of it.
pub const PEOPLE: u32 = 5;

/// A directory user as the people search returns them.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryUser {
    pub id: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub user_principal_name: Option<String>,
}

/// `GET /users?$search="displayName:t" OR "userPrincipalName:t"`: the directory tokenizes the
/// display name, so "martin" finds "Zoë Martin"; the sign-in address matches from its start.
/// `$search` needs `ConsistencyLevel: eventual` (set by [`GraphRequest::search`]).
pub fn people_request(text: &str) -> GraphRequest {
    let term = format!(
        "{} OR {}",
        search_term("displayName", text),
        search_term("userPrincipalName", text)
    );
    GraphRequest::get(ResourcePath::new("users"))
        .search(term)
        .select(&["id", "displayName", "userPrincipalName"])
        .top(PEOPLE)
}

/// `GET /users/{id}/managedDevices`: every device Intune lists for that person.
pub fn devices_of(user: &DirectoryUser, fields: &[&'static str], page: u32) -> GraphRequest {
    GraphRequest::get(
        ResourcePath::new("users")
            .id(&user.id)
            .then("managedDevices"),
    )
    .select(fields)
    .top(page)
}

/// Lower case without accents, so "Zoë" and "zoe" compare equal.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ś' | 'š' | 'ş' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            other => other,
        })
        .collect()
}

/// Whether `text` names this person: the start of any word of the display name (or of the whole
/// name, for "zoe mar"), or the start of the sign-in address.
pub fn is_person(text: &str, display_name: Option<&str>, sign_in: Option<&str>) -> bool {
    let text = fold(text.trim());
    if text.is_empty() {
        return false;
    }
    let name = fold(display_name.unwrap_or_default());
    let words = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(&text));
    words || name.starts_with(&text) || fold(sign_in.unwrap_or_default()).starts_with(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_name_without_its_accent_or_capital_finds_the_person() {
        assert!(is_person("zoe", Some("Zoë Martin"), None));
        assert!(is_person("MARTIN", Some("Zoë Martin"), None));
        assert!(is_person("soren", Some("Søren Lund"), None));
        assert!(is_person("zoe mar", Some("Zoë Martin"), None));
        assert!(is_person("zoe.martin", None, Some("zoe.martin@x.example")));
        assert!(!is_person(
            "artin",
            Some("Zoë Martin"),
            Some("zoe.martin@x.example")
        ));
        assert!(!is_person("  ", Some("Zoë Martin"), None));
    }
}
