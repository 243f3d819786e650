// Measures a built site's search in chromium (playwright-core), from
// file:// as a reader opening the site from disk would: for two queries on a
// fresh page, the time from entering the query to the first result shown
// (the first one loads MiniSearch and assets/search-data.js and indexes
// titles and headings), the time until the sections' text is indexed too,
// the time to load search-data.js alone; the JS heap after indexing;
// the lint report's height at 1280 px. Prints figures; asserts nothing.
// Usage: node bench/search_index.js SITE_DIR LABEL
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [site, label] = process.argv.slice(2);
const url = (p) => 'file://' + path.resolve(site, p);

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runbookc-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info',
      '--allow-file-access-from-files'],
  });
  const page = context.pages()[0] || await context.newPage();
  try {
    const runbooks = await (async () => {
      await page.goto(url('search.html'));
      return page.evaluate(() => new Promise((resolve) => {
        const started = performance.now();
        const s = document.createElement('script');
        s.src = 'assets/search-data.js';
        s.onload = () => resolve({
          ms: performance.now() - started,
          runbooks: window.RUNBOOKC_SEARCH.length,
          documents: window.RUNBOOKC_SEARCH.reduce((n, r) => n + (r.d ? r.d.length : 1), 0),
        });
        document.head.appendChild(s);
      }));
    })();
    // The query goes in at once (one input event), as a paste would.
    const timed = async (query) => {
      const start = await page.evaluate(() => performance.now());
      await page.fill('#page-search', query);
      await page.waitForFunction((q) => {
        const first = document.querySelector('#page-search-results li');
        return first && document.getElementById('page-search').value === q;
      }, query, { timeout: 120000, polling: 'raf' });
      return (await page.evaluate(() => performance.now())) - start;
    };
    await page.goto(url('search.html'));
    const opened = await page.evaluate(() => performance.now());
    const cold = await timed('disk full');
    // The sections' text, loaded and indexed in the background (older sites: none).
    const full = await page.evaluate(() => new Promise((resolve) => {
      const done = () => document.documentElement.dataset.search === 'full' || !document.querySelector('script[src$="search-data.js"]') ||
        !window.RUNBOOKC_SEARCH || !window.RUNBOOKC_SEARCH.length || !window.RUNBOOKC_SEARCH[0].d;
      const poll = () => (done() ? resolve(performance.now()) : setTimeout(poll, 20));
      poll();
    })) - opened;
    await page.fill('#page-search', '');
    const warm = await timed('restart pod');
    const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
    await page.goto(url('lint.html'));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${label}: ${runbooks.runbooks} runbooks, ${runbooks.documents} search documents; ` +
      `data script loads in ${runbooks.ms.toFixed(0)} ms; first result ${cold.toFixed(0)} ms ` +
      `(load + index + search), text searchable after ${full.toFixed(0)} ms, next query ${warm.toFixed(0)} ms; JS heap ${(heap / 1e6).toFixed(1)} MB; ` +
      `lint.html ${height} px tall`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})();
