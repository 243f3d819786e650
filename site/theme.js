// runbookc site: the reader's theme choice (and a hidden sidebar), applied before the page is drawn
// (this script is loaded without defer, so no flash of the other theme).
// No choice stored: colours follow the system setting. site.js wires the button.
(function () {
  'use strict';
  try {
    var theme = window.localStorage.getItem('runbookc-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
    if (window.localStorage.getItem('runbookc-tree') === 'hidden') document.documentElement.classList.add('tree-hidden');
  } catch (e) { /* storage refused (privacy settings): follow the system */ }
})();
