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
