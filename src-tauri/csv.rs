//! CSV as spreadsheets read it (RFC 4180): every cell quoted when it needs to be, lines
//! ending in CRLF, a byte-order mark so Excel reads UTF-8. A cell that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@`, tab, CR at its start) is kept as text with a
//! leading `'`: names come from a server and must not become formulas on someone's desk.

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
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

fn cell_text(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ')
    {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_kept_as_text() {
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
            "\u{FEFF}Name,Status\r\n\"Acme, \"\"Ltd\"\"\",Approved\r\n\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak\"\r\n'-1,\r\n"
        );
    }
}
