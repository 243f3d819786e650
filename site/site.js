// runbookc site behaviour: copy buttons, "/" to search, offline search
// (MiniSearch over assets/search-data.js, both loaded on first use so the
// site works from file://), and the index table's groups, filters and sorting.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || './';

  // Copy buttons: the code lines of a step, without line numbers or findings.
  function stepText(code) {
    var lines = code.querySelectorAll('.lc');
    var out = [];
    for (var i = 0; i < lines.length; i++) out.push(lines[i].textContent);
    return out.join('\n') + '\n';
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.copy-button');
    if (!button) return;
    var code = document.getElementById(button.getAttribute('data-copy'));
    if (!code) return;
    copyText(stepText(code)).then(function () {
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = 'Copy'; }, 1500);
    }, function () { button.textContent = 'Copy failed'; });
  });

  // "/" focuses the search box (the page's own one on the search page).
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.getElementById('page-search') || document.getElementById('site-search');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Search, in two steps so that the first result comes fast on a large
  // site. assets/search-data.js holds one entry per runbook (title, path,
  // alerts, service, severity, its sections' anchors and heading paths:
  // search_document.h); each section becomes one MiniSearch document, and
  // titles, alerts and headings are searchable as soon as it is indexed.
  // assets/search-text.js (the sections' prose and commands) is then loaded
  // and indexed in the background with everything else, and that engine
  // answers from then on (<html data-search="headings" | "full">). Title and
  // alerts are indexed on the runbook's first document only, so a title or
  // alert match ranks that runbook first, once.
  var engine = null;
  var loading = null;
  var runbooks = [];
  var texts = null;    // RUNBOOKC_SEARCH_TEXT once loaded
  var documents = [];  // id → [runbook index, section index]
  var rerun = [];      // re-run the shown queries when the text is indexed
  var kSectionsPerRunbook = 3;
  var noText = ['', ''];
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = root + src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }
  // [prose, commands] of a section, empty until search-text.js is loaded.
  function textOf(r, s) {
    return (texts && texts[r] && texts[r][s]) || noText;
  }
  function fieldOf(doc, field) {
    var rb = runbooks[doc.r];
    switch (field) {
      case 'id': return doc.id;
      case 'title': return doc.s === 0 ? rb.t : '';
      case 'alerts': return doc.s === 0 ? rb.a : '';
      case 'heading': return rb.d[doc.s][1];
      case 'text': return textOf(doc.r, doc.s)[0];
      case 'code': return textOf(doc.r, doc.s)[1];
      default: return '';
    }
  }
  function makeEngine(fields) {
    return new window.MiniSearch({
      idField: 'id',
      fields: fields,
      extractField: fieldOf,
      searchOptions: {
        boost: { title: 6, alerts: 6, heading: 2, text: 1, code: 1 },
        prefix: true,
        fuzzy: 0.2,
        combineWith: 'AND'
      }
    });
  }
  function loadText(docs) {
    return loadScript('assets/search-text.js').then(function () {
      texts = window.RUNBOOKC_SEARCH_TEXT || [];
      var whole = makeEngine(['title', 'alerts', 'heading', 'text', 'code']);
      return whole.addAllAsync(docs, { chunkSize: 2000 }).then(function () {
        engine = whole;
        document.documentElement.setAttribute('data-search', 'full');
        rerun.forEach(function (run) { run(); });
      });
    });
  }
  function loadEngine() {
    if (!loading) {
      loading = loadScript('assets/vendor/minisearch.js')
        .then(function () { return loadScript('assets/search-data.js'); })
        .then(function () {
          runbooks = window.RUNBOOKC_SEARCH || [];
          var docs = [];
          runbooks.forEach(function (rb, r) {
            for (var s = 0; s < rb.d.length; s++) {
              docs.push({ id: documents.length, r: r, s: s });
              documents.push([r, s]);
            }
          });
          engine = makeEngine(['title', 'alerts', 'heading']);
          engine.addAll(docs);
          document.documentElement.setAttribute('data-search', 'headings');
          loadText(docs).catch(function () {});  // titles and headings stay searchable
        });
    }
    return loading;
  }
  // Groups of sections by runbook: a runbook whose title or alert matched
  // first, then by best score; at most kSectionsPerRunbook sections each.
  function group(results) {
    var groups = [];
    var byRunbook = {};
    results.forEach(function (res, i) {
      var where = documents[res.id];
      var g = byRunbook[where[0]];
      if (!g) {
        g = byRunbook[where[0]] = { runbook: where[0], primary: 0, score: res.score, first: i, hits: [] };
        groups.push(g);
      }
      var primary = false;
      for (var term in res.match) {
        var fields = res.match[term];
        if (fields.indexOf('title') >= 0 || fields.indexOf('alerts') >= 0) primary = true;
      }
      var hit = { section: where[1], terms: res.terms, match: res.match };
      if (primary) {  // the runbook's top leads its group
        g.primary = 1;
        g.hits.unshift(hit);
        g.hits.length = Math.min(g.hits.length, kSectionsPerRunbook);
      } else if (g.hits.length < kSectionsPerRunbook) {
        g.hits.push(hit);
      }
    });
    return groups.sort(function (a, b) {
      return (b.primary - a.primary) || (b.score - a.score) || (a.first - b.first);
    });
  }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  // Matches of `terms` at the start of a word, as [start, end] pairs in order.
  function matches(text, terms) {
    if (!terms.length) return [];
    var re = new RegExp('(^|[^\\p{L}\\p{N}])(' + terms.map(escapeRegExp).join('|') + ')', 'giu');
    var out = [];
    var m;
    while ((m = re.exec(text)) && out.length < 50) {
      var start = m.index + m[1].length;
      out.push([start, start + m[2].length]);
      if (re.lastIndex === m.index) re.lastIndex++;
    }
    return out;
  }
  // A window of `text` around its first match, the matched words in <mark>
  // (DOM nodes only: the text is the runbook's own).
  function snippet(text, terms) {
    var found = matches(text, terms);
    var span = document.createElement('span');
    span.className = 'result-snippet';
    var from = 0, to = Math.min(text.length, 160);
    if (found.length) {
      from = Math.max(0, found[0][0] - 60);
      to = Math.min(text.length, found[0][0] + 120);
      if (from > 0) { var space = text.indexOf(' ', from); if (space >= 0 && space < found[0][0]) from = space + 1; }
      if (to < text.length) { var end = text.lastIndexOf(' ', to); if (end > found[0][1]) to = end; }
    }
    var at = from;
    if (from > 0) span.appendChild(document.createTextNode('… '));
    found.forEach(function (f) {
      if (f[0] < at || f[1] > to) return;
      span.appendChild(document.createTextNode(text.slice(at, f[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(f[0], f[1]);
      span.appendChild(mark);
      at = f[1];
    });
    span.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? ' …' : '')));
    return span;
  }
  // The section's prose when a term matched it, else its commands when one
  // matched them, else its prose; nothing before the text is loaded.
  function snippetOf(body, hit) {
    var inText = [], inCode = [];
    for (var term in hit.match) {
      if (hit.match[term].indexOf('text') >= 0) inText.push(term);
      if (hit.match[term].indexOf('code') >= 0) inCode.push(term);
    }
    if (!inText.length && inCode.length) {
      var code = snippet(body[1], inCode);
      code.classList.add('result-code');
      return code;
    }
    return snippet(body[0] || body[1], inText.length ? inText : hit.terms);
  }
  function line(className, text) {
    var span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
  }
  function render(list, query, results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query) { list.hidden = list.classList.contains('search-popup'); return; }
    list.hidden = false;
    if (!results.length) {
      var none = document.createElement('li');
      none.className = 'empty';
      none.textContent = 'No runbook matches “' + query + '”.';
      list.appendChild(none);
      return;
    }
    group(results).slice(0, 20).forEach(function (g) {
      var rb = runbooks[g.runbook];
      g.hits.forEach(function (hit, n) {
        var section = rb.d[hit.section];
        var body = textOf(g.runbook, hit.section);
        var li = document.createElement('li');
        if (n) li.className = 'result-more';
        var a = document.createElement('a');
        a.href = root + rb.u + (section[0] ? '#' + section[0] : '');
        if (!n) {
          a.appendChild(line('result-title', rb.t));
          a.appendChild(line('result-meta', [rb.p, rb.v, rb.s, rb.a].filter(Boolean).join(' · ')));
        }
        if (section[1]) a.appendChild(line('result-section', section[1]));
        if (body[0] || body[1]) a.appendChild(snippetOf(body, hit));
        li.appendChild(a);
        list.appendChild(li);
      });
    });
  }
  function wire(input) {
    var list = document.getElementById(input.getAttribute('data-search'));
    if (!list) return;
    function run() {
      var query = input.value.trim();
      if (!query) { render(list, '', []); return; }
      loadEngine().then(function () {
        if (input.value.trim() !== query) return;
        var e = engine;
        var results = e.search(query);
        if (!results.length) results = e.search(query, { combineWith: 'OR' });
        render(list, query, results);
      });
    }
    rerun.push(function () { if (!list.hidden) run(); });
    input.addEventListener('focus', function () { loadEngine(); });
    input.addEventListener('input', run);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { input.value = ''; run(); input.blur(); }
    });
    if (input.id === 'page-search') {
      var q = new URLSearchParams(window.location.search).get('q');
      if (q) { input.value = q; run(); }
    }
    return run;
  }
  var inputs = document.querySelectorAll('input[data-search]');
  for (var i = 0; i < inputs.length; i++) wire(inputs[i]);
  document.addEventListener('click', function (event) {
    var popups = document.querySelectorAll('.search-popup');
    for (var j = 0; j < popups.length; j++)
      if (!popups[j].parentNode.contains(event.target)) popups[j].hidden = true;
  });

  // Index: groups (by folder as built, or by service), filters and sorting.
  var form = document.getElementById('runbook-filters');
  var table = document.getElementById('runbook-table');
  if (form && table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr:not(.group-head)'));
    var folderGroups = Array.prototype.slice.call(table.tBodies);
    var homes = rows.map(function (row) { return row.parentNode; });  // each row's folder group
    var serviceGroups = null;
    var count = document.getElementById('runbook-count');
    var groupToggle = function (event) {
      var button = event.target.closest && event.target.closest('.group-toggle');
      if (!button) return;
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.closest('tbody').classList.toggle('collapsed', !open);
    };
    table.addEventListener('click', groupToggle);
    var groupHead = function (label, n) {
      var body = document.createElement('tbody');
      body.className = 'group';
      var tr = document.createElement('tr');
      tr.className = 'group-head';
      var th = document.createElement('th');
      th.colSpan = 7;
      th.scope = 'rowgroup';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'group-toggle';
      button.setAttribute('aria-expanded', 'true');
      button.textContent = label;
      var span = document.createElement('span');
      span.className = 'group-count';
      span.textContent = n + (n === 1 ? ' runbook' : ' runbooks');
      th.appendChild(button);
      th.appendChild(span);
      tr.appendChild(th);
      body.appendChild(tr);
      return body;
    };
    var byService = function () {
      var groups = {};
      rows.forEach(function (row) {
        var key = row.dataset.service || '(no service)';
        (groups[key] = groups[key] || []).push(row);
      });
      return Object.keys(groups).sort().map(function (key) {
        var body = groupHead(key, groups[key].length);
        groups[key].forEach(function (row) { body.appendChild(row); });
        return body;
      });
    };
    var regroup = function (how) {
      Array.prototype.slice.call(table.tBodies).forEach(function (b) { table.removeChild(b); });
      if (how === 'service') {
        serviceGroups = serviceGroups || byService();
        serviceGroups.forEach(function (b) { table.appendChild(b); });
      } else {
        folderGroups.forEach(function (b) { table.appendChild(b); });
        rows.forEach(function (row, i) { homes[i].appendChild(row); });
      }
      serviceGroups = how === 'service' ? serviceGroups : null;
    };
    var filter = function () {
      var f = form.elements;
      var text = f.text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var d = row.dataset;
        var ok = (!f.severity.value || d.severity === f.severity.value) &&
          (!f.service.value || d.service === f.service.value) &&
          (!f.owner.value || d.owner === f.owner.value) &&
          (!f.tag.value || d.tags.indexOf('|' + f.tag.value + '|') >= 0) &&
          (!f.lint.value || d.lint === f.lint.value) &&
          (!text || d.title.toLowerCase().indexOf(text) >= 0);
        row.hidden = !ok;
        if (ok) shown++;
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        body.hidden = !body.querySelector('tr:not(.group-head):not([hidden])');
      });
      count.textContent = shown + ' of ' + rows.length + ' shown';
    };
    form.addEventListener('input', filter);
    form.addEventListener('change', function (event) {
      if (event.target.name === 'group') regroup(event.target.value);
      filter();
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    filter();
    // On a phone the filters start folded: the runbooks come first.
    var filtersBox = document.getElementById('filters-box');
    if (filtersBox && window.matchMedia('(max-width: 40em)').matches) filtersBox.open = false;
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var key = function (row) {
          var cell = row.cells[column];
          return (cell.getAttribute('data-value') || cell.textContent).trim().toLowerCase();
        };
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var inGroup = Array.prototype.slice.call(body.rows).filter(function (r) { return !r.classList.contains('group-head'); });
          inGroup.sort(function (a, b) {
            var x = key(a), y = key(b);
            return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
          });
          inGroup.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }
})();
