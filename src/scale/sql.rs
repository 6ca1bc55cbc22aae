//! Loading generated rows fast: big multi-row INSERTs of literal values,
//! written so that SQLite and PostgreSQL both accept them.

use chrono::NaiveDateTime;

/// Rows per INSERT statement.
pub const ROWS_PER_INSERT: usize = 500;

/// Multi-row INSERTs of `rows`, `ROWS_PER_INSERT` at a time.
pub fn inserts<T>(
    head: &str,
    rows: impl Iterator<Item = T>,
    mut row: impl FnMut(&mut String, T),
) -> Vec<String> {
    let mut statements = Vec::new();
    let mut sql = String::new();
    let mut n = 0;
    for item in rows {
        if n == 0 {
            sql.push_str(head);
            sql.push_str(" VALUES ");
        } else {
            sql.push(',');
        }
        sql.push('(');
        row(&mut sql, item);
        sql.push(')');
        n += 1;
        if n == ROWS_PER_INSERT {
            statements.push(std::mem::take(&mut sql));
            n = 0;
        }
    }
    if n > 0 {
        statements.push(sql);
    }
    statements
}

/// `'text'` with quotes doubled. Only for generated text: typed input goes
/// through bound parameters.
pub fn quoted(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
}

/// A `TIMESTAMP` literal in the form both backends parse and diesel reads back.
pub fn timestamp(at: NaiveDateTime) -> String {
    at.format("'%Y-%m-%d %H:%M:%S'").to_string()
}

/// `TRUE` or `FALSE`: SQLite has understood both since 3.23.
pub fn boolean(value: bool) -> &'static str {
    if value { "TRUE" } else { "FALSE" }
}
