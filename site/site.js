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

  // Search.
  var engine = null;
  var loading = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = root + src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }
  function loadEngine() {
    if (!loading) {
      loading = loadScript('assets/vendor/minisearch.js')
        .then(function () { return loadScript('assets/search-data.js'); })
        .then(function () {
          engine = new window.MiniSearch({
            idField: 'id',
            fields: ['title', 'alerts', 'headings', 'symptoms', 'commands'],
            storeFields: ['title', 'url', 'service', 'severity', 'alerts'],
            searchOptions: {
              boost: { title: 4, alerts: 4, headings: 1.5 },
              prefix: true,
              fuzzy: 0.2,
              combineWith: 'AND'
            }
          });
          engine.addAll(window.RUNBOOKC_SEARCH || []);
          return engine;
        });
    }
    return loading;
  }
  // Title and alert-name matches first, then by score.
  function rank(results) {
    function primary(r) {
      for (var term in r.match) {
        var fields = r.match[term];
        if (fields.indexOf('title') >= 0 || fields.indexOf('alerts') >= 0) return 1;
      }
      return 0;
    }
    return results.map(function (r, i) { return { r: r, p: primary(r), i: i }; })
      .sort(function (a, b) { return (b.p - a.p) || (b.r.score - a.r.score) || (a.i - b.i); })
      .map(function (x) { return x.r; });
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
    results.slice(0, 20).forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + r.url;
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = r.title;
      var meta = document.createElement('span');
      meta.className = 'result-meta';
      meta.textContent = [r.severity, r.service, (r.alerts || '').trim()].filter(Boolean).join(' · ');
      a.appendChild(title);
      a.appendChild(meta);
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  function wire(input) {
    var list = document.getElementById(input.getAttribute('data-search'));
    if (!list) return;
    function run() {
      var query = input.value.trim();
      if (!query) { render(list, '', []); return; }
      loadEngine().then(function (e) {
        if (input.value.trim() !== query) return;
        var results = e.search(query);
        if (!results.length) results = e.search(query, { combineWith: 'OR' });
        render(list, query, rank(results));
      });
    }
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
