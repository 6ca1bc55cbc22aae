## Layout
layout-skip = Skip to main content
layout-nav-main = Main
layout-nav-home = Home
layout-nav-standard = The standard
layout-nav-language = Language
layout-footer = Peerhall { $version } · for cities working to the What Works Cities Certification standard

## Errors
error-not-found = We could not find what you asked for.
error-field-not-found = not found
error-invalid-body = The request body is not valid: see the fields for where.
error-invalid-query = The query string is not valid: see the fields for where.
error-invalid-path = The address is not valid: see the fields for where.
error-unsupported-media-type = This request needs a JSON body (Content-Type: application/json).
error-unavailable = The service is briefly unavailable. Please try again in a moment.
error-internal = Something went wrong on our side. It has been logged; please try again.
error-page-title = Sorry
error-page-home = Go to the home page

## Home
home-title = Peerhall
home-lead = Where city staff see how close they are to What Works Cities Certification, what to do next, and who has already done it.
home-jobs-heading = What Peerhall does
home-job-roadmaps = Roadmaps: score your self-assessment, see your level and an ordered list of next steps.
home-job-peers = Peers: for every step, the cities most like yours that already do it well.
home-job-forum = Forum: ask and answer practitioners' questions, in four languages.
home-job-digests = Digests: a weekly email with what is new where you watch.
home-read-standard = Read the standard's criteria and guidance
home-cities-heading = Cities
home-cities-summary = { $cities ->
    [one] One city
   *[other] { $cities } cities
} on Peerhall, { $certified } certified; { $assessments ->
    [one] one self-assessment
   *[other] { $assessments } self-assessments
} submitted.
home-no-cities = No city has been certified here yet.
home-cities-caption = Certified cities, highest level first
home-col-city = City
home-col-country = Country
home-col-level = Level
home-col-year = Since
demo-banner-title = Demo data.
demo-banner = The certified cities and years come from public announcements; every city's answers and assessment history shown here are synthetic, and the cities not yet certified are fictional.
demo-tag = demo

## Standard
standard-criteria-count = { $count } criteria in { $areas } practice areas. One point per criterion met; the level follows the share of criteria met.
standard-levels-heading = Certification levels
standard-levels-caption = Criteria a city must meet for each level
standard-level = Level
standard-min-percent = Minimum share
standard-min-met = Minimum criteria met
standard-min-met-value = { $met } of { $total }
standard-outcomes-heading = Outcomes
standard-outcomes-intro = Beyond the practices, a city must meet an internationally recognised standard on at least one of these outcomes.
standard-broadband-thresholds = Threshold: { $us } % of households in the United States and Canada, { $latam } % in Latin America.
standard-pm25-target = Target on this service: { $target } µg/m³.
standard-areas-heading = Practice areas and criteria
standard-areas-nav = Practice areas
standard-guidance = Practical guidance

## Accounts
layout-sign-in = Sign in
layout-sign-out = Sign out
form-error-summary = There is a problem
error-unauthorized = Sign in, or send a valid API token, to see this.
error-forbidden = You do not have access to this.
error-csrf = This form has expired or did not come from Peerhall. Go back, reload the page and try again.
error-gone = This link has expired or was already used. Ask for a new one.
error-unprocessable = Some fields need attention: see the fields for which.
error-too-many-requests = Too many requests. Please wait a while and try again.
error-email-invalid = Enter an email address such as name@city.gov.
error-email-too-long = An email address has at most 254 characters.
error-display-name = Enter a name of 1 to 100 characters.
error-language = Choose one of the four languages.
error-time-zone-invalid = Enter a time zone such as America/Chicago or America/Sao_Paulo.
sign-in-title = Sign in
sign-in-intro = Enter your email address and we will send you a link to sign in. The link works once, for 15 minutes.
sign-in-email = Email address
sign-in-send = Send me a sign-in link
sign-in-check-title = Check your email
sign-in-check-body = If an account exists for that address, a sign-in link is on its way. It works once, for 15 minutes.
sign-in-slow-down-title = Please slow down
sign-in-confirm-title = Finish signing in
sign-in-confirm-body = Press the button to sign in on this device.
sign-in-confirm-button = Sign in
mail-greeting = Hello { $name },
mail-sign-in-subject = Your Peerhall sign-in link
mail-sign-in-body = Use this link to sign in to Peerhall. It works once, for 15 minutes.
mail-sign-in-button = Sign in to Peerhall
mail-sign-in-ignore = If you did not ask to sign in, ignore this email: nothing happens without the link.
profile-title = Your profile
profile-saved = Your changes are saved.
profile-email = Email
profile-city = City
profile-role = Role
profile-preferences = Preferences
profile-display-name = Name
profile-language = Language
profile-time-zone = Time zone
profile-time-zone-hint = An IANA name, such as America/Bogota, America/Toronto or America/Sao_Paulo.
profile-save = Save
profile-email-prefs = Email preferences
profile-email-prefs-later = Weekly digest settings will appear here.
role-member = Member
role-city-admin = City administrator
role-moderator = Moderator
role-program-admin = Program administrator
tokens-title = API tokens
tokens-intro = Tokens let scripts use the Peerhall API as you (Authorization: Bearer). Treat them like passwords.
tokens-created = Your new token, shown only this once:
tokens-none = You have no API tokens.
tokens-caption = Your API tokens
tokens-name = Name
tokens-created-at = Created
tokens-last-used = Last used
tokens-never = never
tokens-actions = Actions
tokens-revoke = Revoke
tokens-revoke-named = Revoke the token { $name }
tokens-new-name = Name of a new token
tokens-create = Create a token
tokens-default-name = token
people-title = People of { $city }
people-caption = Everyone with an account for this city
people-invite = Invite a colleague
people-send-invitation = Send the invitation
people-invited = The invitation is on its way.
error-invite-role = Choose member or city administrator.
error-invite-exists = This address already has an account.
invitation-title = Welcome to Peerhall
invitation-intro = Choose your name, language and time zone; then you are signed in.
invitation-accept = Accept and sign in
mail-invitation-subject = You are invited to Peerhall for { $city }
mail-invitation-body = { $inviter } invites you to join { $city } on Peerhall, where cities working to the What Works Cities standard plan their next steps and learn from their peers.
mail-invitation-button = Accept the invitation
mail-invitation-expiry = The link works once, for 7 days.
