//! The SQLite and PostgreSQL migrations must give the same schema as diesel
//! sees it: tables, columns, types, nullability, keys, unique sets, indexes.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};
use peerhall::db::{DatabaseTarget, DbConnection, build_pool, run_migrations};

use crate::helpers::{PG_ENV, PgTestDb};

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// name -> (diesel type, nullable)
    columns: BTreeMap<String, (String, bool)>,
    primary_key: Vec<String>,
    unique: BTreeSet<Vec<String>>,
    /// Non-unique indexes by name.
    indexes: BTreeMap<String, Vec<String>>,
}

type Schema = BTreeMap<String, Table>;

fn migrated(target: DatabaseTarget) -> DbConnection {
    let (_pool, mut conn) = build_pool(&target, 1, Duration::from_secs(5)).unwrap();
    run_migrations(&mut conn).unwrap();
    conn
}

#[test]
fn sqlite_and_postgresql_migrations_give_the_same_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut sqlite = migrated(DatabaseTarget::Sqlite(dir.path().join("s.db")));
    let sqlite_schema = sqlite_schema(&mut sqlite);
    assert!(sqlite_schema.contains_key("cities"));
    assert_eq!(
        sqlite_schema["cities"].columns["id"],
        ("Integer".into(), false)
    );
    let Ok(admin) = std::env::var(PG_ENV) else {
        eprintln!("{PG_ENV} is not set: the PostgreSQL run of this suite compares the backends");
        return;
    };
    let pg = PgTestDb::create(&admin);
    let mut postgres = migrated(DatabaseTarget::Postgres(pg.url()));
    assert_eq!(sqlite_schema, postgres_schema(&mut postgres));
}

fn diesel_type(declared: &str) -> String {
    let name = match declared.to_ascii_lowercase().as_str() {
        "integer" | "int4" => "Integer",
        "bigint" | "int8" => "BigInt",
        "text" | "character varying" => "Text",
        "boolean" | "bool" => "Bool",
        "timestamp" | "timestamp without time zone" => "Timestamp",
        "timestamp with time zone" | "timestamptz" => "Timestamptz",
        "double" | "double precision" | "float8" => "Double",
        "real" | "float4" => "Float",
        "date" => "Date",
        "blob" | "bytea" => "Binary",
        other => return format!("unmapped:{other}"),
    };
    name.to_owned()
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    r#type: String,
    #[diesel(sql_type = Bool)]
    not_null: bool,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

#[derive(QueryableByName)]
struct SqliteIndex {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Text)]
    origin: String,
}

fn sqlite_schema(conn: &mut DbConnection) -> Schema {
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name != '__diesel_schema_migrations'",
    )
    .load(conn)
    .unwrap();
    let mut schema = Schema::new();
    for Name { name: table } in tables {
        let mut shape = Table::default();
        let mut columns: Vec<SqliteColumn> = diesel::sql_query(
            "SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info(?)",
        )
        .bind::<Text, _>(&table)
        .load(conn)
        .unwrap();
        columns.sort_by_key(|c| c.pk);
        for c in &columns {
            shape
                .columns
                .insert(c.name.clone(), (diesel_type(&c.r#type), !c.not_null));
        }
        shape.primary_key = columns
            .iter()
            .filter(|c| c.pk > 0)
            .map(|c| c.name.clone())
            .collect();
        let indexes: Vec<SqliteIndex> = diesel::sql_query(
            "SELECT name, \"unique\" AS is_unique, origin FROM pragma_index_list(?)",
        )
        .bind::<Text, _>(&table)
        .load(conn)
        .unwrap();
        for index in indexes.into_iter().filter(|i| i.origin != "pk") {
            let cols: Vec<Name> =
                diesel::sql_query("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                    .bind::<Text, _>(&index.name)
                    .load(conn)
                    .unwrap();
            let cols: Vec<String> = cols.into_iter().map(|c| c.name).collect();
            if index.is_unique {
                shape.unique.insert(cols);
            } else {
                shape.indexes.insert(index.name, cols);
            }
        }
        schema.insert(table, shape);
    }
    schema
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

#[derive(QueryableByName)]
struct PgIndexColumn {
    #[diesel(sql_type = Text)]
    index_name: String,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Bool)]
    is_primary: bool,
    #[diesel(sql_type = Text)]
    column_name: String,
}

fn postgres_schema(conn: &mut DbConnection) -> Schema {
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT table_name::text AS name FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
         AND table_name != '__diesel_schema_migrations'",
    )
    .load(conn)
    .unwrap();
    let mut schema = Schema::new();
    for Name { name: table } in tables {
        let mut shape = Table::default();
        let columns: Vec<PgColumn> = diesel::sql_query(
            "SELECT column_name::text AS name, data_type::text AS data_type, \
             is_nullable::text AS is_nullable FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind::<Text, _>(&table)
        .load(conn)
        .unwrap();
        for c in columns {
            shape
                .columns
                .insert(c.name, (diesel_type(&c.data_type), c.is_nullable == "YES"));
        }
        let index_columns: Vec<PgIndexColumn> = diesel::sql_query(
            "SELECT ic.relname::text AS index_name, ix.indisunique AS is_unique, \
             ix.indisprimary AS is_primary, a.attname::text AS column_name \
             FROM pg_index ix \
             JOIN pg_class t ON t.oid = ix.indrelid \
             JOIN pg_class ic ON ic.oid = ix.indexrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey) \
             WHERE n.nspname = 'public' AND t.relname = $1 \
             ORDER BY ic.relname, array_position(ix.indkey::int2[], a.attnum)",
        )
        .bind::<Text, _>(&table)
        .load(conn)
        .unwrap();
        let mut by_index: BTreeMap<String, (bool, bool, Vec<String>)> = BTreeMap::new();
        for c in index_columns {
            let entry =
                by_index
                    .entry(c.index_name)
                    .or_insert((c.is_unique, c.is_primary, Vec::new()));
            entry.2.push(c.column_name);
        }
        for (name, (unique, primary, cols)) in by_index {
            match (primary, unique) {
                (true, _) => shape.primary_key = cols,
                (false, true) => {
                    shape.unique.insert(cols);
                }
                (false, false) => {
                    shape.indexes.insert(name, cols);
                }
            }
        }
        schema.insert(table, shape);
    }
    schema
}
