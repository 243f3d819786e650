// Real-browser test of a built site (playwright-core driving Debian's chromium).
// Usage: node site_test.js BASE_URL ARTIFACT_DIR
// Checks: severity filter narrows the index, "/" focuses search, a search for
// an alert name finds its runbook, a search for body prose lands on its
// section with a marked snippet and the runbook's path, the lint report's
// summary and filters, the FLUSHDB line carries a danger marker, no console
// errors, and the hostile runbook executes nothing.
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

    // Section search: body prose lands on its section's anchor, with a snippet
    // marking the word and the runbook's path; title matches rank first.
    const results = () => page.evaluate(() => [...document.querySelectorAll('#site-search-results li a')].map((a) => ({
      href: a.getAttribute('href'),
      more: a.parentNode.classList.contains('result-more'),
      title: (a.querySelector('.result-title') || {}).textContent || '',
      meta: (a.querySelector('.result-meta') || {}).textContent || '',
      section: (a.querySelector('.result-section') || {}).textContent || '',
      snippet: (a.querySelector('.result-snippet') || {}).textContent || '',
      marks: [...a.querySelectorAll('.result-snippet mark')].map((m) => m.textContent),
      images: a.querySelectorAll('img').length,
    })));
    const searchFor = async (query, hrefPattern) => {
      await page.fill('#site-search', query);
      await page.waitForFunction((p) => new RegExp(p).test(
        (document.querySelector('#site-search-results li a') || {}).href || ''), hrefPattern, { timeout: 5000 });
      return results();
    };
    // The sections' text is indexed after the titles and headings.
    await page.waitForFunction(() => document.documentElement.dataset.search === 'full', null, { timeout: 10000 });
    let found = await searchFor('inodes', 'check-inodes');
    check(found[0].href === './runbooks/storage-disk-full.html#check-inodes', `body prose lands on its section (${found[0].href})`);
    check(found[0].section === 'Diagnosis › Check inodes', `result names the heading path (${found[0].section})`);
    check(found[0].marks.length >= 1 && found[0].marks.every((m) => m.toLowerCase() === 'inodes'), `snippet marks the matched word (${found[0].marks})`);
    check(/out of inodes while df still shows free blocks/.test(found[0].snippet), `snippet shows the text around the match (${found[0].snippet})`);
    check(/^storage\/disk-full\.md · P2/.test(found[0].meta), `result shows the runbook's path (${found[0].meta})`);
    found = await searchFor('disk full', 'disk-full');
    const sameTitle = found.filter((r) => !r.more && r.title === 'Disk full').map((r) => r.meta.split(' · ')[0]).sort();
    check(JSON.stringify(sameTitle) === '["db/disk-full.md","storage/disk-full.md"]', `runbooks of one title told apart by path (${sameTitle})`);
    found = await searchFor('replication', 'tablespace-replication');
    check(found[0].href === './runbooks/db-tablespace-replication.html' && found[0].title === 'Tablespace replication stalled',
      `a title match ranks before a body match (${found.map((r) => r.href)})`);
    check(found.some((r) => r.href === './runbooks/storage-disk-full.html#mitigation'), 'the body match is listed too');
    found = await searchFor('marzipan', 'hostile');
    check(found[0].href === './runbooks/hostile.html#snippet-bait' && /<img src=x onerror=/.test(found[0].snippet) && found[0].images === 0,
      `hostile prose shown in a snippet as text (${found[0].snippet})`);

    // Lint report: a summary row per rule, a filter narrowing it, files collapsed.
    await page.goto(`${base}/lint.html`);
    const ruleRows = () => page.evaluate(() => [...document.querySelectorAll('#lint-rules tbody tr:not([hidden])')].map((r) => r.dataset.rule));
    const fileCodes = await page.evaluate(() => [...new Set([...document.querySelectorAll('.findings-table tbody tr')].map((r) => r.dataset.rule))].sort());
    const allRules = await ruleRows();
    check(allRules.length > 1 && JSON.stringify(allRules) === JSON.stringify(fileCodes), `one summary row per rule found (${allRules.length})`);
    const files = await page.locator('details.lint-file').count();
    check(files > 1 && await page.locator('details.lint-file[open]').count() === 0, `files collapsed by default (${files})`);
    const link = await page.locator('#lint-rules tbody tr a').first().getAttribute('href');
    check(link === `rules/${allRules[0]}.html`, `summary links the rule page (${link})`);
    await page.selectOption('#lint-filters select[name=rule]', allRules[0]);
    const narrowed = await ruleRows();
    const shownFiles = await page.locator('details.lint-file:not([hidden])').count();
    const otherRows = await page.locator(`details.lint-file:not([hidden]) .findings-table tbody tr:not([hidden]):not([data-rule="${allRules[0]}"])`).count();
    check(narrowed.length === 1 && shownFiles >= 1 && shownFiles < files && otherRows === 0,
      `rule filter narrows the summary and the files (${allRules.length} → ${narrowed.length} rules, ${files} → ${shownFiles} files)`);
    await page.selectOption('#lint-filters select[name=rule]', '');
    await page.selectOption('#lint-filters select[name=severity]', 'error');
    const errorRows = await page.locator('#lint-rules tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.severity));
    check(errorRows.length >= 1 && errorRows.length < allRules.length && errorRows.every((s) => s.includes('|error|')),
      `severity filter narrows the summary (${allRules.length} → ${errorRows.length})`);

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
