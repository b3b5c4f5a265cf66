//! Which field each column of the file goes to: the researcher's mapping, or a guess from the
//! header.

use std::collections::HashMap;

use confab_core::participant::custom_field_key;

use super::{ColumnMapping, ImportColumn, ImportField};
use crate::AppError;

/// What a header most likely means. Other headers become custom fields of the same name.
pub(crate) fn guess_field(header: &str) -> ImportField {
    let header = header.trim();
    if let Some(key) = header
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("custom:"))
        .map(|_| &header[7..])
    {
        return ImportField::Custom(key.trim().to_owned());
    }
    let compact: String = header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match compact.as_str() {
        "" => ImportField::Ignore,
        "name" | "fullname" | "participant" | "participantname" | "vollständigername"
        | "nomcomplet" | "nombrecompleto" | "volledigenaam" | "nomecompleto" | "naam" => {
            ImportField::Name
        }
        // The exports of recruiting tools and survey platforms, in the languages Confab's
        // participants write.
        "firstname" | "givenname" | "forename" | "vorname" | "prénom" | "prenom" | "nombre"
        | "voornaam" | "nome" | "primeironome" => ImportField::FirstName,
        "lastname" | "surname" | "familyname" | "nachname" | "familienname" | "nomdefamille"
        | "nom" | "apellido" | "apellidos" | "achternaam" | "cognome" | "sobrenome" | "apelido" => {
            ImportField::LastName
        }
        "email" | "emailaddress" | "mail" => ImportField::Email,
        "timezone" | "tz" => ImportField::TimeZone,
        "language" | "lang" | "locale" | "preferredlanguage" | "sprache" | "langue" | "idioma"
        | "taal" | "lingua" => ImportField::Language,
        "phone" | "phonenumber" | "telephone" | "tel" | "mobile" => ImportField::Phone,
        "notes" | "note" => ImportField::Notes,
        // Confab's own export has these; an import cannot set them.
        "status" | "nextinterview" | "interviewers" => ImportField::Ignore,
        _ => ImportField::Custom(header.to_owned()),
    }
}

pub(super) fn plan_columns(
    headers: &[String],
    mapping: Option<&ColumnMapping>,
) -> Result<Vec<ImportColumn>, AppError> {
    let found = || {
        headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut chosen: HashMap<String, &ImportField> = HashMap::new();
    if let Some(mapping) = mapping {
        for (header, field) in &mapping.columns {
            let key = header.trim().to_lowercase();
            if !headers.iter().any(|h| h.to_lowercase() == key) {
                return Err(AppError::invalid(format!(
                    "The mapping names a column \"{}\" that the file does not have. Its columns are {}.",
                    header.trim(),
                    found()
                )));
            }
            chosen.insert(key, field);
        }
    }
    let mut columns = Vec::with_capacity(headers.len());
    for header in headers {
        let field = match chosen.get(&header.to_lowercase()) {
            Some(field) => (*field).clone(),
            None => guess_field(header),
        };
        let field = match field {
            ImportField::Custom(key) => {
                ImportField::Custom(custom_field_key(&key).map_err(|m| {
                    AppError::invalid(format!(
                        "The column \"{header}\" cannot be a custom field: {m}"
                    ))
                })?)
            }
            other => other,
        };
        if field != ImportField::Ignore
            && let Some(earlier) = columns.iter().find(|c: &&ImportColumn| c.field == field)
        {
            return Err(AppError::invalid(format!(
                "The columns \"{}\" and \"{header}\" would both go to {field}. Map one of them to another field or to ignore.",
                earlier.header
            )));
        }
        columns.push(ImportColumn {
            header: header.clone(),
            field,
        });
    }
    let has = |field: ImportField| columns.iter().any(|c| c.field == field);
    if has(ImportField::Name) && (has(ImportField::FirstName) || has(ImportField::LastName)) {
        return Err(AppError::invalid(
            "The file has a name column and first or last name columns too. Map the one you want to use to name, and the others to a custom field or to leave out.",
        ));
    }
    for (needed, what) in [(ImportField::Email, "email"), (ImportField::Name, "name")] {
        let named = needed == ImportField::Name
            && (has(ImportField::FirstName) || has(ImportField::LastName));
        if !named && !columns.iter().any(|c| c.field == needed) {
            return Err(AppError::invalid(format!(
                "The file has no {what} column. Its columns are {}. Name a column \"{what}\" in the header, or map one to {what}.",
                found()
            )));
        }
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_guessed_in_any_case_and_spelling() {
        assert_eq!(guess_field(" Full Name "), ImportField::Name);
        assert_eq!(guess_field("E-Mail"), ImportField::Email);
        assert_eq!(guess_field("Email address"), ImportField::Email);
        assert_eq!(guess_field("TimeZone"), ImportField::TimeZone);
        assert_eq!(guess_field("time zone"), ImportField::TimeZone);
        assert_eq!(guess_field("Phone"), ImportField::Phone);
        assert_eq!(guess_field("NOTES"), ImportField::Notes);
        assert_eq!(guess_field("Status"), ImportField::Ignore);
        assert_eq!(guess_field("Cohort"), ImportField::Custom("Cohort".into()));
        assert_eq!(guess_field("First Name"), ImportField::FirstName);
        assert_eq!(guess_field("Last name"), ImportField::LastName);
        assert_eq!(guess_field("Vorname"), ImportField::FirstName);
        assert_eq!(guess_field("Nachname"), ImportField::LastName);
        assert_eq!(guess_field("Prénom"), ImportField::FirstName);
        assert_eq!(guess_field("Nom de famille"), ImportField::LastName);
        assert_eq!(guess_field("Apellidos"), ImportField::LastName);
        assert_eq!(guess_field("Given name"), ImportField::FirstName);
        assert_eq!(
            guess_field("custom:Phone"),
            ImportField::Custom("Phone".into())
        );
    }
}
