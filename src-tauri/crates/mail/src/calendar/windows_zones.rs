//! Windows time-zone names that Exchange and Outlook put in TZID, for the replies that arrive
//! without the VTIMEZONE that should define them. The most used zones from CLDR's
//! windowsZones table (territory "001").

use chrono_tz::Tz;

const ZONES: &[(&str, Tz)] = &[
    ("UTC", Tz::UTC),
    ("GMT Standard Time", Tz::Europe__London),
    ("Greenwich Standard Time", Tz::Atlantic__Reykjavik),
    ("W. Europe Standard Time", Tz::Europe__Berlin),
    ("Central Europe Standard Time", Tz::Europe__Budapest),
    ("Central European Standard Time", Tz::Europe__Warsaw),
    ("Romance Standard Time", Tz::Europe__Paris),
    ("E. Europe Standard Time", Tz::Europe__Chisinau),
    ("FLE Standard Time", Tz::Europe__Kiev),
    ("GTB Standard Time", Tz::Europe__Bucharest),
    ("Russian Standard Time", Tz::Europe__Moscow),
    ("Turkey Standard Time", Tz::Europe__Istanbul),
    ("Israel Standard Time", Tz::Asia__Jerusalem),
    ("South Africa Standard Time", Tz::Africa__Johannesburg),
    ("Arabian Standard Time", Tz::Asia__Dubai),
    ("India Standard Time", Tz::Asia__Kolkata),
    ("China Standard Time", Tz::Asia__Shanghai),
    ("Singapore Standard Time", Tz::Asia__Singapore),
    ("Tokyo Standard Time", Tz::Asia__Tokyo),
    ("Korea Standard Time", Tz::Asia__Seoul),
    ("AUS Eastern Standard Time", Tz::Australia__Sydney),
    ("New Zealand Standard Time", Tz::Pacific__Auckland),
    ("Eastern Standard Time", Tz::America__New_York),
    ("Central Standard Time", Tz::America__Chicago),
    ("Mountain Standard Time", Tz::America__Denver),
    ("US Mountain Standard Time", Tz::America__Phoenix),
    ("Pacific Standard Time", Tz::America__Los_Angeles),
    ("Alaskan Standard Time", Tz::America__Anchorage),
    ("Hawaiian Standard Time", Tz::Pacific__Honolulu),
    ("Atlantic Standard Time", Tz::America__Halifax),
    ("Canada Central Standard Time", Tz::America__Regina),
    ("E. South America Standard Time", Tz::America__Sao_Paulo),
    ("Argentina Standard Time", Tz::America__Buenos_Aires),
    ("Central Standard Time (Mexico)", Tz::America__Mexico_City),
];

pub(super) fn to_iana(name: &str) -> Option<Tz> {
    ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name.trim()))
        .map(|&(_, zone)| zone)
}
