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

## Accounts
layout-sign-in = Se connecter
layout-sign-out = Se déconnecter
form-error-summary = Il y a un problème
error-unauthorized = Connectez-vous, ou envoyez un jeton d’API valide, pour voir ceci.
error-forbidden = Vous n’avez pas accès à ceci.
error-csrf = Ce formulaire a expiré ou ne vient pas de Peerhall. Revenez en arrière, rechargez la page et réessayez.
error-gone = Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.
error-unprocessable = Certains champs demandent votre attention : voyez les champs pour savoir lesquels.
error-too-many-requests = Trop de demandes. Veuillez patienter un moment, puis réessayer.
error-email-invalid = Entrez une adresse courriel comme nom@ville.ca.
error-email-too-long = Une adresse courriel compte au plus 254 caractères.
error-display-name = Entrez un nom de 1 à 100 caractères.
error-language = Choisissez l’une des quatre langues.
error-time-zone-invalid = Entrez un fuseau horaire comme America/Montreal ou America/Toronto.
sign-in-title = Se connecter
sign-in-intro = Entrez votre adresse courriel et nous vous enverrons un lien de connexion. Le lien fonctionne une seule fois, pendant 15 minutes.
sign-in-email = Adresse courriel
sign-in-send = M’envoyer un lien de connexion
sign-in-check-title = Consultez vos courriels
sign-in-check-body = Si un compte existe pour cette adresse, un lien de connexion est en route. Il fonctionne une seule fois, pendant 15 minutes.
sign-in-slow-down-title = Un peu de patience
sign-in-confirm-title = Terminer la connexion
sign-in-confirm-body = Appuyez sur le bouton pour vous connecter sur cet appareil.
sign-in-confirm-button = Se connecter
mail-greeting = Bonjour { $name },
mail-sign-in-subject = Votre lien de connexion à Peerhall
mail-sign-in-body = Utilisez ce lien pour vous connecter à Peerhall. Il fonctionne une seule fois, pendant 15 minutes.
mail-sign-in-button = Se connecter à Peerhall
mail-sign-in-ignore = Si vous n’avez pas demandé à vous connecter, ignorez ce courriel : rien ne se passe sans le lien.
profile-title = Votre profil
profile-saved = Vos modifications sont enregistrées.
profile-email = Courriel
profile-city = Ville
profile-role = Rôle
profile-preferences = Préférences
profile-display-name = Nom
profile-language = Langue
profile-time-zone = Fuseau horaire
profile-time-zone-hint = Un nom IANA, comme America/Montreal, America/Toronto ou America/Vancouver.
profile-save = Enregistrer
profile-email-prefs = Préférences de courriel
profile-email-prefs-later = Les réglages du résumé hebdomadaire apparaîtront ici.
role-member = Membre
role-city-admin = Administrateur de la ville
role-moderator = Modérateur
role-program-admin = Administrateur du programme
tokens-title = Jetons d’API
tokens-intro = Les jetons permettent à vos scripts d’utiliser l’API de Peerhall en votre nom (Authorization: Bearer). Traitez-les comme des mots de passe.
tokens-created = Votre nouveau jeton, affiché cette seule fois :
tokens-none = Vous n’avez aucun jeton d’API.
tokens-caption = Vos jetons d’API
tokens-name = Nom
tokens-created-at = Créé le
tokens-last-used = Dernière utilisation
tokens-never = jamais
tokens-actions = Actions
tokens-revoke = Révoquer
tokens-revoke-named = Révoquer le jeton { $name }
tokens-new-name = Nom d’un nouveau jeton
tokens-create = Créer un jeton
tokens-default-name = jeton
people-title = Personnes de { $city }
people-caption = Toutes les personnes qui ont un compte pour cette ville
people-invite = Inviter un collègue
people-send-invitation = Envoyer l’invitation
people-invited = L’invitation est en route.
error-invite-role = Choisissez membre ou administrateur de la ville.
error-invite-exists = Cette adresse a déjà un compte.
invitation-title = Bienvenue sur Peerhall
invitation-intro = Choisissez votre nom, votre langue et votre fuseau horaire; vous serez ensuite connecté.
invitation-accept = Accepter et se connecter
mail-invitation-subject = Vous êtes invité sur Peerhall pour { $city }
mail-invitation-body = { $inviter } vous invite à rejoindre { $city } sur Peerhall, où les villes qui travaillent avec la norme What Works Cities planifient leurs prochaines étapes et apprennent de leurs pairs.
mail-invitation-button = Accepter l’invitation
mail-invitation-expiry = Le lien fonctionne une seule fois, pendant 7 jours.
