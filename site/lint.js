// runbookc lint report (lint.html): the filters narrow the summary by rule
// and the findings of every file; a file with no finding left is hidden.
(function () {
  'use strict';
  var form = document.getElementById('lint-filters');
  if (!form) return;
  var ruleRows = Array.prototype.slice.call(document.querySelectorAll('#lint-rules tbody tr'));
  var files = Array.prototype.slice.call(document.querySelectorAll('details.lint-file'));
  var shown = document.getElementById('lint-shown');
  function filter() {
    var f = form.elements;
    var severity = f.severity.value, rule = f.rule.value;
    var text = f.text.value.trim().toLowerCase();
    ruleRows.forEach(function (row) {
      row.hidden = !((!severity || row.dataset.severity.indexOf('|' + severity + '|') >= 0) &&
        (!rule || row.dataset.rule === rule) &&
        (!text || row.dataset.text.toLowerCase().indexOf(text) >= 0));
    });
    var filesShown = 0;
    files.forEach(function (file) {
      var pathMatches = !text || file.dataset.path.toLowerCase().indexOf(text) >= 0;
      var rows = file.querySelectorAll('.findings-table tbody tr');
      var left = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = (!severity || row.dataset.severity === severity) && (!rule || row.dataset.rule === rule) &&
          (pathMatches || row.textContent.toLowerCase().indexOf(text) >= 0);
        row.hidden = !ok;
        if (ok) left++;
      }
      file.hidden = rows.length ? !left : (!!severity || !!rule || !pathMatches);
      if (!file.hidden) filesShown++;
    });
    shown.textContent = filesShown + ' of ' + files.length + ' files shown';
  }
  form.addEventListener('input', filter);
  form.addEventListener('change', filter);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  filter();
})();
