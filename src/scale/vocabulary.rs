//! The four forum languages' vocabularies for generated data: head words,
//! domain phrases, acronyms, a Zipf tail, and the searches asked in each.

use std::collections::HashSet;

/// Pseudo-words after each language's real head words: the long tail.
pub const TAIL_WORDS: usize = 20_000;

/// One forum language: its words by frequency, domain phrases, acronyms, and
/// the queries asked in it.
pub struct Language {
    pub code: &'static str,
    /// PostgreSQL's text search configuration.
    pub pg_config: &'static str,
    /// Percent of threads.
    pub share: u32,
    /// Real words, most frequent first; the tail follows them.
    pub head: &'static [&'static str],
    /// Pseudo-words for the tail are made of these.
    pub syllables: &'static [&'static str],
    /// Most frequent first.
    pub phrases: &'static [&'static str],
    pub acronyms: &'static [&'static str],
    pub common: [&'static str; 8],
    pub pairs: [&'static str; 8],
    pub phrase_queries: [&'static str; 8],
    pub filtered: [&'static str; 6],
    pub boolean: [&'static str; 4],
    pub codes: [&'static str; 8],
}

#[rustfmt::skip]
pub const LANGUAGES: [Language; 4] = [
    Language {
        code: "en",
        pg_config: "english",
        share: 45,
        head: &[
            "the", "to", "and", "of", "a", "in", "we", "is", "for", "that", "our", "it", "on",
            "with", "data", "this", "city", "are", "have", "be", "as", "team", "at", "not", "or",
            "plan", "from", "by", "can", "program", "staff", "an", "but", "department", "you",
            "they", "dashboard", "all", "has", "how", "would", "council", "residents", "more", "if",
            "use", "about", "one", "new", "which", "policy", "also", "services", "what", "so",
            "public", "report", "there", "their", "when", "been", "process", "other", "work",
            "each", "year", "like", "project", "some", "do", "used", "any", "first", "time", "them",
            "results", "could", "make", "help", "budget", "share", "open", "need", "just",
            "example", "thanks", "where", "state", "mayor", "started", "system", "tracking",
            "meeting", "quarterly", "progress", "template", "survey", "vendor", "training",
            "pilot", "portal", "contract", "goals", "metrics", "software", "analysts", "website",
            "community", "feedback", "approach", "outcomes",
        ],
        syllables: &[
            "ba", "ker", "lin", "ton", "ra", "mo", "vel", "quin", "dro", "sta", "per", "lo", "ni",
            "gan", "tur", "ves",
        ],
        phrases: &[
            "open data portal", "data governance", "performance management", "evaluation form",
            "budget transparency", "community engagement", "data inventory", "civic innovation",
            "open data policy", "results-driven contracting", "service requests",
            "data analytics team", "stakeholder engagement", "public dashboard",
            "air quality monitoring", "procurement process",
        ],
        acronyms: &[
            "GIS", "311", "ADA", "PM2.5", "SDG 11", "KPI", "ODP", "API", "CSV", "GTFS", "CKAN",
            "RFP", "NO2", "ArcGIS", "CRM", "ERP",
        ],
        common: ["team", "program", "staff", "department", "dashboard", "council", "residents", "report"],
        pairs: [
            "budget tracking", "survey results", "vendor contract", "training staff",
            "council meeting", "pilot program", "residents feedback", "quarterly report",
        ],
        phrase_queries: [
            "\"open data portal\"", "\"data governance\"", "\"performance management\"",
            "\"evaluation form\"", "\"budget transparency\"", "\"community engagement\"",
            "\"civic innovation\"", "\"air quality monitoring\"",
        ],
        filtered: [
            "area:dm data", "area:od \"open data\"", "area:pa report", "area:eval survey",
            "area:bf budget", "area:general staff",
        ],
        boolean: ["GIS OR ArcGIS", "dashboard -vendor", "budget OR procurement", "portal -website"],
        codes: ["GIS", "311", "ADA", "PM2.5", "SDG 11", "KPI", "ODP", "GIS dashboard"],
    },
    Language {
        code: "es",
        pg_config: "spanish",
        share: 30,
        head: &[
            "de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con",
            "datos", "no", "una", "su", "para", "ciudad", "es", "al", "lo", "como", "más", "plan",
            "equipo", "pero", "sus", "programa", "le", "ya", "o", "este", "dashboard", "también",
            "entre", "muy", "sin", "sobre", "portal", "ser", "tiene", "hay", "gobierno",
            "municipio", "todos", "durante", "información", "gestión", "proceso", "política",
            "servicios", "informe", "presupuesto", "personal", "vecinos", "alcaldía",
            "resultados", "proyecto", "año", "trabajo", "concejo", "secretaría", "evaluación",
            "participación", "indicadores", "plataforma", "capacitación", "encuesta",
            "seguimiento", "reunión", "contrato", "proveedor", "piloto", "metas", "sistema",
            "ejemplo", "gracias", "comunidad", "transparencia", "avance", "tablero", "compras",
            "licitación", "análisis", "calidad", "acceso", "usuarios", "herramienta",
            "decisiones", "desempeño", "ciudadanos", "oficina", "estrategia",
        ],
        syllables: &[
            "ca", "lo", "mi", "ta", "ri", "ción", "pe", "dor", "za", "ne", "gui", "llo", "ño",
            "ra", "ven", "tes",
        ],
        phrases: &[
            "portal de datos abiertos", "gobernanza de datos", "gestión del desempeño",
            "formulario de evaluación", "transparencia presupuestaria", "participación ciudadana",
            "inventario de datos", "innovación cívica", "política de datos abiertos",
            "contratación basada en resultados", "solicitudes de servicio", "equipo de analítica",
            "tablero público", "calidad del aire", "proceso de compras", "datos abiertos",
        ],
        acronyms: &[
            "SIG", "311", "PM2.5", "ODS 11", "KPI", "API", "CSV", "GTFS", "CKAN", "NO2", "ArcGIS",
            "ERP", "INEGI", "PDF", "BID", "CRM",
        ],
        common: [
            "datos", "ciudad", "programa", "gobierno", "información", "gestión", "presupuesto",
            "evaluacion",
        ],
        pairs: [
            "presupuesto seguimiento", "encuesta resultados", "contrato proveedor",
            "capacitación personal", "reunión concejo", "proyecto piloto",
            "vecinos participación", "informe indicadores",
        ],
        phrase_queries: [
            "\"portal de datos abiertos\"", "\"gobernanza de datos\"",
            "\"gestión del desempeño\"", "\"formulario de evaluación\"",
            "\"transparencia presupuestaria\"", "\"participación ciudadana\"",
            "\"innovación cívica\"", "\"calidad del aire\"",
        ],
        filtered: [
            "area:dm datos", "area:od \"datos abiertos\"", "area:pa informe", "area:eval encuesta",
            "area:bf presupuesto", "area:general equipo",
        ],
        boolean: ["SIG OR ArcGIS", "tablero -proveedor", "presupuesto OR compras", "portal -plataforma"],
        codes: ["SIG", "311", "PM2.5", "ODS 11", "KPI", "INEGI", "BID", "SIG tablero"],
    },
    Language {
        code: "pt",
        pg_config: "portuguese",
        share: 17,
        head: &[
            "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma",
            "dados", "os", "no", "se", "na", "cidade", "por", "mais", "as", "plano", "dos", "como",
            "mas", "equipe", "ao", "programa", "ele", "das", "à", "dashboard", "seu", "sua", "ou",
            "portal", "também", "quando", "muito", "já", "prefeitura", "secretaria", "governo",
            "informação", "gestão", "processo", "política", "serviços", "relatório", "orçamento",
            "servidores", "moradores", "resultados", "projeto", "ano", "trabalho", "câmara",
            "avaliação", "participação", "indicadores", "plataforma", "capacitação", "pesquisa",
            "acompanhamento", "reunião", "contrato", "fornecedor", "piloto", "metas", "sistema",
            "exemplo", "obrigado", "comunidade", "transparência", "avanço", "painel", "compras",
            "licitação", "análise", "qualidade", "acesso", "usuários", "ferramenta", "decisões",
            "desempenho", "cidadãos", "escritório", "estratégia",
        ],
        syllables: &[
            "ção", "lhe", "nho", "ra", "mi", "pa", "tu", "ões", "ve", "ga", "lo", "da", "bi", "ro",
            "ze", "ma",
        ],
        phrases: &[
            "portal de dados abertos", "governança de dados", "gestão de desempenho",
            "formulário de avaliação", "transparência orçamentária", "participação cidadã",
            "inventário de dados", "inovação cívica", "política de dados abertos",
            "contratação por resultados", "solicitações de serviço", "equipe de análise",
            "painel público", "qualidade do ar", "processo de compras", "dados abertos",
        ],
        acronyms: &[
            "SIG", "156", "PM2.5", "ODS 11", "KPI", "API", "CSV", "GTFS", "CKAN", "NO2", "ArcGIS",
            "ERP", "IBGE", "PDF", "LGPD", "CRM",
        ],
        common: [
            "dados", "cidade", "prefeitura", "gestão", "orçamento", "relatório", "avaliacao",
            "painel",
        ],
        pairs: [
            "orçamento acompanhamento", "pesquisa resultados", "contrato fornecedor",
            "capacitação servidores", "reunião câmara", "projeto piloto",
            "moradores participação", "relatório indicadores",
        ],
        phrase_queries: [
            "\"portal de dados abertos\"", "\"governança de dados\"", "\"gestão de desempenho\"",
            "\"formulário de avaliação\"", "\"transparência orçamentária\"",
            "\"participação cidadã\"", "\"inovação cívica\"", "\"qualidade do ar\"",
        ],
        filtered: [
            "area:dm dados", "area:od \"dados abertos\"", "area:pa relatório",
            "area:eval pesquisa", "area:bf orçamento", "area:general equipe",
        ],
        boolean: ["SIG OR ArcGIS", "painel -fornecedor", "orçamento OR compras", "portal -plataforma"],
        codes: ["SIG", "156", "PM2.5", "ODS 11", "KPI", "IBGE", "LGPD", "SIG painel"],
    },
    Language {
        code: "fr",
        pg_config: "french",
        share: 8,
        head: &[
            "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour",
            "données", "qui", "dans", "ville", "a", "par", "plus", "plan", "pas", "au", "sur",
            "ne", "se", "budget", "ce", "il", "sont", "avec", "nous", "équipe", "programme",
            "aussi", "dashboard", "mairie", "service", "gouvernement", "municipalité",
            "information", "gestion", "processus", "politique", "services", "rapport",
            "personnel", "résidents", "résultats", "projet", "année", "travail", "conseil",
            "évaluation", "participation", "indicateurs", "plateforme", "formation", "sondage",
            "suivi", "réunion", "contrat", "fournisseur", "pilote", "objectifs", "système",
            "exemple", "merci", "communauté", "transparence", "progrès", "tableau", "achats",
            "appel", "analyse", "qualité", "accès", "utilisateurs", "outil", "décisions",
            "performance", "citoyens", "bureau", "stratégie", "portail", "été", "sécurité", "élus",
        ],
        syllables: &[
            "é", "ti", "on", "re", "mé", "ble", "que", "sau", "gne", "li", "té", "eau", "pri",
            "vo", "ser", "ment",
        ],
        phrases: &[
            "portail de données ouvertes", "gouvernance des données", "gestion de la performance",
            "formulaire d'évaluation", "transparence budgétaire", "participation citoyenne",
            "inventaire des données", "innovation civique", "politique de données ouvertes",
            "contrats axés sur les résultats", "demandes de service", "équipe d'analyse",
            "tableau de bord public", "qualité de l'air", "processus d'achat", "données ouvertes",
        ],
        acronyms: &[
            "SIG", "311", "PM2.5", "ODD 11", "ICP", "API", "CSV", "GTFS", "CKAN", "NO2", "ArcGIS",
            "ERP", "PDF", "RGPD", "CRM", "OBNL",
        ],
        common: [
            "données", "ville", "budget", "programme", "gestion", "rapport", "evaluation",
            "conseil",
        ],
        pairs: [
            "budget suivi", "sondage résultats", "contrat fournisseur", "formation personnel",
            "réunion conseil", "projet pilote", "résidents participation", "rapport indicateurs",
        ],
        phrase_queries: [
            "\"portail de données ouvertes\"", "\"gouvernance des données\"",
            "\"gestion de la performance\"", "\"formulaire d'évaluation\"",
            "\"transparence budgétaire\"", "\"participation citoyenne\"",
            "\"innovation civique\"", "\"qualité de l'air\"",
        ],
        filtered: [
            "area:dm données", "area:od \"données ouvertes\"", "area:pa rapport",
            "area:eval sondage", "area:bf budget", "area:general équipe",
        ],
        boolean: ["SIG OR ArcGIS", "tableau -fournisseur", "budget OR achats", "portail -plateforme"],
        codes: ["SIG", "311", "PM2.5", "ODD 11", "ICP", "RGPD", "OBNL", "SIG tableau"],
    },
];

/// Ranks drawn with probability proportional to 1 / rank^s.
pub struct Zipf {
    pub cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    pub fn sample(&self, rng: &mut fastrand::Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or_default();
        let x = rng.f64() * total;
        let rank = self.cumulative.partition_point(|&c| c < x);
        rank.min(self.cumulative.len().saturating_sub(1))
    }
}

/// A language with its full word list (head, then the pseudo-word tail).
pub struct Vocabulary {
    pub spec: &'static Language,
    pub words: Vec<String>,
    pub word_ranks: Zipf,
    pub phrase_ranks: Zipf,
    pub acronym_ranks: Zipf,
}

/// Every language's full word list; the tail is deterministic from `seed`.
pub fn languages(seed: u64) -> Vec<Vocabulary> {
    LANGUAGES
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut rng = fastrand::Rng::with_seed(seed ^ (i as u64 + 100));
            let mut seen: HashSet<String> = spec.head.iter().map(|w| (*w).to_owned()).collect();
            let mut words: Vec<String> = spec.head.iter().map(|w| (*w).to_owned()).collect();
            while words.len() < spec.head.len() + TAIL_WORDS {
                let syllables = rng.usize(2..=4);
                let word: String = (0..syllables)
                    .map(|_| spec.syllables[rng.usize(0..spec.syllables.len())])
                    .collect();
                if seen.insert(word.clone()) {
                    words.push(word);
                }
            }
            Vocabulary {
                spec,
                word_ranks: Zipf::new(words.len(), 1.0),
                words,
                phrase_ranks: Zipf::new(spec.phrases.len(), 1.0),
                acronym_ranks: Zipf::new(spec.acronyms.len(), 1.0),
            }
        })
        .collect()
}

impl Vocabulary {
    pub fn word(&self, rng: &mut fastrand::Rng) -> &str {
        &self.words[self.word_ranks.sample(rng)]
    }

    /// A word outside the dozen most frequent, for titles.
    pub fn content_word(&self, rng: &mut fastrand::Rng) -> &str {
        loop {
            let rank = self.word_ranks.sample(rng);
            if rank >= 12 {
                return &self.words[rank];
            }
        }
    }

    pub fn phrase(&self, rng: &mut fastrand::Rng) -> &'static str {
        self.spec.phrases[self.phrase_ranks.sample(rng)]
    }

    pub fn acronym(&self, rng: &mut fastrand::Rng) -> &'static str {
        self.spec.acronyms[self.acronym_ranks.sample(rng)]
    }
}
