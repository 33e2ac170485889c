/* global document, navigator, window, HTMLElement */
// Progressive enhancement of the referral pages (/{lang}/referral and /{lang}/referral/slip),
// loaded as a module from /assets/referral/referral.js (CSP: script-src 'self', so nothing is
// inline). Without it everything still works: the form is a GET form, the summary is in a
// read-only text area, and the browser's own Print command prints the slip.
//   - "/" anywhere outside a text field focuses the need box (the page says so next to it);
//   - after an answer loads, focus moves to its heading, so Tab continues into the answer;
//   - the "Copy summary" button copies the plain-text summary and says so in a status line;
//   - the "Print" button of the slip opens the print dialog.

const needBox = document.getElementById('q');

function isTextEntry(element) {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

if (needBox) {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTextEntry(event.target)) return;
    event.preventDefault();
    needBox.focus();
    needBox.select();
  });
}

const answerHeading = document.getElementById('answer-heading');
if (answerHeading && !window.location.hash) answerHeading.focus();

for (const button of document.querySelectorAll('[data-copy-target]')) {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.statusTarget);
  if (!source) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(source.value);
      copied = true;
    } catch {
      // Older browsers, or a page without clipboard permission: copy the selection instead.
      source.focus();
      source.select();
      copied = document.execCommand('copy');
    }
    if (status) status.textContent = copied ? status.dataset.copied : status.dataset.failed;
  });
}

for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
