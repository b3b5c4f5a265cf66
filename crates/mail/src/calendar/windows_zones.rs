//! Windows time-zone names, which Outlook and Exchange put in TZID, as IANA zones: every name
//! in CLDR's windowsZones table (see `windows_zone_table.rs` and the script that writes it).

use chrono_tz::Tz;

use super::windows_zone_table::WINDOWS_ZONES;

pub(super) fn to_iana(name: &str) -> Option<Tz> {
    let name = name.trim();
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name))
        .and_then(|(_, iana)| iana.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_name_maps_to_a_zone_chrono_tz_knows() {
        assert!(WINDOWS_ZONES.len() > 130);
        for (windows, iana) in WINDOWS_ZONES {
            assert!(to_iana(windows).is_some(), "{windows} -> {iana}");
        }
    }

    #[test]
    fn outlook_names_read_as_their_iana_zones() {
        for (windows, iana) in [
            ("W. Europe Standard Time", "Europe/Berlin"),
            ("w. europe standard time ", "Europe/Berlin"),
            ("GMT Standard Time", "Europe/London"),
            ("Eastern Standard Time", "America/New_York"),
            ("Tokyo Standard Time", "Asia/Tokyo"),
            ("Sri Lanka Standard Time", "Asia/Colombo"),
            ("UTC", "Etc/UTC"),
        ] {
            assert_eq!(to_iana(windows).map(|z| z.name()), Some(iana), "{windows}");
        }
        assert_eq!(to_iana("Mars Standard Time"), None);
    }
}
