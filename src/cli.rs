//! The `peerhall` command line: one line of help per command, each command a
//! short function over the library.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::startup::{AppState, Application};

#[derive(Parser)]
#[command(
    name = "peerhall",
    version,
    about = "Peerhall: roadmaps, peers, forum and digests for What Works Cities"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default)
    Serve,
    /// Apply pending database migrations, then exit
    Migrate,
    /// Load demo cities with synthetic assessment histories (safe to run twice)
    SeedDemo,
    /// Fill an empty database with a generated program for benchmarks and
    /// drills (the same seed gives the same data), then build the search index
    SeedScale(ScaleArgs),
    /// Measure the service on this database (fill it with seed-scale first):
    /// reindex rate, pages under concurrent load next to /healthz, concurrent
    /// writers, server memory; prints one markdown table with the targets
    Bench(BenchArgs),
    /// Rebuild the search index from the database into a new directory and
    /// swap it in (a running service follows within a second)
    Reindex,
    /// Weekly digests by hand (serve also sends them on its own schedule)
    #[command(subcommand)]
    Digest(DigestCommand),
    /// Create cities, users and API tokens
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Subcommand)]
enum DigestCommand {
    /// One pass: send every digest that is due (each person's day and hour in
    /// their zone) and retry the ones that failed; never sends one twice
    Run {
        /// Pretend it is this time (RFC 3339, e.g. 2026-11-23T11:00:00Z)
        #[arg(long, value_parser = parse_time)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Say what would be sent; write and send nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(clap::Args)]
struct ScaleArgs {
    #[arg(long, default_value_t = 10_000, value_parser = at_least_one)]
    cities: usize,
    #[arg(long, default_value_t = 100_000, value_parser = at_least_one)]
    users: usize,
    #[arg(long, default_value_t = 1_000_000)]
    posts: usize,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// Measure only these (repeatable); all by default
    #[arg(long, value_enum)]
    only: Vec<crate::bench::Part>,
    /// Concurrent connections for the page loads
    #[arg(long, default_value_t = 16, value_parser = at_least_one)]
    connections: usize,
    /// Concurrent writers posting replies
    #[arg(long, default_value_t = 50, value_parser = at_least_one)]
    writers: usize,
    /// Seconds each load runs (after a fifth as long unmeasured)
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Digests the real digest pass sends (to a local SMTP sink)
    #[arg(long, default_value_t = 3_000)]
    mails: usize,
    /// The seed seed-scale was given: the search queries' rare words come from its vocabulary
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// A PostgreSQL server for the search baseline (its maintenance database), or "off"
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    pg_url: String,
}

fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("`{text}` is not a whole number: {e}")),
    }
}

fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| format!("`{text}` is not an RFC 3339 time such as 2026-11-23T11:00:00Z: {e}"))
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a city
    CreateCity {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// ISO 3166-1 alpha-2, e.g. BR
        #[arg(long)]
        country: String,
        /// us_canada or latin_america
        #[arg(long)]
        region: String,
        #[arg(long, default_value_t = 0)]
        population: i32,
        /// en, es, pt or fr
        #[arg(long, default_value = "en")]
        language: String,
        /// Let other cities see its level and the criteria it meets
        #[arg(long)]
        discoverable: bool,
    },
    /// Create a user (member, city_admin, moderator or program_admin)
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// The city's slug; required for member and city_admin
        #[arg(long)]
        city: Option<String>,
        #[arg(long, default_value = "member")]
        role: String,
        #[arg(long, default_value = "en")]
        language: String,
        #[arg(long, default_value = "UTC")]
        time_zone: String,
    },
    /// Print a new personal API token for a user
    Token {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    crate::telemetry::init(&settings.log.filter);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&settings),
        Command::Migrate => migrate(&settings),
        Command::SeedDemo => seed_demo(&settings),
        Command::SeedScale(args) => seed_scale(&settings, args),
        Command::Bench(args) => crate::bench::run(
            &settings,
            &crate::bench::Options {
                only: args.only,
                connections: args.connections,
                writers: args.writers,
                seconds: args.seconds,
                mails: args.mails,
                search: crate::bench::search::SearchOptions {
                    seed: args.seed,
                    pg_url: args.pg_url,
                },
            },
        ),
        Command::Reindex => reindex(&settings),
        Command::Digest(DigestCommand::Run { at, dry_run }) => digest_run(&settings, at, dry_run),
        Command::Admin(command) => admin(&settings, command),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: &Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async {
        let app = Application::build(settings)?;
        app.run_until_stopped().await?;
        tracing::info!("Peerhall stopped");
        Ok(())
    })
}

fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let state = AppState::prepare(settings)?;
    let mut conn = state.pool.get()?;
    let applied = crate::db::applied_migrations(&mut conn)?;
    println!(
        "{}: {} migrations applied, latest {}",
        state.database.describe(),
        applied.len(),
        applied.last().map_or("none", String::as_str)
    );
    Ok(())
}

fn seed_scale(settings: &Settings, args: ScaleArgs) -> anyhow::Result<()> {
    let sizes = crate::scale::Sizes {
        cities: args.cities,
        users: args.users,
        posts: args.posts,
        seed: args.seed,
    };
    let state = AppState::prepare(settings)?;
    let catalog = state.standards.current()?;
    let mut conn = state.pool.get()?;
    let started = std::time::Instant::now();
    let mut shown = 0;
    let report = crate::scale::seed(&mut conn, catalog, sizes, &mut |so_far| {
        if so_far.posts >= shown + 100_000 || so_far.posts == 0 {
            shown = so_far.posts;
            eprintln!(
                "{} posts written ({:.0} s)",
                so_far.posts,
                started.elapsed().as_secs_f64()
            );
        }
    })?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Generated in {seconds:.1} s into {}: {} cities, {} assessments, {} people, {} threads, \
         {} posts, {} votes, {} watches.",
        state.database.describe(),
        report.cities,
        report.assessments,
        report.users,
        report.threads,
        report.posts,
        report.votes,
        report.watches
    );
    drop(conn);
    reindex(settings)
}

fn reindex(settings: &Settings) -> anyhow::Result<()> {
    let state = AppState::prepare(settings)?;
    let mut conn = state.pool.get()?;
    let started = std::time::Instant::now();
    let root = &settings.search.dir;
    let built = crate::search::rebuild(&mut conn, root, settings.search.rebuild_memory_bytes())?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Search index rebuilt in {seconds:.1} s: {} threads, {} posts ({:.0} posts/s).",
        built.threads,
        built.posts,
        built.posts as f64 / seconds.max(0.001)
    );
    Ok(())
}

fn digest_run(
    settings: &Settings,
    at: Option<chrono::DateTime<chrono::Utc>>,
    dry_run: bool,
) -> anyhow::Result<()> {
    let state = AppState::prepare(settings)?;
    let digests = crate::digest::Digests::of(&state);
    let now = at.unwrap_or_else(chrono::Utc::now);
    if dry_run {
        let (report, would) = digests.dry_run(now)?;
        for planned in &would {
            println!(
                "would send to user {} for {}: {}",
                planned.user_id, planned.week, planned.subject
            );
        }
        println!(
            "Dry run at {now}: {} due, {} to send, {} with nothing to say.",
            report.due, report.sent, report.empty
        );
        return Ok(());
    }
    let report = digests.pass(now)?;
    println!("Digest pass at {now}: {report}.");
    Ok(())
}

fn seed_demo(settings: &Settings) -> anyhow::Result<()> {
    let state = AppState::prepare(settings)?;
    let catalog = state.standards.current()?;
    let mut conn = state.pool.get()?;
    let report = crate::demo::seed(&mut conn, catalog)?;
    println!(
        "Demo data: {} cities added ({} already present), {} certifications, {} assessments.",
        report.cities_added,
        report.cities_present,
        report.certifications_added,
        report.assessments_added
    );
    let forum = crate::demo::forum::seed(&mut conn, catalog)?;
    println!(
        "Demo forum: {} people, {} threads and {} replies added.",
        forum.people_added, forum.threads_added, forum.replies_added
    );
    Ok(())
}

fn admin(settings: &Settings, command: AdminCommand) -> anyhow::Result<()> {
    use crate::accounts::admin::{self, UserArgs};
    use crate::accounts::cities::NewCity;
    let state = AppState::prepare(settings)?;
    let mut conn = state.pool.get()?;
    match command {
        AdminCommand::CreateCity {
            slug,
            name,
            country,
            region,
            population,
            language,
            discoverable,
        } => {
            let args = NewCity {
                slug: &slug,
                name: &name,
                country: &country,
                region: &region,
                population,
                language: &language,
                discoverable,
                is_demo: false,
            };
            match admin::create_city(&mut conn, &args, None)? {
                Ok(_) => println!("Created city {slug}."),
                Err(errors) => anyhow::bail!("{}", admin::describe(&errors)),
            }
        }
        AdminCommand::CreateUser {
            email,
            name,
            city,
            role,
            language,
            time_zone,
        } => {
            let args = UserArgs {
                email: &email,
                name: &name,
                city: city.as_deref(),
                role: &role,
                language: &language,
                time_zone: &time_zone,
            };
            admin::create_user(&mut conn, &args)?;
            println!("Created user {} ({role}).", email.trim().to_lowercase());
        }
        AdminCommand::Token { email, name } => {
            // The token alone on stdout, so scripts can capture it.
            println!("{}", admin::create_token(&mut conn, &email, &name)?);
        }
    }
    Ok(())
}
