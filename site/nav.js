// runbookc site navigation: the theme button, the menu button (a drawer on
// narrow screens, the sidebar shown or hidden on wide ones) and the tree of
// runbooks by folder or service, drawn from assets/nav-data.js. Folders are
// filled in when first opened, so a site of 10,000 runbooks draws only the
// branch of the page being read.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || './';
  var html = document.documentElement;

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* not remembered: still applied to this page */ }
  }

  // Theme: the button shows the other theme; choosing the one the system
  // asks for forgets the choice, so the page follows the system again.
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  function shownTheme() {
    return html.getAttribute('data-theme') || (dark.matches ? 'dark' : 'light');
  }
  var themeButton = document.getElementById('theme-toggle');
  function labelTheme() {
    if (!themeButton) return;
    var next = shownTheme() === 'dark' ? 'light' : 'dark';
    themeButton.title = 'Switch to the ' + next + ' theme';
    themeButton.setAttribute('aria-label', themeButton.title);
    themeButton.setAttribute('aria-pressed', shownTheme() === 'dark' ? 'true' : 'false');
  }
  if (themeButton) {
    themeButton.addEventListener('click', function () {
      var next = shownTheme() === 'dark' ? 'light' : 'dark';
      var system = dark.matches ? 'dark' : 'light';
      if (next === system) html.removeAttribute('data-theme');
      else html.setAttribute('data-theme', next);
      store('runbookc-theme', next === system ? null : next);
      labelTheme();
    });
    dark.addEventListener('change', labelTheme);
    labelTheme();
  }

  // Menu: on wide screens the tree is a sidebar the button hides (remembered);
  // on narrow ones it is a drawer the button opens, Escape closes.
  var menuButton = document.getElementById('menu-toggle');
  var wide = window.matchMedia('(min-width: 75em)');
  function setMenu(open) {
    if (wide.matches) {
      html.classList.toggle('tree-hidden', !open);
      store('runbookc-tree', open ? null : 'hidden');
    } else {
      html.classList.toggle('drawer-open', open);
    }
    if (menuButton) menuButton.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  function menuOpen() {
    return wide.matches ? !html.classList.contains('tree-hidden') : html.classList.contains('drawer-open');
  }
  if (menuButton) {
    menuButton.setAttribute('aria-expanded', menuOpen() ? 'true' : 'false');
    menuButton.addEventListener('click', function () { setMenu(!menuOpen()); });
    wide.addEventListener('change', function () {
      html.classList.remove('drawer-open');
      menuButton.setAttribute('aria-expanded', menuOpen() ? 'true' : 'false');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && html.classList.contains('drawer-open')) { setMenu(false); menuButton.focus(); }
    });
    document.addEventListener('click', function (event) {
      if (!html.classList.contains('drawer-open')) return;
      var tree = document.getElementById('site-tree');
      if (tree && !tree.contains(event.target) && !menuButton.contains(event.target)) setMenu(false);
    });
  }

  // Tree.
  var treeBox = document.getElementById('tree');
  if (!treeBox) return;
  var here = window.location.pathname;
  function isHere(url) {
    return here === url || here.slice(-(url.length + 1)) === '/' + url;
  }
  // Branches: {name, key, children: {name: branch}, pages: [page]}.
  function branch(name, key) { return { name: name, key: key, children: {}, pages: [] }; }
  function grow(top, parts, page) {
    var node = top;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (!node.children[part]) node.children[part] = branch(part, (node.key ? node.key + '/' : '') + part);
      node = node.children[part];
    }
    node.pages.push(page);
  }
  function treeOf(data, mode) {
    var top = branch('', '');
    data.pages.forEach(function (p) {
      var page = { title: p[1], url: p[2] };
      if (mode === 'service') grow(top, [p[3] || '(no service)'], page);
      else grow(top, data.folders[p[0]] ? data.folders[p[0]].split('/') : [], page);
    });
    return top;
  }
  function holdsHere(node) {
    for (var i = 0; i < node.pages.length; i++) if (isHere(node.pages[i].url)) return true;
    for (var k in node.children) if (holdsHere(node.children[k])) return true;
    return false;
  }
  function count(node) {
    var n = node.pages.length;
    for (var k in node.children) n += count(node.children[k]);
    return n;
  }
  function fill(list, node) {
    Object.keys(node.children).sort().forEach(function (name) {
      var child = node.children[name];
      var li = document.createElement('li');
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = name;
      var n = document.createElement('span');
      n.className = 'tree-count';
      n.textContent = String(count(child));
      summary.appendChild(n);
      details.appendChild(summary);
      li.appendChild(details);
      list.appendChild(li);
      var drawn = false;
      function draw() {
        if (drawn) return;
        drawn = true;
        var sub = document.createElement('ol');
        fill(sub, child);
        details.appendChild(sub);
      }
      details.addEventListener('toggle', function () { if (details.open) draw(); });
      if (holdsHere(child)) { draw(); details.open = true; }
    });
    node.pages.forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + p.url;
      a.textContent = p.title;
      if (isHere(p.url)) { a.setAttribute('aria-current', 'page'); li.className = 'here'; }
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  function draw(data, mode) {
    while (treeBox.firstChild) treeBox.removeChild(treeBox.firstChild);
    var list = document.createElement('ol');
    fill(list, treeOf(data, mode));
    treeBox.appendChild(list);
    var current = treeBox.querySelector('[aria-current="page"]');
    if (current && current.scrollIntoView) current.scrollIntoView({ block: 'nearest' });
  }
  var script = document.createElement('script');
  script.src = root + 'assets/nav-data.js';
  script.onload = function () {
    var data = window.RUNBOOKC_NAV;
    if (!data) return;
    var modeBox = document.getElementById('tree-mode');
    var mode = 'folder';
    var services = data.pages.some(function (p) { return p[3]; });
    if (modeBox && services) {
      modeBox.hidden = false;
      mode = stored('runbookc-tree-mode') === 'service' ? 'service' : 'folder';
      modeBox.value = mode;
      modeBox.addEventListener('change', function () {
        store('runbookc-tree-mode', modeBox.value === 'service' ? 'service' : null);
        draw(data, modeBox.value);
      });
    }
    draw(data, mode);
  };
  document.head.appendChild(script);
})();
