// Layout of a built site in a real browser (playwright-core driving Debian's
// chromium), opened from file:// as a reader would open a downloaded site.
// Usage: node site_layout_test.js SITE_DIR [RUNBOOK_PATH_SUFFIX]  (the runbook the tree is checked on)
// Checks: no page of any kind (every runbook page, index, search, lint, rules,
// a rule page) is wider than a 390 px phone; the phone header is one row plus
// search, and its menu opens the tree; at 1280 px the index table fits and
// the tree shows the current runbook with its folders open; breadcrumbs lead
// to the folder's group on the index; the theme button switches and remembers.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const [siteDir, chosenPath] = process.argv.slice(2);
const base = pathToFileURL(path.resolve(siteDir)).href;
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

(async () => {
  const runbooks = JSON.parse(fs.readFileSync(path.join(siteDir, 'runbooks.json'), 'utf8')).runbooks;
  const rules = JSON.parse(fs.readFileSync(path.join(siteDir, 'rules.json'), 'utf8')).rules;
  const pages = ['index.html', 'search.html?q=restart', 'lint.html', 'rules/index.html', `rules/${rules[0].code}.html`]
    .concat(runbooks.map((r) => r.url));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runbookc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 390, height: 844 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
  });
  const problems = [];
  // A runbook's own broken image is the runbook's problem; the site's files must all load.
  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      const why = r.failure() ? r.failure().errorText : '';
      if (r.url().startsWith(`${base}/assets/`) && !/ERR_ABORTED/.test(why)) problems.push(`not loaded: ${r.url()} (${why})`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  };
  try {
    // Phones: every page, two tabs at a time.
    const tabs = [context.pages()[0] || await context.newPage(), await context.newPage()];
    tabs.forEach(watch);
    const wide = [];
    let next = 0;
    await Promise.all(tabs.map(async (tab) => {
      while (next < pages.length) {
        const url = pages[next++];
        await tab.goto(`${base}/${url}`, { waitUntil: 'load' });
        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${url} (${width} px)`);
      }
    }));
    check(wide.length === 0, `all ${pages.length} pages fit a 390 px viewport${wide.length ? ': ' + wide.slice(0, 10).join(', ') : ''}`);

    const page = tabs[0];
    const entry = chosenPath ? runbooks.find((r) => r.path.endsWith(chosenPath)) : runbooks[runbooks.length - 1];
    await page.goto(`${base}/${entry.url}`);
    const header = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
    check(header <= 110, `phone header is at most two rows (${Math.round(header)} px)`);
    check(!(await page.locator('.site-nav').isVisible()), 'phone header folds the site links away');
    check(!(await page.locator('#site-tree').isVisible()), 'the tree is closed on a phone');
    await page.click('#menu-toggle');
    check(await page.locator('#site-tree').isVisible(), 'the menu button opens the tree as a drawer');
    check(await page.locator('#site-tree .drawer-nav a', { hasText: 'Lint report' }).isVisible(), 'the drawer holds the site links');
    check(await page.locator('#menu-toggle').getAttribute('aria-expanded') === 'true', 'the menu button says it is expanded');
    await page.keyboard.press('Escape');
    check(!(await page.locator('#site-tree').isVisible()), 'Escape closes the drawer');

    // 1280 px: index table fits, tree beside the page.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/index.html`);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap');
      const table = document.getElementById('runbook-table');
      return { table: table.getBoundingClientRect().right, wrap: wrap.getBoundingClientRect().right,
        scroll: wrap.scrollWidth, client: wrap.clientWidth, doc: document.documentElement.scrollWidth };
    });
    check(fit.scroll <= fit.client && fit.table <= fit.wrap + 0.5 && fit.doc <= 1280,
      `index table fits 1280 px (table right ${Math.round(fit.table)}, box ${Math.round(fit.wrap)}, page ${fit.doc})`);
    const groups = await page.locator('#runbook-table tbody.group').count();
    const folders = JSON.parse(fs.readFileSync(path.join(siteDir, 'assets/nav-data.js'), 'utf8')
      .replace(/^window\.RUNBOOKC_NAV = /, '').replace(/;\s*$/, '')).folders;
    check(groups === folders.length, `the index groups runbooks by folder (${groups} groups, ${folders.length} folders)`);

    await page.goto(`${base}/${entry.url}`);
    const current = page.locator('#tree [aria-current="page"]');
    await current.waitFor({ timeout: 5000 });
    check(await current.isVisible(), 'the tree shows the current runbook, its folders open');
    check((await current.textContent()) === entry.title, `the tree names it by title (${entry.title})`);
    const crumbs = await page.locator('.crumbs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(crumbs[0] === '../index.html', 'breadcrumbs start at the index');
    if (crumbs.length > 1) {
      const last = crumbs[crumbs.length - 1];
      await page.goto(`${base}/runbooks/${last}`);
      const target = await page.evaluate(() => {
        const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        return t ? t.tagName + ' ' + t.querySelector('.group-toggle').textContent : null;
      });
      check(target !== null && target.startsWith('TBODY'), `the last breadcrumb leads to its folder group (${target})`);
    }

    // Theme: the button switches to the other theme and it is remembered.
    await page.goto(`${base}/index.html`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    await page.click('#theme-toggle');
    const after = await background();
    const chosen = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
    check(before !== after && chosen === 'dark', `the theme button switches light → dark (${before} → ${after})`);
    await page.goto(`${base}/lint.html`);
    check(await page.evaluate(() => document.documentElement.getAttribute('data-theme')) === 'dark' && await background() === after,
      'the choice is remembered on the next page');
    await page.click('#theme-toggle');
    check(await page.evaluate(() => document.documentElement.getAttribute('data-theme') === null && localStorage.getItem('runbookc-theme') === null),
      'switching back to the system theme forgets the choice');
    check(problems.length === 0, `no console errors${problems.length ? ': ' + problems.slice(0, 5).join(' | ') : ''}`);
  } catch (e) {
    check(false, `browser run: ${e.message}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${failures.length ? 'FAILED' : 'passed'}: ${failures.length} failure(s)`);
  process.exit(failures.length ? 1 : 0);
})();
