// Real-browser test of a built site (playwright-core driving Debian's chromium).
// Usage: node site_test.js BASE_URL ARTIFACT_DIR
// Checks: severity filter narrows the index, "/" focuses search, a search for
// an alert name finds its runbook, the FLUSHDB line carries a danger marker,
// no console errors, and the hostile runbook executes nothing.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, artifacts] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runbookc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const problems = [];
  const dialogs = [];
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  try {
    // Index: the severity filter narrows the table.
    await page.goto(`${base}/index.html`);
    const visible = () => page.locator('#runbook-table tbody tr:not(.group-head):not([hidden])').count();
    const all = await visible();
    await page.selectOption('select[name=severity]', 'P1');
    const p1 = await visible();
    const wrong = await page.locator('#runbook-table tbody tr:not(.group-head):not([hidden]):not([data-severity="P1"])').count();
    check(p1 > 0 && p1 < all && wrong === 0, `severity filter narrows the index (${all} → ${p1})`);
    await page.selectOption('select[name=severity]', '');
    check(await visible() === all, 'clearing the filter shows every runbook again');

    // "/" focuses the search box; an alert name finds its runbook first.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'site-search', '"/" focuses search');
    await page.keyboard.type('SessionStoreLatencyHigh');
    const first = page.locator('#site-search-results li a').first();
    await first.waitFor({ timeout: 5000 });
    check(/runbooks\/redis-session-store\.html$/.test(await first.getAttribute('href')), 'alert name search finds its runbook first');
    await page.fill('#site-search', 'sesion stor');  // typo and prefix
    await page.waitForFunction(() => /redis-session-store/.test(
      (document.querySelector('#site-search-results li a') || {}).href || ''), null, { timeout: 5000 });
    check(true, 'typo and prefix tolerant search');

    // Runbook page: FLUSHDB line marked as dangerous; screenshot kept.
    await page.goto(`${base}/runbooks/redis-session-store.html`);
    const flagged = page.locator('.line.danger', { hasText: 'FLUSHDB' });
    check(await flagged.count() >= 1, 'FLUSHDB line carries a danger marker');
    check(await page.locator('.danger-panel').count() >= 1, 'declared danger shown as a warning panel');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'runbook-page.png'), fullPage: false });
    const step = page.locator('.step', { hasText: 'FLUSHDB' }).first();
    await step.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'runbook-danger-step.png'), fullPage: false });

    // Hostile runbook: nothing from its content may execute.
    await page.goto(`${base}/runbooks/hostile.html`);
    await page.waitForTimeout(300);
    const report = await page.evaluate(() => {
      const scripts = [...document.scripts].map((s) => s.getAttribute('src') || 'inline');
      const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length;
      const badLinks = [...document.querySelectorAll('[href],[src]')].filter((e) =>
        /^\s*(javascript|vbscript|data):/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length;
      return { scripts, handlers, badLinks, title: document.title, pwned: window.pwned === true };
    });
    check(report.scripts.every((s) => /^\.\.\/assets\/[a-z-]+(\/[a-z-]+)?\.js$/.test(s)), `only the site's own scripts (${report.scripts.join(', ')})`);
    check(report.handlers === 0, 'no event-handler attributes from content');
    check(report.badLinks === 0, 'javascript:/vbscript:/data: URLs neutralised');
    check(report.title.includes('<script>'), 'hostile title shown as text');
    check(!report.pwned, 'no content script ran');
    await page.fill('#site-search', 'hostile');
    await page.locator('#site-search-results li a').first().waitFor({ timeout: 5000 });
    await page.waitForTimeout(200);
    check(dialogs.length === 0, `no dialog opened (${dialogs.join(' | ')})`);
    check(problems.length === 0, `no console errors${problems.length ? ': ' + problems.join(' | ') : ''}`);
  } catch (e) {
    check(false, `browser run: ${e.message}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${failures.length ? 'FAILED' : 'passed'}: ${failures.length} failure(s)`);
  process.exit(failures.length ? 1 : 0);
})();
