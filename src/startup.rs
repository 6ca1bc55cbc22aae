//! Building the application from `Settings`: directories, database, catalog,
//! search index, routes, and the HTTP server bound to its port.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use actix_web::cookie::Key;
use actix_web::middleware::from_fn;

use crate::accounts::{self, identity, limits::PostingLimits, limits::SignInLimits};
use crate::config::Settings;
use crate::db::{self, DatabaseTarget, DbPool};
use crate::email::Mailer;
use crate::email::unsubscribe::UnsubscribeKey;
use crate::peers::PeerDirectory;
use crate::search::LiveIndex;
use crate::standard::Standards;
use crate::{api, health, home, standard, web as pages};

/// Everything a running Peerhall shares between requests.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub standards: Standards,
    pub search: LiveIndex,
    pub database: DatabaseTarget,
    pub mailer: Mailer,
    /// Every city's matching profile, in memory.
    pub peers: PeerDirectory,
    /// Signs session cookies.
    pub session_key: Key,
    /// Signs the unsubscribe links in bulk mail.
    pub unsubscribe: UnsubscribeKey,
}

impl AppState {
    /// Prepares the data directory, applies migrations and opens the index.
    pub fn prepare(settings: &Settings) -> anyhow::Result<AppState> {
        for dir in [&settings.data_dir, &settings.email.outbox_dir] {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        }
        let standards = Standards::load(&settings.standard)?;
        let target = DatabaseTarget::parse(&settings.database_url())
            .map_err(|problem| anyhow::anyhow!("database.url {problem}"))?;
        let timeout = Duration::from_secs(settings.database.connect_timeout_secs);
        let (pool, mut first) = db::build_pool(&target, settings.database.pool_size, timeout)?;
        let applied = db::run_migrations(&mut first)?;
        if !applied.is_empty() {
            tracing::info!(
                migrations = applied.join(", "),
                "applied database migrations"
            );
        }
        let peers = PeerDirectory::default();
        peers.refresh_now(&mut first, standards.current()?)?;
        let search = LiveIndex::open_or_rebuild(&mut first, &settings.search)?;
        let mailer = Mailer::from_settings(&settings.email, &settings.server.public_url)?;
        let session_key = crate::web::session::load_key(settings)?;
        Ok(AppState {
            unsubscribe: UnsubscribeKey::derive(session_key.master())?,
            session_key,
            pool,
            standards,
            search,
            database: target,
            mailer,
            peers,
        })
    }
}

/// A bound, not yet running, server.
pub struct Application {
    port: u16,
    state: AppState,
    server: Server,
    /// How often the digest scheduler runs a pass; None: it does not run here.
    digest_every: Option<Duration>,
}

impl Application {
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        let state = AppState::prepare(settings)?;
        let address = (settings.server.host, settings.server.port);
        let listener = TcpListener::bind(address)
            .with_context(|| format!("cannot listen on {}:{}", address.0, address.1))?;
        let local = listener.local_addr()?;
        let server = serve(listener, state.clone(), settings)?;
        tracing::info!(
            "Peerhall listening on http://{local} with {}",
            state.database.describe()
        );
        let digest_every = settings
            .digest
            .scheduler
            .then(|| Duration::from_secs(settings.digest.every_secs));
        Ok(Self {
            port: local.port(),
            state,
            server,
            digest_every,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Runs until SIGINT/SIGTERM; in-flight requests get the shutdown timeout to finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let refresher = tokio::spawn(refresh_peers(self.state.clone()));
        let indexer = tokio::spawn(crate::search::keep_up(
            self.state.pool.clone(),
            self.state.search.clone(),
        ));
        let digests = self.digest_every.map(|every| {
            let digests = crate::digest::Digests::of(&self.state);
            tokio::spawn(crate::digest::keep_sending(digests, every))
        });
        let stopped = self.server.await;
        refresher.abort();
        indexer.abort();
        if let Some(digests) = digests {
            digests.abort();
        }
        stopped
    }
}

/// Other instances' writes reach this one's peer directory within minutes.
async fn refresh_peers(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(300));
    every.tick().await;
    loop {
        every.tick().await;
        crate::peers::refresh_after_write(&state.peers, &state.pool, &state.standards).await;
    }
}

fn serve(listener: TcpListener, state: AppState, settings: &Settings) -> anyhow::Result<Server> {
    let key = state.session_key.clone();
    let roadmaps = web::Data::new(crate::roadmap::service::Roadmaps {
        pool: state.pool.clone(),
        standards: state.standards.clone(),
        directory: state.peers.clone(),
        search: state.search.clone(),
        cache: Default::default(),
    });
    let unsubscribe = web::Data::new(state.unsubscribe);
    let pool = web::Data::new(state.pool);
    let standards = web::Data::new(state.standards);
    let search = web::Data::new(state.search);
    let database = web::Data::new(state.database);
    let mailer = web::Data::new(state.mailer);
    let peers = web::Data::new(state.peers);
    let limit_settings = web::Data::new(settings.limits.clone());
    let limits = web::Data::new(SignInLimits::new(
        &settings.limits,
        settings.server.behind_proxy,
    ));
    let posting = web::Data::new(PostingLimits::new(
        &settings.limits,
        settings.server.behind_proxy,
    ));
    let secure = settings.behind_tls();
    let mut server = HttpServer::new(move || {
        // Outermost last: headers, logging, the session cookie, then who is asking.
        App::new()
            .wrap(from_fn(identity::identify))
            .wrap(pages::session::middleware(key.clone(), secure))
            .wrap(pages::security_headers())
            .wrap(TracingLogger::<crate::telemetry::RedactedRootSpan>::new())
            .app_data(pool.clone())
            .app_data(standards.clone())
            .app_data(search.clone())
            .app_data(database.clone())
            .app_data(mailer.clone())
            .app_data(limits.clone())
            .app_data(posting.clone())
            .app_data(limit_settings.clone())
            .app_data(peers.clone())
            .app_data(roadmaps.clone())
            .app_data(unsubscribe.clone())
            .configure(routes)
            .default_service(web::to(pages::not_found))
    })
    .shutdown_timeout(settings.server.shutdown_timeout_secs)
    // Blocking work is mostly database work, which waits for one of the pool's
    // connections anyway. With actix's default (256 threads per worker on 2
    // cores) 50 writers kept dozens of threads contending for 8 connections;
    // capped, the same writers stored 17-52% more posts per second.
    .worker_max_blocking_threads(settings.database.pool_size.max(2) as usize);
    if settings.server.workers > 0 {
        server = server.workers(settings.server.workers);
    }
    Ok(server.listen(listener)?.run())
}

/// Every route, in one place.
pub fn routes(cfg: &mut web::ServiceConfig) {
    pages::configure_extractors(cfg);
    cfg.service(health::healthz)
        .service(api::openapi_json)
        .service(standard::handlers::list_api)
        .service(standard::handlers::show_api)
        .service(standard::handlers::show_page)
        .service(home::home)
        .service(accounts::sign_in::sign_in_page)
        .service(accounts::sign_in::request_link)
        .service(accounts::password_pages::sign_in_with_password)
        .service(accounts::password_pages::set_password)
        .service(accounts::sign_in::confirm_page)
        .service(accounts::sign_in::use_link)
        .service(accounts::sign_in::sign_out)
        .service(accounts::profile::profile_page)
        .service(accounts::profile::save_profile)
        .service(accounts::profile::create_token)
        .service(accounts::profile::revoke_token)
        .service(accounts::profile::me)
        .service(crate::digest::api::get_preferences)
        .service(crate::digest::api::patch_preferences)
        .service(crate::digest::preview::preview_page)
        .service(crate::digest::unsubscribe::confirm_page)
        .service(crate::digest::unsubscribe::unsubscribe)
        .service(crate::assessment::handlers::list_api)
        .service(crate::assessment::submit::submit_api)
        .service(
            web::resource("/cities/{slug}/assessment")
                .app_data(crate::web::form_config(crate::assessment::form::FORM_LIMIT))
                .route(web::get().to(crate::assessment::form::show))
                .route(web::head().to(crate::assessment::form::show))
                .route(web::post().to(crate::assessment::form::post)),
        )
        .service(
            web::resource("/cities/{slug}/assessment/upload")
                .route(web::post().to(crate::assessment::form::upload)),
        )
        .service(crate::roadmap::handlers::roadmap_api)
        .service(crate::roadmap::handlers::roadmap_page)
        .service(crate::roadmap::handlers::roadmap_csv)
        .service(crate::peers::handlers::peers_api)
        .service(crate::peers::handlers::peers_page)
        .service(crate::peers::introductions::handlers::ask_page)
        .service(crate::peers::introductions::handlers::ask)
        .service(crate::peers::introductions::handlers::show)
        .service(crate::peers::introductions::handlers::answer)
        .service(crate::forum::api::categories)
        .service(crate::forum::api::list_threads)
        .service(crate::forum::api::create_thread)
        .service(crate::forum::api::show_thread)
        .service(crate::forum::api::reply)
        .service(crate::forum::api::vote)
        .service(crate::forum::api::unvote)
        .service(crate::forum::api::accept)
        .service(crate::forum::api::flag)
        .service(crate::forum::api_moderation::edit)
        .service(crate::forum::api_moderation::delete)
        .service(crate::forum::api_moderation::hide)
        .service(crate::forum::api_moderation::restore)
        .service(crate::forum::api_moderation::lock)
        .service(crate::forum::api_moderation::unlock)
        .service(crate::forum::api_moderation::move_thread)
        .service(crate::forum::api_moderation::flag_queue)
        .service(crate::forum::api_history::revisions)
        .service(crate::forum::api_history::log)
        .service(crate::search::api::search)
        .service(crate::forum::similar::similar_api)
        .service(crate::forum::feeds::category_feed)
        .service(crate::forum::feeds::tag_feed)
        .service(crate::forum::pages::index)
        .service(crate::forum::pages::write::new_thread)
        .service(crate::forum::pages::questions)
        .service(crate::forum::pages::space)
        .service(crate::forum::pages::tag)
        .service(crate::forum::pages::person)
        .service(crate::forum::pages::thread_page)
        .service(crate::forum::pages::write::create_thread)
        .service(crate::forum::pages::write::reply)
        .service(crate::forum::pages::write::vote)
        .service(crate::forum::pages::write::accept)
        .service(crate::forum::pages::write::flag_form)
        .service(crate::forum::pages::write::flag)
        .service(crate::forum::pages::write::watch)
        .service(crate::forum::pages::write::notifications)
        .service(crate::forum::pages::write::mark_read)
        .service(crate::forum::pages::moderate::decide)
        .service(crate::forum::pages::moderate::delete)
        .service(crate::forum::pages::moderate::lock)
        .service(crate::forum::pages::moderate::queue)
        .service(crate::forum::pages::manage::edit_form)
        .service(crate::forum::pages::manage::edit)
        .service(crate::forum::pages::manage::revisions)
        .service(crate::forum::pages::manage::move_thread)
        .service(crate::forum::pages::manage::log)
        .service(crate::search::page::search_page)
        .service(accounts::invitations::people_page)
        .service(accounts::invitations::invite)
        .service(accounts::city_settings::save_settings)
        .service(accounts::city_settings::patch_city_api)
        .service(accounts::invitations::accept_page)
        .service(accounts::invitations::accept)
        .service(accounts::admin_pages::admin_page)
        .service(accounts::admin_pages::create_city)
        .service(accounts::admin_pages::invite)
        .service(pages::switch_language)
        .service(pages::stylesheet)
        .service(pages::script);
}
