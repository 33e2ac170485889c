import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lang } from '../../domain/bilingual-text.js';
import type { AppDeps } from '../app-deps.js';
import { localNextPath } from '../auth/local-path.js';
import type { PageContext } from './page-context.js';
import { sendPrivateHtml } from './send-html.js';
import { renderSignInPage, type SignInView } from './signin-page.js';

/** A form field as text: a repeated or missing field is empty; longer than `max` is cut. */
function formField(body: unknown, name: string, max: number): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/**
 * GET and POST /{lang}/signin, POST /{lang}/signout (registered in each language's scope).
 * Every answer is `Cache-Control: no-store`; a successful sign-in or sign-out answers 303.
 */
export function registerSignInRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  lang: Lang,
  contextOf: (request: FastifyRequest) => PageContext,
  stylesheet: string,
): void {
  const base = deps.basePath;
  const page = (request: FastifyRequest, view: SignInView): string =>
    renderSignInPage(contextOf(request), view, stylesheet);
  const fallback = `${base}/${lang}/analysis`;

  scope.get('/signin', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const signedIn = await deps.auth.signedIn(request);
    const view: SignInView = {
      email: '',
      next: localNextPath(query['next'], base, fallback),
      csrfToken: signedIn ? '' : deps.auth.signInFormToken(request, reply),
      problem: null,
      signedOut: query['signed_out'] === '1' && !signedIn,
      signedIn,
    };
    return sendPrivateHtml(reply, lang, page(request, view));
  });

  scope.post('/signin', async (request, reply) => {
    const email = formField(request.body, 'email', 320).trim();
    const password = formField(request.body, 'password', 4096);
    const next = localNextPath(formField(request.body, 'next', 2000), base, fallback);
    const again = (problem: SignInView['problem'], status: number, waitMinutes?: number) =>
      sendPrivateHtml(
        reply,
        lang,
        page(request, {
          email,
          next,
          csrfToken: deps.auth.signInFormToken(request, reply),
          problem,
          ...(waitMinutes === undefined ? {} : { waitMinutes }),
        }),
        status,
      );
    if (!deps.auth.isSignInFormGenuine(request, formField(request.body, 'csrf', 200)))
      return again('expired', 403);
    if (email === '' || password === '') return again('missing', 400);
    const outcome = await deps.auth.signIn(request, reply, email, password);
    if (outcome.kind === 'wait') {
      reply.header('Retry-After', String(outcome.seconds));
      return again('wait', 429, Math.ceil(outcome.seconds / 60));
    }
    if (outcome.kind === 'refused') return again('refused', 401);
    return reply.header('Cache-Control', 'no-store').redirect(next, 303);
  });

  scope.post('/signout', async (request, reply) => {
    const signedIn = await deps.auth.signedIn(request);
    if (
      signedIn &&
      !deps.auth.isSessionFormGenuine(request, signedIn, formField(request.body, 'csrf', 200))
    ) {
      const view: SignInView = { email: '', next: fallback, csrfToken: '', problem: 'expired', signedIn };
      return sendPrivateHtml(reply, lang, page(request, view), 403);
    }
    await deps.auth.signOut(request, reply);
    return reply.header('Cache-Control', 'no-store').redirect(`${base}/${lang}/signin?signed_out=1`, 303);
  });
}
