//! Tests of reading a participant file: delimiters, line numbers, quotes and guarded
//! formulas.

use super::*;

#[test]
fn the_delimiter_is_the_one_the_header_has_most_of() {
    assert_eq!(detect_delimiter("name,email\na;b,c"), b',');
    assert_eq!(detect_delimiter("name;email;\"a,b,c\"\n"), b';');
    assert_eq!(detect_delimiter("name\temail"), b'\t');
    assert_eq!(detect_delimiter("email"), b',');
}

#[test]
fn line_numbers_count_lf_crlf_and_lone_cr_and_skip_blank_lines() {
    let text = "h\r\na\r\n\r\nb\rc\nd";
    let mut lines = LineCounter::new(text);
    assert_eq!(lines.line_at(0), 1);
    assert_eq!(lines.line_at(3), 2);
    // A record read from just after "a": the blank line is skipped.
    assert_eq!(lines.line_at(6), 4);
    assert_eq!(lines.line_at(8), 4);
    assert_eq!(lines.line_at(10), 5);
    assert_eq!(lines.line_at(12), 6);
    // Asked again from the start, it counts again.
    assert_eq!(lines.line_at(3), 2);
}

#[test]
fn a_file_of_many_lines_is_read_in_one_pass() {
    let mut text = String::from("name,email\n");
    for i in 0..200_000 {
        text.push_str(&format!("P{i},p{i}@example.org\n"));
    }
    let started = std::time::Instant::now();
    let file = read_file(text.as_bytes(), None).unwrap();
    assert_eq!(file.rows.len(), 200_000);
    assert_eq!(file.rows[199_999].line, 200_001);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn an_unclosed_quote_is_found_on_its_line() {
    assert_eq!(unclosed_quote_line("a,b\n1,\"x\n2,y\n", b','), Some(2));
    assert_eq!(
        unclosed_quote_line("a,b\n1,\"x\ny\"\n2,5\" disk\n", b','),
        None
    );
    assert_eq!(
        unclosed_quote_line("a,b\n1,\"say \"\"hi\"\"\"\n", b','),
        None
    );
}

#[test]
fn a_guarded_formula_is_unguarded_and_nothing_else() {
    assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
    assert_eq!(unguard("'+49 30 1234"), "+49 30 1234");
    assert_eq!(unguard("'twas"), "'twas");
    assert_eq!(unguard("O'Brien"), "O'Brien");
}
