//! `confab participants ...`: add, list, show, edit, remove and enrol participants, and import
//! or export them as CSV.

mod print;

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Subcommand;
use confab_service::{
    Actor, AppError, ColumnMapping, Confab, CsvLayout, ImportField, ImportMode, NewParticipant,
    ParticipantQuery, ParticipantUpdate, Separator,
};

#[derive(Subcommand)]
pub enum Command {
    /// Add a participant (and enrol them in a study with --study)
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// An IANA time zone such as Europe/Berlin
        #[arg(long)]
        time_zone: Option<String>,
        /// The language of their messages, such as de, de-AT or pt-BR (the study's if not given)
        #[arg(long)]
        language: Option<String>,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// A custom field, as KEY=VALUE; repeat for more
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
        /// Enrol the new participant in this study
        #[arg(long, value_name = "ID")]
        study: Option<i64>,
    },
    /// List participants: all, or a study's, by name
    List {
        /// Only the participants of this study, with their status and next interview
        #[arg(long, value_name = "ID")]
        study: Option<i64>,
        /// Text to find in the name, email, notes or custom fields
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only this enrolment status (needs --study), such as invited or interview_scheduled
        #[arg(long, value_name = "KEY")]
        status: Option<String>,
        #[arg(long)]
        limit: Option<u64>,
        #[arg(long)]
        offset: Option<u64>,
    },
    /// Show one participant and the studies they are enrolled in
    Show { id: i64 },
    /// Change a participant's fields; an empty value clears time zone, phone, notes or a field
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        time_zone: Option<String>,
        /// The language of their messages; "" for the study's
        #[arg(long)]
        language: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// Set a custom field, as KEY=VALUE (KEY= removes it); repeat for more
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
    },
    /// Remove a participant and their enrolments (cancel their scheduled interviews first)
    Remove { id: i64 },
    /// Enrol a participant in a study
    #[command(alias = "enroll")]
    Enrol {
        #[arg(long, value_name = "ID")]
        study: i64,
        /// The participant's id
        id: i64,
    },
    /// Import participants from a CSV file into a study, and print a report on every line
    Import {
        #[arg(long, value_name = "ID")]
        study: i64,
        file: PathBuf,
        /// Where a column goes, as 'Header=field' with field one of name, first name, last
        /// name, email, time zone, phone, notes, ignore or custom:<name>; repeat for more.
        /// Other headers are guessed.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
        /// The file's encoding (utf-8, windows-1252, iso-8859-2, macintosh, utf-16le…); found
        /// from the bytes when not given
        #[arg(long)]
        encoding: Option<String>,
        /// What separates the cells: comma, semicolon or tab; found from the header when not
        /// given
        #[arg(long, value_parser = ["comma", "semicolon", "tab"])]
        separator: Option<String>,
        /// Import the good lines even if others have problems
        #[arg(long)]
        valid_rows_only: bool,
        /// Only report what the import would do
        #[arg(long)]
        dry_run: bool,
    },
    /// Export a study's participants as CSV
    Export {
        #[arg(long, value_name = "ID")]
        study: i64,
        /// Write to this file instead of the standard output
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Lay it out as Excel opens it: a UTF-8 byte-order mark first, and semicolons
        /// between cells unless --separator says otherwise
        #[arg(long)]
        for_excel: bool,
        /// What separates the cells: comma, semicolon or tab
        #[arg(long, value_parser = ["comma", "semicolon", "tab"])]
        separator: Option<String>,
    },
}

fn separator_named(name: &str) -> Separator {
    match name {
        "semicolon" => Separator::Semicolon,
        "tab" => Separator::Tab,
        _ => Separator::Comma,
    }
}

pub async fn run(confab: &Confab, command: Command, json: bool) -> Result<(), AppError> {
    let actor = Actor::researcher();
    match command {
        Command::Add {
            name,
            email,
            time_zone,
            language,
            phone,
            notes,
            fields,
            study,
        } => {
            let input = NewParticipant {
                name,
                email,
                time_zone,
                phone,
                notes,
                custom_fields: key_values(&fields, "--field", "cohort=B")?,
                study_id: study,
                language,
            };
            print::participant(&confab.create_participant(input, &actor).await?, json)
        }
        Command::List {
            study,
            search,
            status,
            limit,
            offset,
        } => {
            let query = ParticipantQuery {
                study_id: study,
                text: search,
                status,
                limit,
                offset,
            };
            print::list(&confab.search_participants(query).await?, json)
        }
        Command::Show { id } => print::detail(&confab.get_participant(id).await?, json),
        Command::Edit {
            id,
            name,
            email,
            time_zone,
            language,
            phone,
            notes,
            fields,
        } => {
            let change = ParticipantUpdate {
                name,
                email,
                time_zone,
                phone,
                notes,
                custom_fields: key_values(&fields, "--field", "cohort=B")?,
                language,
                // A script's edit is the last word, as typed.
                expected_updated_at: None,
            };
            if change == ParticipantUpdate::default() {
                return Err(AppError::invalid(
                    "Nothing to change: give at least one of --name, --email, --time-zone, --language, --phone, --notes or --field.",
                ));
            }
            print::participant(&confab.update_participant(id, change, &actor).await?, json)
        }
        Command::Remove { id } => {
            confab.remove_participant(id, &actor).await?;
            print::done(&format!("Removed participant {id}."), json)
        }
        Command::Enrol { study, id } => {
            print::participant(&confab.enrol(study, id, &actor).await?, json)
        }
        Command::Import {
            study,
            file,
            map,
            encoding,
            separator,
            valid_rows_only,
            dry_run,
        } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                AppError::invalid(format!("Could not read the file {}: {e}.", file.display()))
            })?;
            let mut mapping = ColumnMapping::default();
            for (header, field) in key_values(&map, "--map", "'E-Mail=email'")? {
                mapping
                    .columns
                    .insert(header, field.parse::<ImportField>()?);
            }
            mapping.encoding = encoding;
            mapping.separator = separator.as_deref().map(separator_named);
            let mapping = (mapping != ColumnMapping::default()).then_some(&mapping);
            let mode = if valid_rows_only {
                ImportMode::ValidRowsOnly
            } else {
                ImportMode::AllOrNothing
            };
            let report = if dry_run {
                confab.preview_csv_import(study, &bytes, mapping).await?
            } else {
                confab
                    .import_csv(study, &bytes, mapping, mode, &actor)
                    .await?
            };
            print::report(&report, json, valid_rows_only, dry_run)?;
            let importable = report.totals.new_participants + report.totals.existing_participants;
            if report.totals.errors > 0 && (!valid_rows_only || importable == 0) {
                // Exit code 2, like any refused input, so scripts notice.
                return Err(AppError::invalid(report.message));
            }
            Ok(())
        }
        Command::Export {
            study,
            output,
            for_excel,
            separator,
        } => {
            let layout = CsvLayout {
                byte_order_mark: for_excel,
                separator: match (&separator, for_excel) {
                    (Some(name), _) => separator_named(name),
                    (None, true) => Separator::Semicolon,
                    (None, false) => Separator::Comma,
                },
            };
            let csv = confab.export_participants_csv_as(study, layout).await?;
            match output {
                Some(path) => {
                    std::fs::write(&path, csv).map_err(|e| {
                        AppError::invalid(format!("Could not write {}: {e}.", path.display()))
                    })?;
                    print::exported(&path, json)
                }
                None => print::csv(&csv, json),
            }
        }
    }
}

/// `KEY=VALUE` arguments as a map; the value may be empty, the key may not.
fn key_values(
    args: &[String],
    option: &str,
    example: &str,
) -> Result<BTreeMap<String, String>, AppError> {
    args.iter()
        .map(|arg| match arg.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                Ok((key.trim().to_owned(), value.to_owned()))
            }
            _ => Err(AppError::invalid(format!(
                "{option} needs KEY=VALUE, as in {option} {example}; you gave \"{arg}\"."
            ))),
        })
        .collect()
}
