import type { FastifyReply } from 'fastify';
import type { Lang } from '../../domain/bilingual-text.js';

/** Sends a page: its status, its language, HTML. */
export function sendHtml(reply: FastifyReply, lang: Lang, body: string, status = 200): FastifyReply {
  return reply.status(status).header('Content-Language', lang).type('text/html; charset=utf-8').send(body);
}

/** Sends a page that belongs to one signed-in person (or a form with its token): never stored by caches. */
export function sendPrivateHtml(reply: FastifyReply, lang: Lang, body: string, status = 200): FastifyReply {
  return sendHtml(reply.header('Cache-Control', 'no-store'), lang, body, status);
}
