## Layout
layout-skip = Aller au contenu principal
layout-nav-main = Navigation principale
layout-nav-home = Accueil
layout-nav-standard = La norme
layout-nav-language = Langue
layout-footer = Peerhall { $version } · pour les villes qui travaillent avec la norme de certification What Works Cities

## Errors
error-not-found = Nous n’avons pas trouvé ce que vous cherchiez.
error-field-not-found = introuvable
error-invalid-body = Le corps de la requête n’est pas valide : voyez les champs pour savoir où.
error-invalid-query = Les paramètres de la requête ne sont pas valides : voyez les champs pour savoir où.
error-invalid-path = L’adresse n’est pas valide : voyez les champs pour savoir où.
error-unsupported-media-type = Cette requête exige un corps JSON (Content-Type: application/json).
error-unavailable = Le service est momentanément indisponible. Veuillez réessayer dans un instant.
error-internal = Une erreur s’est produite de notre côté. Elle a été consignée; veuillez réessayer.
error-page-title = Désolés
error-page-home = Aller à la page d’accueil

## Home
home-title = Peerhall
home-lead = L’endroit où le personnel municipal voit à quelle distance il se trouve de la certification What Works Cities, quoi faire ensuite et qui l’a déjà fait.
home-jobs-heading = Ce que fait Peerhall
home-job-roadmaps = Feuilles de route : notez votre autoévaluation et voyez votre niveau et une liste ordonnée des prochaines étapes.
home-job-peers = Pairs : pour chaque étape, les villes les plus semblables à la vôtre qui la maîtrisent déjà.
home-job-forum = Forum : questions et réponses entre praticiens, en quatre langues.
home-job-digests = Résumés : un courriel hebdomadaire sur les nouveautés de ce que vous suivez.
home-read-standard = Lire les critères et les conseils de la norme
home-cities-heading = Villes
home-cities-summary = { $cities ->
    [one] Une ville
   *[other] { $cities } villes
} sur Peerhall, dont { $certified } certifiées; { $assessments ->
    [one] une autoévaluation soumise
   *[other] { $assessments } autoévaluations soumises
}.
home-no-cities = Aucune ville n’a encore été certifiée ici.
home-cities-caption = Villes certifiées, du niveau le plus élevé au plus bas
home-col-city = Ville
home-col-country = Pays
home-col-level = Niveau
home-col-year = Depuis
demo-banner-title = Données de démonstration.
demo-banner = Les villes certifiées et leurs années proviennent d’annonces publiques; les réponses et l’historique d’autoévaluations affichés ici sont synthétiques, et les villes pas encore certifiées sont fictives.
demo-tag = démo

## Standard
standard-criteria-count = { $count } critères dans { $areas } domaines de pratique. Un point par critère rempli; le niveau dépend de la proportion de critères remplis.
standard-levels-heading = Niveaux de certification
standard-levels-caption = Critères qu’une ville doit remplir pour chaque niveau
standard-level = Niveau
standard-min-percent = Proportion minimale
standard-min-met = Minimum de critères remplis
standard-min-met-value = { $met } sur { $total }
standard-outcomes-heading = Résultats
standard-outcomes-intro = Au-delà des pratiques, une ville doit atteindre une norme reconnue internationalement pour au moins un de ces résultats.
standard-broadband-thresholds = Seuil : { $us } % des ménages aux États-Unis et au Canada, { $latam } % en Amérique latine.
standard-pm25-target = Cible sur ce service : { $target } µg/m³.
standard-areas-heading = Domaines de pratique et critères
standard-areas-nav = Domaines de pratique
standard-guidance = Conseils pratiques
