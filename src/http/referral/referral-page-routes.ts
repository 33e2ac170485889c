import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, pickText } from '../../domain/bilingual-text.js';
import type { Lang } from '../../domain/bilingual-text.js';
import type { Referral } from '../../referral/refer.js';
import { BadRequestError } from '../http-errors.js';
import { rt } from './messages.js';
import { partnershipsMain } from './partnerships-page.js';
import { referralFor } from './referral-context.js';
import type { ReferralContext } from './referral-context.js';
import { pageContextOf, renderReferralPage } from './referral-page-context.js';
import { referralMain } from './referral-page.js';
import type { FormProblem } from './referral-page.js';
import { pageQueryOf } from './referral-params.js';
import type { ReferralPageQuery } from './referral-params.js';
import { slipMain } from './slip-page.js';

/** The answer of a page request: a referral, or the problem to show in the form. */
async function answerOf(ctx: ReferralContext, query: ReferralPageQuery, lang: Lang): Promise<{ referral: Referral | null; problem: FormProblem | null }> {
  if (query.qProblem === 'too_long') return { referral: null, problem: { field: 'q', message: rt(lang, 'form.qTooLong') } };
  if (!query.q) {
    return { referral: null, problem: query.where || query.called ? { field: 'q', message: rt(lang, 'form.qMissing') } : null };
  }
  try {
    const referral = await referralFor(ctx, { text: query.q, location: query.where || null, calledLine: query.called, lang });
    return { referral, problem: null };
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    return { referral: null, problem: { field: 'where', message: rt(lang, 'form.whereError', { where: query.where }) } };
  }
}

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/**
 * /{lang}/referral (the agents' page), /{lang}/referral/slip (the printable bilingual slip) and
 * /{lang}/partnerships, for both languages. GET forms only: everything works without JavaScript.
 */
export function registerReferralPageRoutes(app: FastifyInstance, ctx: ReferralContext): void {
  const { basePath: base, tileUrl } = ctx.deps;
  const pageContext = (request: FastifyRequest, lang: Lang) => pageContextOf(request, lang, base, ctx.assets, tileUrl);
  const catalogueInfo = { version: ctx.catalogue.version, updated: ctx.catalogue.updated };

  for (const lang of LANGS) {
    app.get(`/${lang}/referral`, async (request, reply) => {
      const query = pageQueryOf(request.query);
      const { referral, problem } = await answerOf(ctx, query, lang);
      const page = pageContext(request, lang);
      const main = referralMain(page, { query, referral, problem, partnerships: ctx.partnerships, catalogue: catalogueInfo });
      const title = referral ? rt(lang, 'answer.heading', { q: referral.query }) : rt(lang, 'referral.title');
      return sendPage(reply, problem ? 400 : 200, renderReferralPage(page, ctx.assets, { title, main, section: 'referral' }));
    });

    app.get(`/${lang}/referral/slip`, async (request, reply) => {
      const query = pageQueryOf(request.query);
      const { referral, problem } = await answerOf(ctx, query, lang);
      const page = pageContext(request, lang);
      const today = ctx.deps.now().toISOString().slice(0, 10);
      const main = slipMain(page, referral, query, today);
      return sendPage(reply, problem ? 400 : 200, renderReferralPage(page, ctx.assets, { title: rt(lang, 'slip.title'), main, section: 'referral' }));
    });

    app.get(`/${lang}/partnerships`, async (request, reply) => {
      const page = pageContext(request, lang);
      const ids = [...new Set(ctx.partnerships.partnerships.flatMap((p) => p.locations.flatMap((l) => l.point_ids)))];
      const points = await ctx.deps.store.getPoints(ids);
      const names = new Map(points.map((point) => [point.id, pickText(point.name, lang)?.text ?? point.id]));
      const main = partnershipsMain(page, ctx.partnerships, ctx.catalogue, names);
      return sendPage(reply, 200, renderReferralPage(page, ctx.assets, { title: rt(lang, 'partnerships.title'), main, section: 'partnerships', withMap: true }));
    });
  }
}
