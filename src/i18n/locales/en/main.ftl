## Layout
layout-skip = Skip to main content
layout-nav-main = Main
layout-nav-home = Home
layout-nav-standard = The standard
layout-nav-forum = Forum
layout-nav-language = Language
layout-footer = Peerhall { $version } · for cities working to the What Works Cities Certification standard

## Errors
error-not-found = We could not find what you asked for.
error-field-not-found = not found
error-invalid-body = The request body is not valid: see the fields for where.
error-invalid-query = The query string is not valid: see the fields for where.
error-invalid-path = The address is not valid: see the fields for where.
error-unsupported-media-type = This request needs a JSON body (Content-Type: application/json).
error-payload-too-large = This upload is too large.
error-unavailable = The service is briefly unavailable. Please try again in a moment.
error-internal = Something went wrong on our side. It has been logged; please try again.
error-field-missing = This field is required.
error-field-unknown = This field is not known here.
error-field-duplicate = This field appears twice.
error-value-unknown = “{ $value }” is not one of the accepted values: { $expected }.
error-value-type = This value has the wrong type (text, number, list…).
error-value-invalid = This value is not valid here.
error-json-syntax = The JSON is malformed at line { $line }, column { $column }.
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
standard-broadband-thresholds = Threshold: { $us }% of households in the United States and Canada, { $latam }% in Latin America.
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
error-conflict = This cannot be done now: see the fields for why.
error-unprocessable = Some fields need attention: see the fields for which.
error-too-many-requests = Too many requests. Please wait a while and try again.
error-email-invalid = Enter an email address such as name@city.gov.
error-email-too-long = An email address has at most 254 characters.
error-display-name = Enter a name of 1 to 100 characters.
error-language = Choose one of the four languages.
error-time-zone-invalid = Enter a time zone such as America/Chicago or America/Sao_Paulo.
error-digest-day = Choose a day: mon, tue, wed, thu, fri, sat or sun.
error-digest-hour = Choose an hour from 0 to 23.
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
profile-digest = Send me the weekly digest
profile-digest-day = Day of the digest
profile-digest-hour = Hour of the digest
profile-digest-hour-hint = In your time zone, above.
profile-notify-immediately = Email me at once about replies, mentions and accepted answers (at most one email every 15 minutes)
profile-undeliverable = Mail to { $email } could not be delivered, so Peerhall has stopped sending it.
profile-undeliverable-help = The receiving server refused it for good. Ask your IT team to allow mail from Peerhall, or ask an administrator to change your address; mail starts again with a new address.
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
error-city-slug = Use lower-case letters, digits and single hyphens, such as porto-alegre.
error-city-name = Enter a name of 1 to 100 characters.
error-city-country = Use the two-letter ISO country code in capitals, such as BR.
error-city-region = Choose United States and Canada, or Latin America.
error-city-population = The population cannot be negative.
error-city-exists = A city with this slug already exists.
layout-admin = Administration
layout-people = People
layout-roadmap = Roadmap
layout-peers = Peers
error-role = Choose one of the four roles.
error-invite-city = Choose the city this person works for.
admin-title = Program administration
admin-city-created = The city is created.
admin-new-city = Add a city
admin-city-slug = Identifier (used in addresses)
admin-city-name = Name
admin-city-country = Country code (ISO, two letters)
admin-city-region = Region
region-us-canada = United States and Canada
region-latin-america = Latin America
admin-city-population = Population
admin-city-language = Main language
admin-city-discoverable = Other cities may see its level and the criteria it meets
admin-create-city = Add the city
admin-invite = Invite someone
admin-invite-city-hint = Required for members and city administrators; leave empty for moderators and program staff.
admin-audit = Audit log
admin-audit-caption = The 50 most recent changes to roles, invitations, cities and tokens
admin-audit-when = When
admin-audit-who = Who
admin-audit-what = Action
admin-audit-subject = Subject
admin-audit-detail = Detail
admin-audit-cli = the command line
sign-in-password-heading = Or sign in with your password
sign-in-password = Password
sign-in-with-password = Sign in with password
error-password-wrong = That email address and password do not match an account with a password.
error-password-length = A password has 12 to 200 characters.
error-password-confirm = The two passwords are not the same.
profile-password = Password (optional)
profile-password-hint = Emailed links always work; a password of 12 or more characters is a second way in.
profile-new-password = New password
profile-confirm-password = The same password again
profile-set-password = Set the password
people-settings = City settings

## Assessment intake: problems
intake-at-cell = Line { $line }, column “{ $column }”: { $problem }
intake-at-line = Line { $line }: { $problem }
intake-unknown-code = “{ $code }” is not a criterion of this standard.
intake-duplicate = { $code } is answered more than once; keep one answer.
intake-bad-status = { $code }: “{ $status }” is not a status; use met, in_progress or not_started.
intake-evidence-long = { $code }: the evidence note is longer than { $max } characters.
intake-bad-url = { $code }: the evidence link must be a full http:// or https:// address of at most { $max } characters.
intake-missing = { $code } has no answer: every criterion needs one (met, in_progress or not_started).
intake-outcome-duplicate = { $name } is given more than once.
intake-out-of-range = { $name } must be between { $min } and { $max }.
intake-not-a-number = { $name }: “{ $value }” is not a number.
intake-unknown-outcome = “{ $name }” is not an outcome; use broadband_pct, pm25_ugm3 or the priority_ fields.
intake-bad-direction = “{ $value }” is not a direction; use at_least or at_most.
intake-indicator-long = The indicator’s name is longer than { $max } characters.
intake-priority-incomplete = The city’s own outcome also needs { $name }.
intake-unknown-area = “{ $code }” is not a practice area.
intake-unknown-standard = “{ $standard }” is not a standard Peerhall knows.
intake-csv-header = The first line must name the columns: code,status,evidence (evidence_url is optional).
intake-csv-unreadable = This is not readable CSV: { $detail }
intake-content-type = Send the assessment as application/json or as text/csv.

## Roadmap
status-met = Met
status-in-progress = In progress
status-not-started = Not started
roadmap-title = Roadmap for { $city }
roadmap-summary-heading = Summary
roadmap-summary = { $met } of { $total } criteria met ({ $percent }%).
roadmap-level = Level reached: { $level }.
roadmap-not-certified = Not yet at a certification level.
roadmap-not-certified-short = Not certified
roadmap-next-level = { $needed ->
    [one] One more criterion reaches { $level }.
   *[other] { $needed } more criteria reach { $level }.
}
roadmap-no-opportunities = No practice area is below the peers’ median.
roadmap-top-level = Platinum is the highest level: keep every criterion met.
roadmap-outcome-met = At least one outcome meets its standard.
roadmap-outcome-not-met = No outcome meets its standard yet: certification needs one.
roadmap-eligible = { $city } may apply for certification: at least 30,000 residents, in the Americas.
roadmap-ineligible = { $city } cannot apply for certification yet:
roadmap-ineligible-population = the program asks for at least 30,000 residents;
roadmap-ineligible-country = the program is open to cities in the United States, Canada, Mexico, Central and South America.
roadmap-submitted = From the assessment submitted on { $date }.
roadmap-csv = Download the steps (CSV)
roadmap-standing-heading = Where you stand
roadmap-strengths = Strengths
roadmap-opportunities = Opportunities
roadmap-area-vs-peers = { $area }: { $percent }% met; peer cities’ median { $median }%.
roadmap-no-peers = No discoverable peer city has an assessment to compare with yet.
roadmap-leading = Criteria you meet that fewer than half your peers do:
roadmap-equity-heading = Equity
roadmap-equity-intro = Disaggregated data, resident voice and vendor diversity: { $met } of { $total } criteria met.
roadmap-steps-heading = Next steps
roadmap-no-steps = Every criterion is met and an outcome meets its standard: keep them that way.
roadmap-toward = counts toward { $level }
roadmap-horizon = within { $months } months
roadmap-why-outcome = Certification needs at least one outcome that meets its standard: report broadband, air quality or a priority of your own.
roadmap-why-in-progress = Already under way: finishing it is the quickest gain.
roadmap-why-finishes-area = The last criterion left in { $area }: meeting it completes the area.
roadmap-why-priority-area = In { $area }, an area you marked as a priority.
roadmap-why-closest-area = Next in { $area }, among the areas closest to complete.
roadmap-why-balance = Keeps { $area } moving, so that no area is left behind.
roadmap-outcome-step = Meet an outcome standard
roadmap-progress-heading = Progress
roadmap-changes = Since the assessment of { $date }:
roadmap-gained = Gained
roadmap-lost = Lost
roadmap-no-changes = No change in the criteria met.
roadmap-first = This is the city’s first assessment.
roadmap-history-caption = Criteria met at each assessment
roadmap-chart-desc = A line of criteria met at each assessment, oldest first, with the Silver, Gold and Platinum thresholds as dashed lines.
roadmap-chart-table-note = The table below gives the same figures.
roadmap-areas-caption = Share of criteria met, by practice area
roadmap-areas-legend = Bars: your city. Orange marks: the median of discoverable peer cities. The table below gives the same figures.
roadmap-col-date = Date
roadmap-col-met = Criteria met
roadmap-col-level = Level
roadmap-col-area = Practice area
roadmap-col-city = Your city
roadmap-col-median = Peers’ median
roadmap-col-criterion = Criterion
roadmap-col-status = Status
roadmap-none-title = No assessment yet
roadmap-none-body = { $city } has not submitted a self-assessment yet. Its roadmap appears after the first one.

## Assessment form
assessment-form-title = Self-assessment: { $city }
assessment-form-intro = Everyone in your city works on one shared draft. Save as often as you like: each save keeps only what you changed, so a colleague's answers are never lost. Submit when every criterion has an answer.
assessment-answered = { $answered } of { $total } criteria answered.
assessment-draft-saved-by = Draft last saved { $when } by { $name }.
assessment-draft-saved = Draft last saved { $when }.
assessment-draft-from = The answers start from your assessment of { $date }.
assessment-draft-new = No answers yet: this is your city's first self-assessment.
assessment-saved = Draft saved.
assessment-overwritten = A colleague had also changed these fields since you opened the form; your answers replaced theirs: { $fields }.
assessment-areas-nav = Practice areas
assessment-about = What this criterion asks
assessment-evidence = Evidence note (optional)
assessment-evidence-url = Link to the evidence (optional)
assessment-save = Save draft
assessment-outcomes = Outcomes
assessment-outcomes-hint = For certification, at least one outcome must meet its standard. Leave blank what you do not measure.
assessment-broadband = Households with a broadband subscription (%)
assessment-pm25 = Annual mean concentration of fine particles, PM2.5 (µg/m³)
assessment-priority = Your city's own priority outcome (optional)
assessment-priority-hint = Aligned with a UN Sustainable Development Goal: give the goal, indicator, target and current value, or leave all of them blank.
assessment-priority-sdg = Sustainable Development Goal (1 to 17)
assessment-priority-indicator = Indicator
assessment-priority-target = Target
assessment-priority-value = Current value
assessment-priority-direction = The outcome is met when the value is
direction-at-least = at or above the target
direction-at-most = at or below the target
assessment-priorities = Practice areas your city puts first
assessment-priorities-hint = Steps in these areas come earlier in your roadmap.
assessment-submit-heading = Submit
assessment-submit-hint = Submitting saves your changes, checks every answer and, if all is well, stores the assessment and updates your roadmap. A submitted assessment cannot be changed: the next one starts from it.
assessment-submit = Submit the assessment
assessment-upload-heading = Or upload a CSV file
assessment-upload-hint = One line per criterion with the columns code, status and evidence (evidence_url is optional); outcomes as extra lines named broadband_pct, pm25_ugm3 or priority_…, with the value in the status column. The file is checked as a whole and submitted at once.
assessment-upload-file = CSV file
assessment-upload = Upload and submit
assessment-upload-missing = Choose a CSV file to upload.
roadmap-edit-assessment = Update the self-assessment

## Peers
peers-title = Peers of { $city }
peers-intro = Cities most like yours, from their latest self-assessments. Only cities that chose to be discoverable appear here.
peers-like-you = Peers like you
peers-like-you-hint = The most similar cities, those one level ahead of yours first.
peers-can-help = Cities you can help
peers-can-help-hint = Discoverable cities that do not yet meet criteria your city meets.
peers-none = No discoverable city matches yet.
peers-criterion-heading = Peers for one criterion
peers-criterion-label = Criterion
peers-criterion-show = Show the peers
peers-criterion-results = Cities that meet { $code }
peers-bad-limit = The limit must be between 1 and { $max }.
peers-reason-meets-since = meets { $code } since { $year }
peers-reason-meets = meets { $code }
peers-reason-level-ahead = one level ahead ({ $level })
peers-reason-same-level = same level ({ $level })
peers-reason-in-common = { $common } of your { $of } criteria in common
peers-reason-similar-size = similar size
peers-reason-language = { $language ->
    [es] also Spanish-speaking
    [pt] also Portuguese-speaking
    [fr] also French-speaking
   *[en] also English-speaking
}
peers-reason-region = { $region ->
    [latin_america] also in Latin America
   *[us_canada] also in the United States and Canada
}
peers-reason-can-help = { $count ->
    [one] lacks one criterion yours meets
   *[other] lacks { $count } criteria yours meets
}
roadmap-step-peers = Cities like yours that meet { $code }:

## Introductions between peer cities
city-accepts-introductions = Peer cities may ask us for an introduction
intro-ask-link = Ask { $city } for an introduction
intro-ask-title = Ask { $city } for an introduction
intro-ask-explain = Peerhall will write to the people who answer for { $city }. If they accept, you will both see each other's name and email address here and by email.
intro-closed = { $city } is not taking introduction requests at the moment.
intro-about = About:
intro-message-label = A note for them (optional)
intro-message-hint = What you would like to learn, and who you are. At most { $max } characters.
intro-message-too-long = The note is too long: shorten it to 2,000 characters or fewer.
intro-ask-send = Send the request
intro-back-to-peers = Back to your peers
intro-already-asked = Your city has already asked this city for an introduction.
intro-declined-recently = This city declined your city's request less than 90 days ago.
intro-too-many = { $count ->
    [one] You can ask for one introduction a day. Please try again tomorrow.
   *[other] You can ask for { $count } introductions a day. Please try again tomorrow.
}
intro-no-one = Nobody can answer for this city on Peerhall yet, so it cannot be asked for now.
intro-see-earlier = See the earlier request
intro-title = Introduction: { $from } and { $to }
intro-asked = Your request is sent. You will hear by email when they answer.
intro-already-answered = This request has already been answered.
intro-asked-by = Asked by { $person } ({ $city }) on { $date }.
intro-answered-on = answered on { $date }
intro-status-pending = Waiting for an answer
intro-status-accepted = Accepted
intro-status-declined = Declined
intro-answer-explain = If you accept, both cities will see each other's contact here and by email. If you decline, they will be told, without any reason given.
intro-accept = Accept
intro-decline = Decline
intro-waiting = Waiting for { $city } to answer.
intro-program-team = the Peerhall program team
intro-contacts = Contacts
intro-contacts-explain = Write to each other directly. A private forum thread for your two cities will replace this once the forum opens.
intro-section = Introductions
intro-received = Asked of your city
intro-sent = Asked by your city
intro-none = None yet.
intro-mail-request-subject = { $from } asks { $to } for an introduction
intro-mail-request-body = { $topic ->
    [none] { $person } from { $from } would like to be introduced to { $to }.
   *[other] { $person } from { $from } would like to be introduced to { $to }, to learn how you do { $topic }.
}
intro-mail-request-contacts = If you accept, you will both get each other's name and email address. You get this message because you answer for this city on Peerhall.
intro-mail-request-button = Accept or decline
intro-mail-accepted-subject = Introduction accepted: { $city }
intro-mail-accepted-body = { $to } accepted your request. You can write to { $person } at { $email }.
intro-mail-declined-subject = Introduction declined: { $city }
intro-mail-declined-body = { $to } declined your request this time.
intro-mail-copy-body = You accepted { $from }'s request. You can write to { $person } at { $email }.
intro-mail-see = See the introduction

## Forum

forum-title = Forum
forum-intro = Ask practitioners in other cities how they did it, and find what was already answered.
forum-views = Forum views
forum-latest = Latest
forum-unanswered = Unanswered
forum-unanswered-intro = Questions nobody has replied to yet.
forum-answerable = Questions you can answer
forum-answerable-intro = Open questions about criteria your city meets.
forum-spaces = Spaces
forum-category-general = General
forum-category-announcements = Announcements
forum-city-space = { $city } (private)
forum-city-space-intro = Only your city's people and program staff can see this space.
forum-new-thread = Start a thread
forum-post-thread = Post the thread
forum-similar-check = Look for similar questions first
forum-similar-title = Similar questions
forum-similar-hint = Someone may have asked already. These threads have titles like yours:
forum-similar-none = No similar questions found. Go ahead and post yours.
similar-error-empty = Write a title or a few words first: they are what similar questions are looked for by.
similar-error-limit = Ask for between 1 and 20 threads.
forum-no-threads = No threads here yet.
forum-older = Older
forum-more-replies = More replies
forum-solved = Solved
forum-locked = Locked
forum-unread = Unread
forum-replies = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
forum-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
forum-tags = Tags
forum-tag-title = Tag: { $tag }
forum-person-title = { $person }'s activity
forum-former-member = A former member
forum-kind-question = Question
forum-kind-discussion = Discussion
forum-post-opening = Asked by
forum-post-accepted = Accepted answer by
forum-post-reply = Reply by
forum-vote = Vote up
forum-unvote = Withdraw vote
forum-accept = Accept this answer
forum-flag = Flag
forum-reply-heading = Your reply
forum-field-reply = Reply
forum-reply-send = Post the reply
forum-reply-staff-only = Only program staff post here.
forum-markdown-hint = Markdown works: **bold**, lists, links. Mention someone with @handle.
forum-field-category = Where
forum-field-kind = Kind
forum-field-title = Title
forum-field-body = Your question or message
forum-field-tags = Tags (optional)
forum-tags-hint = Up to 5, separated by commas: criterion codes such as dm1, and your own words.
forum-field-lang = Language
forum-watch-heading = Following this thread
forum-watch-label = Notify me
forum-watch-watching = Of every reply
forum-watch-normal = Only when someone mentions me or answers me
forum-watch-muted = Never
forum-watch-save = Save
forum-notifications = Notifications
forum-notifications-count = { $count ->
    [0] Notifications
   *[other] Notifications ({ $count })
}
forum-notifications-none = Nothing new.
forum-notifications-mark-read = Mark all as read
forum-event-reply = { $person } replied in “{ $title }”
forum-event-mention = { $person } mentioned you in “{ $title }”
forum-event-accepted = { $person } accepted your answer in “{ $title }”
forum-event-new-thread = { $person } started “{ $title }”
forum-flag-title = Flag a post for the moderators
forum-flag-reason = Why?
forum-flag-spam = Spam or advertising
forum-flag-abusive = Abusive or disrespectful
forum-flag-off-topic = Off topic
forum-flag-private-data = Shares private or personal data
forum-flag-other = Something else (say what below)
forum-flag-note = Note for the moderators
forum-flag-send = Send the flag
forum-flagged-notice = Thank you: the moderators will look at it.
forum-back-to-thread = Back to the thread
forum-hide = Hide
forum-restore = Restore
forum-delete = Delete
forum-dismiss = Keep it (dismiss the flags)
forum-hidden = Hidden by a moderator
forum-lock = Lock the thread
forum-unlock = Unlock the thread
forum-moderation = Moderation
forum-moderation-empty = No flags to review.
forum-error-required = This field is required.
forum-error-too-long = This is too long.
forum-error-category = Choose one of the categories, or city:<slug> for your city's space.
forum-error-kind = Choose question or discussion.
forum-error-lang = Choose en, es, pt or fr.
forum-error-view = Choose latest, unanswered or answerable.
forum-error-one-filter = Use only one of category, tag, view and author.
forum-error-cursor = This cursor is not one a list gave out; start again from the first page.
forum-error-limit = Choose a page size from 1 to 100.
forum-error-flag-reason = Choose spam, abusive, off_topic, private_data or other.
forum-error-locked = This thread is locked: it takes no more replies.
forum-error-not-applicable = This cannot be done to this post (your own post, or not a reply to this question).
forum-error-already-flagged = You have already flagged this post.
forum-error-title-reply = Only the opening post has a title.
forum-error-too-many-posts = New accounts may post { $count } times an hour. Please wait a little and try again.
forum-error-too-fast = You are posting faster than Peerhall allows. Please try again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
forum-tag-empty = A tag cannot be empty.
forum-tag-too-long = The tag “{ $item }” is longer than 32 characters.
forum-tag-bad-characters = The tag “{ $item }” may contain only letters, digits, “-”, “.” and “+”.
forum-tag-too-many = A thread takes at most 5 tags.
forum-tag-unknown-criterion = “{ $item }” looks like a criterion code but is not one in the standard.

## Forum feeds and roadmap threads

forum-feed-category = Peerhall forum: { $category }
forum-feed-tag = Peerhall forum: tag { $tag }
forum-feed-link = Atom feed
roadmap-step-threads = Forum threads about { $code }:
roadmap-step-all-threads = All threads about { $code }
roadmap-step-ask = Ask about this

## Forum: editing, history and moderation log
forum-edit = Edit
forum-edit-title = Edit post
forum-edit-save = Save changes
forum-edit-history = Earlier versions are kept and moderators can read them.
forum-revisions-link = Earlier versions
forum-revisions-title = Earlier versions of a post
forum-revisions-none = This post has not been edited.
forum-revisions-replaced = Replaced
forum-log-title = Moderation log
forum-log-empty = No moderation actions yet.
forum-log-caption = Moderation actions, newest first
forum-log-where = Thread
forum-log-post-edit = Post edited
forum-log-post-delete = Post deleted
forum-log-post-hide = Post hidden
forum-log-post-restore = Post restored
forum-log-thread-lock = Thread locked
forum-log-thread-unlock = Thread unlocked
forum-log-thread-move = Thread moved
forum-log-flags-dismiss = Flags dismissed
forum-log-other = Other action
forum-move-label = Move to
forum-move = Move thread
admin-moderation-log = Forum moderation actions are in the moderation log.


## Search
layout-nav-search = Search
search-title = Search the forum
search-field-q = Search for
search-hint = All words must match. Use "quotes" for an exact phrase (words as written, in that order), OR for either word, -word to leave out, and filters such as area:dm, criterion:DM8, tag:gis, city:boston, author:ana-souza, lang:es, after:2026-01-01 or is:solved.
search-filters = Filters
search-field-area = Practice area
search-any = Any
search-field-lang = Language
search-field-is = Status
search-is-solved = Solved
search-is-unanswered = Unanswered
search-field-after = From (date)
search-field-before = Before (date)
search-field-sort = Order
search-sort-relevance = Most relevant first
search-sort-latest = Newest first
search-submit = Search
search-results = Results
search-total = { $count ->
    [0] Nothing matches this search.
    [one] One post matches.
   *[other] { $count } posts match.
}
search-area-city = City space
search-facets = Narrow the search
search-criteria = Criteria
search-pages = Result pages
search-previous = Previous page
search-next = Next page

## Search: problems with a query
search-error-too-long = This search is too long: use at most 500 characters and 32 words or filters.
search-error-unclosed-quote = A quotation mark is not closed: add the closing " or remove the opening one.
search-error-unknown-filter = “{ $arg }:” is not a filter. Use area:, tag:, criterion:, city:, author:, lang:, before:, after: or is:.
search-error-negated-filter = Filters cannot be excluded: remove the minus sign before “{ $arg }:”.
search-error-bad-area = “{ $arg }” is not an area. Use dm, lc, od, pa, bf, rdc, ci, eval, general, announcements or city.
search-error-bad-lang = “{ $arg }” is not a language of the forum. Use en, es, pt or fr.
search-error-bad-date = “{ $arg }” is not a date. Write dates as YYYY-MM-DD, for example 2026-01-31.
search-error-bad-is = “is:{ $arg }” is not understood. Use is:solved, is:unsolved or is:unanswered.
search-error-dangling-or = OR needs a word or phrase on each side, as in: gis OR mapping.
search-error-only-exclusions = Add at least one word or filter to search for: words with a minus sign only leave things out.
search-error-bad-sort = “{ $arg }” is not a sort order. Use relevance or latest.

## Dates and times (chrono strftime patterns)
format-date = %B %-d, %Y
format-time = %-I:%M %p %Z

# Weekly digest
profile-use-device-zone = Use this device's time zone: { $zone }
notice-subject = { $count } new replies, mentions and answers on Peerhall
notice-why = You receive these emails because immediate notices are on in your Peerhall profile (at most one every 15 minutes).
digest-preview-title = Your next digest
digest-preview-when = It goes out every { $day } at { $hour } ({ $zone }).
digest-preview-off = The weekly digest is off.
digest-preview-empty = Nothing to tell yet: if nothing happens before it is due, no digest is sent.
profile-digest-preview = Preview your next digest
digest-list-name = Peerhall weekly digest
digest-subject = Your Peerhall week of { $date }
digest-watched = New where you watch
digest-answers = Answers to your questions
digest-could-answer = Questions you could answer
digest-could-answer-why = Unanswered questions about criteria { $city } meets.
digest-roadmap = { $city }'s roadmap
digest-level = Level: { $level }
digest-level-none = Not yet at Silver
digest-next-level = { $count ->
    [one] 1 more criterion reaches { $level }.
   *[other] { $count } more criteria reach { $level }.
}
digest-next-step = Next step: { $step }
digest-gained = Newly met: { $criteria }
digest-lost = No longer met: { $criteria }
digest-peers = Peer cities that reached a level
digest-peer-up = { $city } reached { $level }
digest-new-thread = new thread
digest-replies = { $count ->
    [one] 1 new reply
   *[other] { $count } new replies
}
digest-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
digest-mentioned = you were mentioned
digest-accepted = your answer was accepted
digest-solved = solved
digest-more = …and { $count } more in the forum
digest-why = You receive this weekly digest because it is on in your Peerhall profile.
digest-preferences = Change its day, hour or language
digest-unsubscribe = Unsubscribe from the weekly digest
unsubscribe-title = Unsubscribe from the weekly digest?
unsubscribe-explain = The weekly digest to { $email } will stop. Sign-in links, invitations and notices about your own threads are not affected, and you can turn the digest back on in your profile.
unsubscribe-button = Unsubscribe
unsubscribe-done-title = You are unsubscribed
unsubscribe-done = No more weekly digests will be sent. To receive them again, turn the digest on in your profile.
unsubscribe-invalid-title = This link does not work
unsubscribe-invalid = The unsubscribe link is incomplete, or it was sent to an address that has since changed. Sign in and change your mail preferences in your profile.
