// Real-browser test of `runbookc serve` (playwright-core driving Debian's chromium).
// Usage: node serve_test.js BASE_URL RUNBOOK_DIR
// The test never navigates after opening a page: the page itself must show
// an edit of its Markdown within 2 seconds (the server rebuilds and tells it
// to reload), and the open index must list a runbook added to the directory.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, runbooks] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/// Waits up to 2 s for `predicate` (run in the page) to hold; the milliseconds it took, or null.
async function within2s(page, predicate, arg) {
  const start = Date.now();
  try {
    await page.waitForFunction(predicate, arg, { timeout: 2000, polling: 50 });
    return Date.now() - start;
  } catch (e) {
    return null;
  }
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runbookc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const problems = [];
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
  try {
    // A runbook page: its H1 and a paragraph, then the Markdown is edited in place.
    await page.goto(`${base}/runbooks/db-failover.html`);
    const h1 = () => page.locator('main h1, h1').first().textContent();
    check((await h1()).trim() === 'Database failover', `page shows the first H1 (${(await h1()).trim()})`);
    check(await page.locator('script[src="/__runbookc/reload.js"][data-generation]').count() === 1, 'the served page carries the reload script');
    const file = path.join(runbooks, 'db-failover.md');
    const before = navigations;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8')
      .replace('# Database failover', '# Database failover, revised')
      .replace('Promote the replica.', 'Promote the replica in the other zone.'));
    let took = await within2s(page, () => [...document.querySelectorAll('h1')].some((e) => e.textContent.trim() === 'Database failover, revised'));
    check(took !== null, `the open page shows the edited H1 within 2 s (${took} ms)`);
    check(await page.locator('p', { hasText: 'Promote the replica in the other zone.' }).count() === 1, 'and the edited paragraph');
    check(navigations === before + 1, `the page reloaded itself once (${navigations - before} navigation(s))`);

    // An editor that saves through a rename (vim, many IDEs): a new file moved over the runbook.
    const tmp = path.join(runbooks, '.db-failover.md.tmp');
    fs.writeFileSync(tmp, fs.readFileSync(file, 'utf8').replace('# Database failover, revised', '# Database failover, third'));
    fs.renameSync(tmp, file);
    took = await within2s(page, () => [...document.querySelectorAll('h1')].some((e) => e.textContent.trim() === 'Database failover, third'));
    check(took !== null, `a save through a rename shows within 2 s (${took} ms)`);

    // The index, open, lists a runbook added to the directory.
    await page.goto(`${base}/`);
    check(await page.locator('#runbook-table tbody tr:not(.group-head)').count() === 2, 'the index lists the 2 runbooks');
    fs.writeFileSync(path.join(runbooks, 'queue-backlog.md'), '# Queue backlog\n\nDrain the queue.\n\n```bash\necho drain\n```\n');
    took = await within2s(page, () => [...document.querySelectorAll('#runbook-table tbody tr')].some((r) => r.textContent.includes('Queue backlog')));
    check(took !== null, `a new runbook appears in the open index within 2 s (${took} ms)`);
    check(await page.locator('#runbook-table tbody tr:not(.group-head)').count() === 3, 'the index lists 3 runbooks');
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
