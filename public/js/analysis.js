/* global document, window */
// Progressive enhancement of the analysis page (/{lang}/analysis), loaded as a module from
// /assets/js/analysis.js (CSP: script-src 'self', nothing inline). It talks to nothing: no
// request leaves the page. Without it everything still works: the form is a GET form, the
// tables sort through links, the charts are SVG in the page.
//   - the accessibility method only matters for the accessibility score: its field is shown
//     when that measure is chosen (or when it has an error to show);
//   - after the form is submitted, focus moves to the error summary or to the summary of the
//     results, so that keyboard and screen-reader users land on what changed.

const methodField = document.querySelector('[data-metric-field="access"]');
const accessChoice = document.getElementById('metric-access');

function showMethod() {
  if (!methodField || !accessChoice) return;
  methodField.hidden = !accessChoice.checked && !methodField.classList.contains('field--error');
}

for (const radio of document.querySelectorAll('input[name="metric"]')) {
  radio.addEventListener('change', showMethod);
}
showMethod();

if (window.location.search && !window.location.hash) {
  const target =
    document.getElementById('error-summary-heading') ?? document.getElementById('summary-heading');
  if (target) target.focus();
}
