## Layout
layout-skip = Aller au contenu principal
layout-nav-main = Navigation principale
layout-nav-home = Accueil
layout-nav-standard = La norme
layout-nav-forum = Forum
layout-nav-language = Langue
layout-footer = Peerhall { $version } · pour les villes qui travaillent avec la norme de certification What Works Cities

## Errors
error-not-found = Nous n’avons pas trouvé ce que vous cherchiez.
error-field-not-found = introuvable
error-invalid-body = Le corps de la requête n’est pas valide : voyez les champs pour savoir où.
error-invalid-query = Les paramètres de la requête ne sont pas valides : voyez les champs pour savoir où.
error-invalid-path = L’adresse n’est pas valide : voyez les champs pour savoir où.
error-unsupported-media-type = Cette requête exige un corps JSON (Content-Type: application/json).
error-payload-too-large = Le fichier envoyé est trop volumineux.
error-unavailable = Le service est momentanément indisponible. Veuillez réessayer dans un instant.
error-internal = Une erreur s’est produite de notre côté. Elle a été consignée; veuillez réessayer.
error-field-missing = Ce champ est obligatoire.
error-field-unknown = Ce champ n’est pas reconnu ici.
error-field-duplicate = Ce champ apparaît deux fois.
error-value-unknown = « { $value } » ne fait pas partie des valeurs acceptées : { $expected }.
error-value-type = Cette valeur n’a pas le bon type (texte, nombre, liste…).
error-value-invalid = Cette valeur n’est pas valide ici.
error-json-syntax = Le JSON est mal formé à la ligne { $line }, colonne { $column }.
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
standard-broadband-thresholds = Seuil : { $us } % des ménages aux États-Unis et au Canada, { $latam } % en Amérique latine.
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
error-conflict = Cette action est impossible pour le moment : les champs indiquent pourquoi.
error-unprocessable = Certains champs demandent votre attention : voyez les champs pour savoir lesquels.
error-too-many-requests = Trop de demandes. Veuillez patienter un moment, puis réessayer.
error-email-invalid = Entrez une adresse courriel comme nom@ville.ca.
error-email-too-long = Une adresse courriel compte au plus 254 caractères.
error-display-name = Entrez un nom de 1 à 100 caractères.
error-language = Choisissez l’une des quatre langues.
error-time-zone-invalid = Entrez un fuseau horaire comme America/Montreal ou America/Toronto.
error-digest-day = Choisissez un jour : mon, tue, wed, thu, fri, sat ou sun.
error-digest-hour = Choisissez une heure de 0 à 23.
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
profile-digest = M’envoyer le résumé hebdomadaire
profile-digest-day = Jour du résumé
profile-digest-hour = Heure du résumé
profile-digest-hour-hint = Dans votre fuseau horaire, indiqué plus haut.
profile-notify-immediately = M’avertir tout de suite des réponses, mentions et réponses acceptées (au plus un courriel toutes les 15 minutes)
profile-undeliverable = Le courriel à { $email } n’a pas pu être remis ; Peerhall a donc cessé de l’envoyer.
profile-undeliverable-help = Le serveur destinataire l’a refusé définitivement. Demandez à votre service informatique d’accepter les courriels de Peerhall, ou à un administrateur de changer votre adresse ; les envois reprennent avec une nouvelle adresse.
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
error-city-slug = Utilisez des minuscules, des chiffres et des traits d’union simples, comme porto-alegre.
error-city-name = Entrez un nom de 1 à 100 caractères.
error-city-country = Utilisez le code ISO du pays à deux lettres majuscules, comme BR.
error-city-region = Choisissez États-Unis et Canada, ou Amérique latine.
error-city-population = La population ne peut pas être négative.
error-city-exists = Une ville avec cet identifiant existe déjà.
layout-admin = Administration
layout-people = Personnes
layout-roadmap = Feuille de route
layout-peers = Pairs
error-role = Choisissez l’un des quatre rôles.
error-invite-city = Choisissez la ville pour laquelle cette personne travaille.
admin-title = Administration du programme
admin-city-created = La ville est créée.
admin-new-city = Ajouter une ville
admin-city-slug = Identifiant (utilisé dans les adresses)
admin-city-name = Nom
admin-city-country = Code de pays (ISO, deux lettres)
admin-city-region = Région
region-us-canada = États-Unis et Canada
region-latin-america = Amérique latine
admin-city-population = Population
admin-city-language = Langue principale
admin-city-discoverable = Les autres villes peuvent voir son niveau et les critères qu’elle remplit
admin-create-city = Ajouter la ville
admin-invite = Inviter quelqu’un
admin-invite-city-hint = Obligatoire pour les membres et les administrateurs de ville; laissez vide pour les modérateurs et le personnel du programme.
admin-audit = Journal d’audit
admin-audit-caption = Les 50 modifications les plus récentes des rôles, invitations, villes et jetons
admin-audit-when = Quand
admin-audit-who = Qui
admin-audit-what = Action
admin-audit-subject = Objet
admin-audit-detail = Détail
admin-audit-cli = la ligne de commande
sign-in-password-heading = Ou connectez-vous avec votre mot de passe
sign-in-password = Mot de passe
sign-in-with-password = Se connecter avec le mot de passe
error-password-wrong = Cette adresse courriel et ce mot de passe ne correspondent à aucun compte avec mot de passe.
error-password-length = Un mot de passe compte de 12 à 200 caractères.
error-password-confirm = Les deux mots de passe ne sont pas identiques.
profile-password = Mot de passe (facultatif)
profile-password-hint = Les liens par courriel fonctionnent toujours; un mot de passe de 12 caractères ou plus est une autre façon d’entrer.
profile-new-password = Nouveau mot de passe
profile-confirm-password = Le même mot de passe à nouveau
profile-set-password = Enregistrer le mot de passe
people-settings = Paramètres de la ville

## Dépôt des autoévaluations : problèmes
intake-at-cell = Ligne { $line }, colonne « { $column } » : { $problem }
intake-at-line = Ligne { $line } : { $problem }
intake-unknown-code = « { $code } » n’est pas un critère de cette norme.
intake-duplicate = { $code } a plus d’une réponse ; n’en gardez qu’une.
intake-bad-status = { $code } : « { $status } » n’est pas un statut ; utilisez met, in_progress ou not_started.
intake-evidence-long = { $code } : la note de preuve dépasse { $max } caractères.
intake-bad-url = { $code } : le lien de preuve doit être une adresse http:// ou https:// complète d’au plus { $max } caractères.
intake-missing = { $code } n’a pas de réponse : chaque critère en demande une (met, in_progress ou not_started).
intake-outcome-duplicate = { $name } apparaît plus d’une fois.
intake-out-of-range = { $name } doit être compris entre { $min } et { $max }.
intake-not-a-number = { $name } : « { $value } » n’est pas un nombre.
intake-unknown-outcome = « { $name } » n’est pas un résultat ; utilisez broadband_pct, pm25_ugm3 ou les champs priority_.
intake-bad-direction = « { $value } » n’est pas un sens ; utilisez at_least ou at_most.
intake-indicator-long = Le nom de l’indicateur dépasse { $max } caractères.
intake-priority-incomplete = Le résultat propre à la ville demande aussi { $name }.
intake-unknown-area = « { $code } » n’est pas un domaine de pratique.
intake-unknown-standard = « { $standard } » n’est pas une norme connue de Peerhall.
intake-csv-header = La première ligne doit nommer les colonnes : code,status,evidence (evidence_url est facultative).
intake-csv-unreadable = Ce n’est pas un CSV lisible : { $detail }
intake-content-type = Envoyez l’autoévaluation en application/json ou en text/csv.

## Roadmap
status-met = Rempli
status-in-progress = En cours
status-not-started = Pas commencé
roadmap-title = Feuille de route de { $city }
roadmap-summary-heading = Résumé
roadmap-summary = { $met } critères remplis sur { $total } ({ $percent } %).
roadmap-level = Niveau atteint : { $level }.
roadmap-not-certified = Pas encore de niveau de certification.
roadmap-not-certified-short = Non certifiée
roadmap-next-level = { $needed ->
    [one] Encore un critère pour atteindre le niveau { $level }.
   *[other] Encore { $needed } critères pour atteindre le niveau { $level }.
}
roadmap-no-opportunities = Aucun domaine de pratique n’est sous la médiane des pairs.
roadmap-top-level = Platine est le niveau le plus élevé : gardez tous les critères remplis.
roadmap-outcome-met = Au moins un résultat atteint sa norme.
roadmap-outcome-not-met = Aucun résultat n’atteint encore sa norme : la certification en demande un.
roadmap-eligible = { $city } peut se porter candidate à la certification : au moins 30 000 habitants, dans les Amériques.
roadmap-ineligible = { $city } ne peut pas encore se porter candidate à la certification :
roadmap-ineligible-population = le programme demande au moins 30 000 habitants ;
roadmap-ineligible-country = le programme est ouvert aux villes des États-Unis, du Canada, du Mexique, d’Amérique centrale et d’Amérique du Sud.
roadmap-submitted = D’après l’autoévaluation envoyée le { $date }.
roadmap-csv = Télécharger les étapes (CSV)
roadmap-standing-heading = Où en est votre ville
roadmap-strengths = Points forts
roadmap-opportunities = Marges de progrès
roadmap-area-vs-peers = { $area } : { $percent } % rempli ; médiane des villes pairs { $median } %.
roadmap-no-peers = Aucune ville pair visible n’a encore d’autoévaluation à comparer.
roadmap-leading = Critères que votre ville remplit et moins de la moitié de ses pairs :
roadmap-equity-heading = Équité
roadmap-equity-intro = Données désagrégées, voix des habitants et diversité des fournisseurs : { $met } critères remplis sur { $total }.
roadmap-steps-heading = Prochaines étapes
roadmap-no-steps = Tous les critères sont remplis et un résultat atteint sa norme : gardez le cap.
roadmap-toward = compte pour le niveau { $level }
roadmap-horizon = d’ici { $months } mois
roadmap-why-outcome = La certification demande au moins un résultat qui atteint sa norme : déclarez l’accès à Internet haute vitesse, la qualité de l’air ou une priorité propre.
roadmap-why-in-progress = Déjà en cours : l’achever est le gain le plus rapide.
roadmap-why-finishes-area = Le dernier critère restant en { $area } : le remplir complète le domaine.
roadmap-why-priority-area = En { $area }, un domaine que vous avez marqué comme prioritaire.
roadmap-why-closest-area = Le suivant en { $area }, parmi les domaines les plus proches d’être complets.
roadmap-why-balance = Fait avancer { $area }, pour qu’aucun domaine ne reste en arrière.
roadmap-outcome-step = Atteindre une norme de résultat
roadmap-progress-heading = Progrès
roadmap-changes = Depuis l’autoévaluation du { $date } :
roadmap-gained = Gagnés
roadmap-lost = Perdus
roadmap-no-changes = Aucun changement dans les critères remplis.
roadmap-first = C’est la première autoévaluation de la ville.
roadmap-history-caption = Critères remplis à chaque autoévaluation
roadmap-chart-desc = Une courbe des critères remplis à chaque autoévaluation, de la plus ancienne à la plus récente, avec les seuils Argent, Or et Platine en pointillés.
roadmap-chart-table-note = Le tableau ci-dessous donne les mêmes chiffres.
roadmap-areas-caption = Part des critères remplis, par domaine de pratique
roadmap-areas-legend = Barres : votre ville. Repères orange : la médiane des villes pairs visibles. Le tableau ci-dessous donne les mêmes chiffres.
roadmap-col-date = Date
roadmap-col-met = Critères remplis
roadmap-col-level = Niveau
roadmap-col-area = Domaine de pratique
roadmap-col-city = Votre ville
roadmap-col-median = Médiane des pairs
roadmap-col-criterion = Critère
roadmap-col-status = Statut
roadmap-none-title = Pas encore d’autoévaluation
roadmap-none-body = { $city } n’a pas encore envoyé d’autoévaluation. Sa feuille de route apparaît après la première.

## Assessment form
assessment-form-title = Autoévaluation : { $city }
assessment-form-intro = Toutes les personnes de votre ville travaillent sur un même brouillon partagé. Enregistrez aussi souvent que vous le souhaitez : chaque enregistrement ne garde que ce que vous avez modifié, si bien que les réponses d’un collègue ne sont jamais perdues. Envoyez-le lorsque chaque critère a une réponse.
assessment-answered = { $answered } critères sur { $total } renseignés.
assessment-draft-saved-by = Brouillon enregistré pour la dernière fois le { $when } par { $name }.
assessment-draft-saved = Brouillon enregistré pour la dernière fois le { $when }.
assessment-draft-from = Les réponses partent de votre évaluation du { $date }.
assessment-draft-new = Aucune réponse pour l’instant : c’est la première autoévaluation de votre ville.
assessment-saved = Brouillon enregistré.
assessment-overwritten = Un collègue avait aussi modifié ces champs depuis que vous avez ouvert le formulaire ; vos réponses ont remplacé les siennes : { $fields }.
assessment-areas-nav = Domaines de pratique
assessment-about = Ce que demande ce critère
assessment-evidence = Note justificative (facultative)
assessment-evidence-url = Lien vers le justificatif (facultatif)
assessment-save = Enregistrer le brouillon
assessment-outcomes = Résultats
assessment-outcomes-hint = Pour la certification, au moins un résultat doit atteindre sa norme. Laissez vide ce que vous ne mesurez pas.
assessment-broadband = Ménages abonnés au haut débit (%)
assessment-pm25 = Concentration moyenne annuelle de particules fines, PM2,5 (µg/m³)
assessment-priority = Résultat prioritaire propre à votre ville (facultatif)
assessment-priority-hint = Aligné sur un objectif de développement durable de l’ONU : indiquez l’objectif, l’indicateur, la cible et la valeur actuelle, ou laissez-les tous vides.
assessment-priority-sdg = Objectif de développement durable (1 à 17)
assessment-priority-indicator = Indicateur
assessment-priority-target = Cible
assessment-priority-value = Valeur actuelle
assessment-priority-direction = Le résultat est atteint lorsque la valeur est
direction-at-least = égale ou supérieure à la cible
direction-at-most = égale ou inférieure à la cible
assessment-priorities = Domaines de pratique prioritaires pour votre ville
assessment-priorities-hint = Les étapes de ces domaines viennent plus tôt dans votre feuille de route.
assessment-submit-heading = Envoyer
assessment-submit-hint = L’envoi enregistre vos modifications, vérifie chaque réponse et, si tout est en ordre, enregistre l’évaluation et met à jour votre feuille de route. Une évaluation envoyée ne peut plus être modifiée : la suivante part d’elle.
assessment-submit = Envoyer l’évaluation
assessment-upload-heading = Ou téléversez un fichier CSV
assessment-upload-hint = Une ligne par critère avec les colonnes code, status et evidence (evidence_url est facultative) ; les résultats en lignes supplémentaires nommées broadband_pct, pm25_ugm3 ou priority_…, avec la valeur dans la colonne status. Le fichier est vérifié en entier et envoyé d’un coup.
assessment-upload-file = Fichier CSV
assessment-upload = Téléverser et envoyer
assessment-upload-missing = Choisissez un fichier CSV à téléverser.
roadmap-edit-assessment = Mettre à jour l’autoévaluation

## Peers
peers-title = Villes paires de { $city }
peers-intro = Les villes les plus proches de la vôtre, d’après leurs dernières autoévaluations. Seules les villes qui ont choisi d’être visibles apparaissent ici.
peers-like-you = Des villes comme la vôtre
peers-like-you-hint = Les villes les plus proches, d’abord celles qui ont un niveau d’avance.
peers-can-help = Des villes que vous pouvez aider
peers-can-help-hint = Des villes visibles qui ne remplissent pas encore des critères que votre ville remplit.
peers-none = Aucune ville visible ne correspond pour l’instant.
peers-criterion-heading = Villes paires pour un critère
peers-criterion-label = Critère
peers-criterion-show = Afficher les villes paires
peers-criterion-results = Villes qui remplissent { $code }
peers-bad-limit = La limite doit être comprise entre 1 et { $max }.
peers-reason-meets-since = remplit { $code } depuis { $year }
peers-reason-meets = remplit { $code }
peers-reason-level-ahead = un niveau d’avance ({ $level })
peers-reason-same-level = même niveau ({ $level })
peers-reason-in-common = { $common } de vos { $of } critères en commun
peers-reason-similar-size = taille comparable
peers-reason-language = { $language ->
    [es] hispanophone elle aussi
    [pt] lusophone elle aussi
    [fr] francophone elle aussi
   *[en] anglophone elle aussi
}
peers-reason-region = { $region ->
    [latin_america] elle aussi en Amérique latine
   *[us_canada] elle aussi aux États-Unis ou au Canada
}
peers-reason-can-help = { $count ->
    [one] il lui manque un critère que la vôtre remplit
   *[other] il lui manque { $count } critères que la vôtre remplit
}
roadmap-step-peers = Des villes comme la vôtre qui remplissent { $code } :

## Introductions between peer cities
city-accepts-introductions = Les villes pairs peuvent nous demander une mise en relation
intro-ask-link = Demander une mise en relation avec { $city }
intro-ask-title = Demander une mise en relation avec { $city }
intro-ask-explain = Peerhall écrira aux personnes qui répondent pour { $city }. Si elles acceptent, chacun verra le nom et l’adresse électronique de l’autre ici et par courriel.
intro-closed = { $city } n’accepte pas de demandes de mise en relation pour le moment.
intro-about = Sujet :
intro-message-label = Un mot pour elles (facultatif)
intro-message-hint = Ce que vous aimeriez apprendre, et qui vous êtes. { $max } caractères au plus.
intro-message-too-long = Le mot est trop long : réduisez-le à 2 000 caractères ou moins.
intro-ask-send = Envoyer la demande
intro-back-to-peers = Retour à vos pairs
intro-already-asked = Votre ville a déjà demandé une mise en relation avec cette ville.
intro-declined-recently = Cette ville a décliné la demande de votre ville il y a moins de 90 jours.
intro-too-many = { $count ->
    [one] Vous pouvez demander une mise en relation par jour. Réessayez demain.
   *[other] Vous pouvez demander { $count } mises en relation par jour. Réessayez demain.
}
intro-no-one = Personne ne peut encore répondre pour cette ville sur Peerhall : la demande n’est pas possible pour le moment.
intro-see-earlier = Voir la demande précédente
intro-title = Mise en relation : { $from } et { $to }
intro-asked = Votre demande est envoyée. Vous recevrez un courriel quand ils répondront.
intro-already-answered = Cette demande a déjà reçu une réponse.
intro-asked-by = Demandée par { $person } ({ $city }) le { $date }.
intro-answered-on = réponse le { $date }
intro-status-pending = En attente de réponse
intro-status-accepted = Acceptée
intro-status-declined = Déclinée
intro-answer-explain = Si vous acceptez, les deux villes verront le contact de l’autre ici et par courriel. Si vous déclinez, elles en seront informées, sans motif.
intro-accept = Accepter
intro-decline = Décliner
intro-waiting = En attente de la réponse de { $city }.
intro-program-team = l’équipe du programme Peerhall
intro-contacts = Contacts
intro-contacts-explain = Écrivez-vous directement. Un fil privé du forum pour vos deux villes remplacera ceci à l’ouverture du forum.
intro-section = Mises en relation
intro-received = Demandées à votre ville
intro-sent = Demandées par votre ville
intro-none = Aucune pour l’instant.
intro-mail-request-subject = { $from } demande une mise en relation avec { $to }
intro-mail-request-body = { $topic ->
    [none] { $person }, de { $from }, aimerait être mis(e) en relation avec { $to }.
   *[other] { $person }, de { $from }, aimerait être mis(e) en relation avec { $to } pour apprendre comment vous faites : { $topic }.
}
intro-mail-request-contacts = Si vous acceptez, chacun recevra le nom et l’adresse électronique de l’autre. Vous recevez ce message parce que vous répondez pour cette ville sur Peerhall.
intro-mail-request-button = Accepter ou décliner
intro-mail-accepted-subject = Mise en relation acceptée : { $city }
intro-mail-accepted-body = { $to } a accepté votre demande. Vous pouvez écrire à { $person } à l’adresse { $email }.
intro-mail-declined-subject = Mise en relation déclinée : { $city }
intro-mail-declined-body = { $to } a décliné votre demande cette fois-ci.
intro-mail-copy-body = Vous avez accepté la demande de { $from }. Vous pouvez écrire à { $person } à l’adresse { $email }.
intro-mail-see = Voir la mise en relation

## Forum

forum-title = Forum
forum-intro = Demandez à des collègues d'autres villes comment ils ont fait, et retrouvez ce qui a déjà reçu une réponse.
forum-views = Vues du forum
forum-latest = Récents
forum-unanswered = Sans réponse
forum-unanswered-intro = Les questions auxquelles personne n'a encore répondu.
forum-answerable = Questions auxquelles vous pouvez répondre
forum-answerable-intro = Questions ouvertes sur des critères que votre ville remplit.
forum-spaces = Espaces
forum-category-general = Général
forum-category-announcements = Annonces
forum-city-space = { $city } (privé)
forum-city-space-intro = Seuls les membres de votre ville et l'équipe du programme voient cet espace.
forum-new-thread = Lancer une discussion
forum-post-thread = Publier la discussion
forum-similar-check = Chercher d’abord des questions semblables
forum-similar-title = Questions semblables
forum-similar-hint = Quelqu’un l’a peut-être déjà demandé. Ces discussions ont des titres proches du vôtre :
forum-similar-none = Aucune question semblable. Vous pouvez publier la vôtre.
similar-error-empty = Écrivez d’abord un titre ou quelques mots : c’est avec eux que l’on cherche des questions semblables.
similar-error-limit = Demandez entre 1 et 20 discussions.
forum-no-threads = Aucune discussion ici pour l'instant.
forum-older = Plus anciens
forum-more-replies = Plus de réponses
forum-solved = Résolu
forum-locked = Verrouillé
forum-unread = Non lue
forum-replies = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
forum-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
forum-tags = Étiquettes
forum-tag-title = Étiquette : { $tag }
forum-person-title = Activité de { $person }
forum-former-member = Un ancien membre
forum-kind-question = Question
forum-kind-discussion = Discussion
forum-post-opening = Question de
forum-post-accepted = Réponse acceptée de
forum-post-reply = Réponse de
forum-vote = Voter pour
forum-unvote = Retirer mon vote
forum-accept = Accepter cette réponse
forum-flag = Signaler
forum-reply-heading = Votre réponse
forum-field-reply = Réponse
forum-reply-send = Publier la réponse
forum-reply-staff-only = Seule l'équipe du programme publie ici.
forum-markdown-hint = Le Markdown fonctionne : **gras**, listes, liens. Mentionnez quelqu'un avec @identifiant.
forum-field-category = Où
forum-field-kind = Type
forum-field-title = Titre
forum-field-body = Votre question ou message
forum-field-tags = Étiquettes (facultatif)
forum-tags-hint = Jusqu'à 5, séparées par des virgules : codes de critère comme dm1, et vos propres mots.
forum-field-lang = Langue
forum-watch-heading = Suivre cette discussion
forum-watch-label = Me prévenir
forum-watch-watching = De chaque réponse
forum-watch-normal = Seulement quand on me mentionne ou me répond
forum-watch-muted = Jamais
forum-watch-save = Enregistrer
forum-notifications = Notifications
forum-notifications-count = { $count ->
    [0] Notifications
   *[other] Notifications ({ $count })
}
forum-notifications-none = Rien de nouveau.
forum-notifications-mark-read = Tout marquer comme lu
forum-event-reply = { $person } a répondu dans « { $title } »
forum-event-mention = { $person } vous a mentionné dans « { $title } »
forum-event-accepted = { $person } a accepté votre réponse dans « { $title } »
forum-event-new-thread = { $person } a lancé « { $title } »
forum-flag-title = Signaler une publication à la modération
forum-flag-reason = Pourquoi ?
forum-flag-spam = Spam ou publicité
forum-flag-abusive = Injurieuse ou irrespectueuse
forum-flag-off-topic = Hors sujet
forum-flag-private-data = Divulgue des données privées ou personnelles
forum-flag-other = Autre chose (précisez ci-dessous)
forum-flag-note = Note pour la modération
forum-flag-send = Envoyer le signalement
forum-flagged-notice = Merci : la modération va examiner la publication.
forum-back-to-thread = Retour à la discussion
forum-hide = Masquer
forum-restore = Rétablir
forum-delete = Supprimer
forum-dismiss = Conserver (classer les signalements)
forum-hidden = Masquée par la modération
forum-lock = Verrouiller la discussion
forum-unlock = Déverrouiller la discussion
forum-moderation = Modération
forum-moderation-empty = Aucun signalement à examiner.
forum-error-required = Ce champ est obligatoire.
forum-error-too-long = C'est trop long.
forum-error-category = Choisissez une des catégories, ou city:<slug> pour l'espace de votre ville.
forum-error-kind = Choisissez question ou discussion.
forum-error-lang = Choisissez en, es, pt ou fr.
forum-error-view = Choisissez latest, unanswered ou answerable.
forum-error-one-filter = N'utilisez qu'un seul de category, tag, view et author.
forum-error-cursor = Ce curseur ne provient pas d'une liste ; recommencez à la première page.
forum-error-limit = Choisissez une taille de page de 1 à 100.
forum-error-flag-reason = Choisissez spam, abusive, off_topic, private_data ou other.
forum-error-locked = Cette discussion est verrouillée : elle n'accepte plus de réponses.
forum-error-not-applicable = Impossible pour cette publication (c'est la vôtre, ou ce n'est pas une réponse à cette question).
forum-error-already-flagged = Vous avez déjà signalé cette publication.
forum-error-title-reply = Seule la publication d’ouverture a un titre.
forum-error-too-many-posts = Les nouveaux comptes peuvent publier { $count } fois par heure. Patientez un peu et réessayez.
forum-error-too-fast = Vous publiez plus vite que Peerhall ne le permet. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
forum-tag-empty = Une étiquette ne peut pas être vide.
forum-tag-too-long = L'étiquette « { $item } » dépasse 32 caractères.
forum-tag-bad-characters = L'étiquette « { $item } » ne peut contenir que des lettres, des chiffres, « - », « . » et « + ».
forum-tag-too-many = Une discussion accepte au plus 5 étiquettes.
forum-tag-unknown-criterion = « { $item } » ressemble à un code de critère, mais n'existe pas dans le référentiel.

## Forum feeds and roadmap threads

forum-feed-category = Forum Peerhall : { $category }
forum-feed-tag = Forum Peerhall : étiquette { $tag }
forum-feed-link = Flux Atom
roadmap-step-threads = Discussions du forum sur { $code } :
roadmap-step-all-threads = Toutes les discussions sur { $code }
roadmap-step-ask = Poser une question à ce sujet

## Forum: editing, history and moderation log
forum-edit = Modifier
forum-edit-title = Modifier le message
forum-edit-save = Enregistrer les modifications
forum-edit-history = Les versions précédentes sont conservées et les modérateurs peuvent les lire.
forum-revisions-link = Versions précédentes
forum-revisions-title = Versions précédentes d’un message
forum-revisions-none = Ce message n’a pas été modifié.
forum-revisions-replaced = Remplacée le
forum-log-title = Journal de modération
forum-log-empty = Aucune action de modération pour l’instant.
forum-log-caption = Actions de modération, les plus récentes d’abord
forum-log-where = Discussion
forum-log-post-edit = Message modifié
forum-log-post-delete = Message supprimé
forum-log-post-hide = Message masqué
forum-log-post-restore = Message rétabli
forum-log-thread-lock = Discussion verrouillée
forum-log-thread-unlock = Discussion déverrouillée
forum-log-thread-move = Discussion déplacée
forum-log-flags-dismiss = Signalements classés
forum-log-other = Autre action
forum-move-label = Déplacer vers
forum-move = Déplacer la discussion
admin-moderation-log = Les actions de modération du forum figurent dans le journal de modération.


## Search
layout-nav-search = Rechercher
search-title = Rechercher dans le forum
search-field-q = Rechercher
search-hint = Tous les mots doivent figurer. Utilisez des "guillemets" pour une expression exacte (les mots tels qu’écrits, dans cet ordre), OR pour l’un ou l’autre mot, -mot pour exclure, et des filtres comme area:dm, criterion:DM8, tag:gis, city:boston, author:ana-souza, lang:es, after:2026-01-01 ou is:solved.
search-filters = Filtres
search-field-area = Domaine de pratique
search-any = Tous
search-field-lang = Langue
search-field-is = État
search-is-solved = Résolues
search-is-unanswered = Sans réponse
search-field-after = À partir du (date)
search-field-before = Avant le (date)
search-field-sort = Ordre
search-sort-relevance = Les plus pertinents d’abord
search-sort-latest = Les plus récents d’abord
search-submit = Rechercher
search-results = Résultats
search-total = { $count ->
    [0] Rien ne correspond à cette recherche.
    [one] Un message correspond.
   *[other] { $count } messages correspondent.
}
search-area-city = Espace de la ville
search-facets = Affiner la recherche
search-criteria = Critères
search-pages = Pages de résultats
search-previous = Page précédente
search-next = Page suivante

## Search: problems with a query
search-error-too-long = Cette recherche est trop longue : utilisez au plus 500 caractères et 32 mots ou filtres.
search-error-unclosed-quote = Des guillemets ne sont pas fermés : ajoutez les guillemets fermants " ou retirez les guillemets ouvrants.
search-error-unknown-filter = « { $arg }: » n’est pas un filtre. Utilisez area:, tag:, criterion:, city:, author:, lang:, before:, after: ou is:.
search-error-negated-filter = Les filtres ne peuvent pas être exclus : retirez le signe moins devant « { $arg }: ».
search-error-bad-area = « { $arg } » n’est pas un domaine. Utilisez dm, lc, od, pa, bf, rdc, ci, eval, general, announcements ou city.
search-error-bad-lang = « { $arg } » n’est pas une langue du forum. Utilisez en, es, pt ou fr.
search-error-bad-date = « { $arg } » n’est pas une date. Écrivez les dates sous la forme AAAA-MM-JJ, par exemple 2026-01-31.
search-error-bad-is = « is:{ $arg } » n’est pas compris. Utilisez is:solved, is:unsolved ou is:unanswered.
search-error-dangling-or = OR demande un mot ou une expression de chaque côté, comme dans : gis OR cartographie.
search-error-only-exclusions = Ajoutez au moins un mot ou un filtre à chercher : les mots précédés d’un signe moins ne font qu’écarter des résultats.
search-error-bad-sort = « { $arg } » n’est pas un ordre de tri. Utilisez relevance ou latest.

## Dates and times (chrono strftime patterns)
format-date = %-d %B %Y
format-time = %H:%M %Z

# Weekly digest
profile-use-device-zone = Utiliser le fuseau horaire de cet appareil : { $zone }
notice-subject = { $count } nouvelles réponses, mentions et acceptations sur Peerhall
notice-why = Vous recevez ces courriels parce que les avis immédiats sont activés dans votre profil Peerhall (au plus un toutes les 15 minutes).
digest-preview-title = Votre prochain résumé
digest-preview-when = Il part chaque { $day } à { $hour } ({ $zone }).
digest-preview-off = Le résumé hebdomadaire est désactivé.
digest-preview-empty = Rien à raconter pour l’instant : si rien ne se passe d’ici là, aucun résumé n’est envoyé.
profile-digest-preview = Voir votre prochain résumé
digest-list-name = Résumé hebdomadaire Peerhall
digest-subject = Votre semaine sur Peerhall : { $date }
digest-watched = Nouveautés dans ce que vous suivez
digest-answers = Réponses à vos questions
digest-could-answer = Questions auxquelles vous pourriez répondre
digest-could-answer-why = Questions sans réponse sur des critères que { $city } remplit.
digest-roadmap = Feuille de route de { $city }
digest-level = Niveau : { $level }
digest-level-none = Pas encore au niveau Argent
digest-next-level = { $count ->
    [one] Encore 1 critère pour atteindre { $level }.
   *[other] Encore { $count } critères pour atteindre { $level }.
}
digest-next-step = Prochaine étape : { $step }
digest-gained = Nouveaux critères remplis : { $criteria }
digest-lost = Critères perdus : { $criteria }
digest-peers = Villes pairs qui ont atteint un niveau
digest-peer-up = { $city } a atteint { $level }
digest-new-thread = nouveau sujet
digest-replies = { $count ->
    [one] 1 nouvelle réponse
   *[other] { $count } nouvelles réponses
}
digest-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
digest-mentioned = on vous a mentionné
digest-accepted = votre réponse a été acceptée
digest-solved = résolu
digest-more = …et { $count } de plus dans le forum
digest-why = Vous recevez ce résumé hebdomadaire parce qu’il est activé dans votre profil Peerhall.
digest-preferences = Changer le jour, l’heure ou la langue
digest-unsubscribe = Se désabonner du résumé hebdomadaire
unsubscribe-title = Se désabonner du résumé hebdomadaire ?
unsubscribe-explain = Le résumé hebdomadaire adressé à { $email } ne sera plus envoyé. Les liens de connexion, les invitations et les avis sur vos propres sujets ne changent pas, et vous pouvez réactiver le résumé dans votre profil.
unsubscribe-button = Se désabonner
unsubscribe-done-title = Vous êtes désabonné
unsubscribe-done = Vous ne recevrez plus de résumé hebdomadaire. Pour le recevoir à nouveau, activez-le dans votre profil.
unsubscribe-invalid-title = Ce lien ne fonctionne pas
unsubscribe-invalid = Le lien de désabonnement est incomplet, ou il a été envoyé à une adresse qui a changé depuis. Connectez-vous et modifiez vos préférences de courriel dans votre profil.
