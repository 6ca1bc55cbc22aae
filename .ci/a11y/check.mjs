// Peerhall's accessibility check: every page in pages.txt, in four languages, and
// every mail sent meanwhile, through the W3C Nu HTML checker (0 errors) and axe-core
// in headless Chromium (0 violations of WCAG 2.1 A and AA). Started by ./run, which
// provides a seeded server and the actors' API tokens.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';

const require = createRequire(import.meta.url);
const here = new URL('.', import.meta.url).pathname;
const LANGS = ['en', 'es', 'pt', 'fr'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const env = process.env;
const base = env.A11Y_BASE_URL;
const outbox = env.A11Y_OUTBOX;
const city = env.A11Y_CITY;
const tokens = JSON.parse(env.A11Y_TOKENS);
const shots = env.A11Y_SCREENSHOTS || null;
const htmlDir = mkdtempSync(join(tmpdir(), 'peerhall-a11y-'));
const failures = [];

let checked = 0;

/** pages.txt as [{actor, path, status, post, button, fields, screenshot}]. */
function readPages() {
  return readFileSync(join(here, 'pages.txt'), 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [actor, path, ...options] = line.split(/\s+/);
      const page = { actor, path, status: 200, post: null, button: null, fields: {}, screenshot: null };
      for (const option of options) {
        const [key, ...rest] = option.split('=');
        const value = rest.join('=');
        if (key === 'status') page.status = Number(value);
        else if (key === 'post') page.post = value;
        else if (key === 'screenshot') page.screenshot = value;
        else if (key === 'button') page.button = value;
        else page.fields[key] = value;
      }
      if (!(actor in tokens) && actor !== 'anonymous') throw new Error(`pages.txt: unknown actor ${actor}`);
      return page;
    });
}

/** A browser context speaking `lang` (set through the language switcher) as `actor`. */
async function contextFor(browser, actor, lang) {
  const extraHTTPHeaders = actor === 'anonymous' ? {} : { Authorization: `Bearer ${tokens[actor]}` };
  // The pages forbid inline scripts; bypassing CSP lets axe's script in.
  const context = await browser.newContext({ bypassCSP: true, extraHTTPHeaders, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const switched = await page.goto(`${base}/language/${lang}?next=/`);
  if (switched.status() !== 200) throw new Error(`language switch to ${lang}: ${switched.status()}`);
  return { context, page };
}

/** Every mail in the outbox, parsed. */
async function mails() {
  const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  return Promise.all(files.map(async (file) => {
    const parsed = await PostalMime.parse(readFileSync(join(outbox, file)));
    return { file, parsed };
  }));
}

/** The path of a `/kind/…` link in any mail (opening one does not use it up). */
async function linkFromMail(kind) {
  for (const { parsed } of await mails()) {
    const match = (parsed.text || '').match(new RegExp(`https?://[^\\s]+/${kind}/[A-Za-z0-9_-]+`));
    if (match) return new URL(match[0]).pathname;
  }
  throw new Error(`no mail with a /${kind}/ link in ${outbox}`);
}

/** Has Peerhall send a sign-in link and an invitation, for the pages behind them. */
async function sendSetupMails(browser) {
  const anonymous = await contextFor(browser, 'anonymous', 'en');
  // One sign-in mail per language: each reader speaks one.
  for (const email of env.A11Y_SIGN_IN_EMAILS.split(',')) {
    await submit(anonymous.page, '/sign-in', '/sign-in', { email });
  }
  await anonymous.context.close();
  const admin = await contextFor(browser, 'program_admin', 'en');
  await submit(admin.page, '/admin', '/admin/invitations',
    { email: 'invitee@a11y.test', display_name: 'Invitee', role: 'member', city });
  await admin.context.close();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // mail goes out off-thread
  return { '{sign-in-link}': await linkFromMail('sign-in'), '{invitation-link}': await linkFromMail('invitations') };
}

function fill(text, links) {
  let out = text.replaceAll('{city}', city);
  for (const [key, value] of Object.entries(links)) out = out.replaceAll(key, value);
  return out;
}

/** Opens `path`, fills the form posting to `action` with `fields`, submits it. */
async function submit(page, path, action, fields, button) {
  await page.goto(base + path);
  const form = page.locator(`main form[action="${action}"]`).first();
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name="${name}"]`).first();
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  const [response] = await Promise.all([
    page.waitForNavigation(),
    form.locator(button ? `button[value="${button}"]` : 'button[type="submit"], input[type="submit"]').first().click(),
  ]);
  return response;
}

function nameOf(path, post) {
  const slug = path.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') || 'home';
  return post ? `${slug}-post` : slug;
}

async function runAxe(page, label) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
    failures.push(`${label}: axe ${v.id} (${v.impact}): ${v.help} at ${where}`);
  }
}

/** In-page links (error summaries, the skip link) reach their targets. */
async function checkContent(page, label) {
  const broken = await page.evaluate(() => [...document.querySelectorAll('a[href^="#"]')]
    .map((a) => a.getAttribute('href').slice(1))
    .filter((id) => id && !document.getElementById(decodeURIComponent(id))));
  for (const id of broken) failures.push(`${label}: a link to #${id}, which is not on the page`);
}

async function checkPage(browser, entry, lang, links, seen) {
  const path = fill(entry.path, links);
  const label = `${lang} ${entry.actor} ${entry.path}${entry.post ? ` post=${entry.post}` : ''}`;
  const { context, page } = await contextFor(browser, entry.actor, lang);
  try {
    const response = entry.post
      ? await submit(page, path, fill(entry.post, links), entry.fields, entry.button)
      : await page.goto(base + path);
    if (response.status() !== entry.status) failures.push(`${label}: status ${response.status()}, expected ${entry.status}`);
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) failures.push(`${label}: <html lang="${htmlLang}">, expected ${lang}`);
    await checkContent(page, label);
    const file = `${lang}-${entry.actor}-${nameOf(entry.path, entry.post)}${seen.has(label) ? '-2' : ''}.html`;
    seen.add(label);
    writeFileSync(join(htmlDir, file), await response.text());
    await runAxe(page, label);
    if (shots && entry.screenshot === lang) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `${nameOf(entry.path)}-${lang}.png`) });
    }
    checked += 1;
  } catch (error) {
    failures.push(`${label}: ${error.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

async function checkMails(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const { file, parsed } of await mails()) {
    const label = `mail ${file} "${parsed.subject}"`;
    if (!parsed.html) { failures.push(`${label}: no HTML part`); continue; }
    writeFileSync(join(htmlDir, `mail-${file}.html`), parsed.html);
    await page.setContent(parsed.html);
    await runAxe(page, label);
    checked += 1;
  }
  await context.close();
}

/** The W3C Nu HTML checker over every saved document at once (one JVM start). */
function runVnu() {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const { status, stderr, error } = spawnSync('java',
    ['-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', htmlDir],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (error || status !== 0) {
    failures.push(`the Nu HTML checker did not run: ${error?.message ?? stderr}`);
    return;
  }
  for (const m of JSON.parse(stderr).messages) {
    if (m.type === 'error' || m.subType === 'fatal') {
      failures.push(`vnu ${m.url.split('/').pop()}:${m.lastLine ?? '?'}: ${m.message}`);
    }
  }
}

async function main() {
  const pages = readPages();
  const browser = await chromium.launch({ executablePath: env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const links = await sendSetupMails(browser);
  const seen = new Set();
  for (const lang of LANGS) {
    for (const entry of pages) await checkPage(browser, entry, lang, links, seen);
  }
  await checkMails(browser);
  await browser.close();
  runVnu();
  console.log(`checked ${checked} documents (${pages.length} pages x ${LANGS.length} languages, and mails); HTML kept in ${htmlDir}`);
  if (failures.length) {
    console.error(`${failures.length} problem(s):\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('0 Nu HTML checker errors, 0 axe WCAG 2.1 A/AA violations');
}

main().catch((error) => { console.error(error); process.exit(1); });
