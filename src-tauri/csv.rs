//! CSV as spreadsheets read it (RFC 4180): every cell quoted, lines ending in CRLF, a
//! byte-order mark so Excel reads UTF-8. Names come from a server and must not become
//! formulas on someone's desk, whichever separator the spreadsheet splits on (a comma, or
//! the semicolon of most European locales): a cell that starts like a formula (`=`, `+`,
//! `-`, `@`, tab, CR) is kept as text with a leading `'`, and so is each part that a `;`,
//! a tab or a line break inside the cell would start.

/// The characters with which a spreadsheet starts a formula (tab and CR too: some
/// programs drop them first).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// The characters after which a spreadsheet may start a new cell or line inside a cell.
const SPLITS: [char; 4] = [';', '\t', '\n', '\r'];

/// The text of a CSV file with a `header` line and `rows`.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    line(&mut out, header.iter().copied());
    for row in rows {
        line(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(&neutralised(cell).replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

/// `cell` with a `'` before its start and before each part after a split, where that
/// part would start a formula.
fn neutralised(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len().saturating_add(1));
    let mut at_start = true;
    for ch in cell.chars() {
        if at_start && FORMULA_START.contains(&ch) {
            out.push('\'');
        }
        out.push(ch);
        at_start = SPLITS.contains(&ch);
    }
    out
}

/// An ISO 8601 date-time from the API (`2026-03-04T05:06:07Z`) as spreadsheets read a
/// date-time without asking (`2026-03-04 05:06:07`, in UTC, which the column's name says);
/// anything else as it came.
pub fn spreadsheet_date(iso: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;
    time::OffsetDateTime::parse(iso.trim(), &Rfc3339)
        .ok()
        .and_then(|d| {
            d.to_offset(time::UtcOffset::UTC)
                .format(format_description!(
                    "[year]-[month]-[day] [hour]:[minute]:[second]"
                ))
                .ok()
        })
        .unwrap_or_else(|| iso.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_quoted_and_formulas_kept_as_text() {
        let text = to_csv(
            &["Name", "Status"],
            &[
                vec!["Acme, \"Ltd\"".into(), "Approved".into()],
                vec!["=HYPERLINK(\"x\")".into(), "line\nbreak".into()],
                vec!["-1".into(), "".into()],
            ],
        );
        assert_eq!(
            text,
            "\u{FEFF}\"Name\",\"Status\"\r\n\"Acme, \"\"Ltd\"\"\",\"Approved\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak\"\r\n\"'-1\",\"\"\r\n"
        );
    }

    /// A semicolon splits cells in most European spreadsheets: what follows it must not
    /// start a formula either, nor what follows a tab or a line break.
    #[test]
    fn a_formula_after_a_semicolon_tab_or_line_break_is_kept_as_text() {
        let text = to_csv(&["Name"], &[vec!["Acme;=1+1;".into()]]);
        assert_eq!(text, "\u{FEFF}\"Name\"\r\n\"Acme;'=1+1;\"\r\n");
        assert_eq!(neutralised("a\t+SUM(A1)"), "a\t'+SUM(A1)");
        assert_eq!(neutralised("a\n@cmd"), "a\n'@cmd");
        assert_eq!(neutralised("a;;-2"), "a;;'-2");
        assert_eq!(neutralised("a; =1"), "a; =1", "a space first: no formula");
        assert_eq!(neutralised("Smith-Jones = OK"), "Smith-Jones = OK");
        assert_eq!(neutralised("\t=1"), "'\t'=1");
    }

    #[test]
    fn dates_are_written_as_spreadsheets_read_them() {
        assert_eq!(
            spreadsheet_date("2026-03-04T05:06:07Z"),
            "2026-03-04 05:06:07"
        );
        assert_eq!(
            spreadsheet_date("2026-03-04T05:06:07+02:00"),
            "2026-03-04 03:06:07"
        );
        assert_eq!(spreadsheet_date(""), "");
        assert_eq!(spreadsheet_date("yesterday"), "yesterday");
    }
}
