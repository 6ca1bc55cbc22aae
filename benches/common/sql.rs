//! Loading generated rows into SQLite fast: big multi-row INSERTs.

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
