import { t } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';

/** Why a sign-in form comes back: never which of the address or the password was wrong. */
export type SignInProblem = 'refused' | 'missing' | 'expired' | 'wait';

export interface SignInView {
  /** The address as typed, to type it only once (never the password). */
  email: string;
  /** Where to go once signed in (a local path, checked). */
  next: string;
  /** The form's CSRF token. */
  csrfToken: string;
  problem: SignInProblem | null;
  /** With `wait`: minutes before the next attempt. */
  waitMinutes?: number;
  /** Just signed out: say so. */
  signedOut?: boolean;
  /** Already signed in: who, and the sign-out token. */
  signedIn?: { email: string; csrfToken: string } | null;
}

const PROBLEM_KEYS: Readonly<Record<Exclude<SignInProblem, 'wait'>, MessageKey>> = {
  refused: 'signin.error.refused',
  missing: 'signin.error.missing',
  expired: 'signin.error.expired',
};

/** The sign-in page of the analyst pages: e-mail address and password, POSTed with a CSRF token. */
export function renderSignInPage(ctx: PageContext, view: SignInView, stylesheet: string): string {
  const { lang } = ctx;
  const message =
    view.problem === null
      ? null
      : view.problem === 'wait'
        ? t(lang, 'signin.error.wait', { minutes: view.waitMinutes ?? 1 })
        : t(lang, PROBLEM_KEYS[view.problem]);
  const main = html`<h1>${t(lang, 'signin.title')}</h1>
${view.signedOut ? html`<p class="notice" role="status">${t(lang, 'signin.signedOut')}</p>` : ''}
${
  message
    ? html`<section class="error-summary" aria-labelledby="error-summary-heading">
<h2 id="error-summary-heading" tabindex="-1">${t(lang, 'signin.error.heading')}</h2>
<ul><li><a href="#email">${message}</a></li></ul>
</section>`
    : ''
}
${view.signedIn ? signedInPanel(ctx, view.signedIn) : signInForm(ctx, view)}`;
  return renderPage({
    ctx,
    title: message ? `${t(lang, 'error.prefix')} ${t(lang, 'signin.title')}` : t(lang, 'signin.title'),
    main,
    section: 'analysis',
    head: { stylesheets: [stylesheet] },
  });
}

// The problem is shown once, above the form: naming a field would tell which one was wrong.
function signInForm(ctx: PageContext, view: SignInView): SafeHtml {
  const { lang } = ctx;
  return html`<p class="lead">${t(lang, 'signin.intro')}</p>
<form class="signin-form" method="post" action="${pagePath(ctx, lang, '/signin')}">
<input type="hidden" name="csrf" value="${view.csrfToken}">
<input type="hidden" name="next" value="${view.next}">
<div class="field">
<label for="email">${t(lang, 'signin.email')}</label>
<input type="email" id="email" name="email" value="${view.email}" maxlength="320" autocomplete="username" spellcheck="false" required>
</div>
<div class="field">
<label for="password">${t(lang, 'signin.password')}</label>
<input type="password" id="password" name="password" maxlength="1024" autocomplete="current-password" required>
</div>
<button type="submit" class="button">${t(lang, 'signin.submit')}</button>
</form>
<p class="hint">${t(lang, 'signin.help')}</p>`;
}

function signedInPanel(ctx: PageContext, signedIn: { email: string; csrfToken: string }): SafeHtml {
  const { lang } = ctx;
  return html`<p>${t(lang, 'analysis.signedInAs')} <strong>${signedIn.email}</strong></p>
<p><a href="${pagePath(ctx, lang, '/analysis')}">${t(lang, 'signin.toAnalysis')}</a></p>
<form method="post" action="${pagePath(ctx, lang, '/signout')}">
<input type="hidden" name="csrf" value="${signedIn.csrfToken}">
<button type="submit" class="button button--secondary">${t(lang, 'signin.signOut')}</button>
</form>`;
}
