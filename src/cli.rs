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
    Ok(())
}
