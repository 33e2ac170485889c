import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { CSS_DIR } from './static-assets.js';

/** The analysis page's progressive enhancement (public/js, served at /assets/js/analysis.js). */
export const ANALYSIS_JS = fileURLToPath(new URL('../../../public/js/analysis.js', import.meta.url));
const ANALYSIS_CSS = join(CSS_DIR, 'analysis.css');

// A week, as the site's other assets: the URLs carry ?v=<content hash>.
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const hashOf = (content: Buffer): string => createHash('sha256').update(content).digest('hex').slice(0, 10);

/**
 * Serves public/js/analysis.js (public/css/analysis.css is served with the site's stylesheets)
 * and returns the versioned URLs of both.
 */
export function registerAnalysisAssets(app: FastifyInstance, base: string): { css: string; js: string } {
  const js = readFileSync(ANALYSIS_JS);
  app.get('/assets/js/analysis.js', async (_request, reply) =>
    reply
      .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`)
      .type('text/javascript; charset=utf-8')
      .send(js),
  );
  return {
    css: `${base}/assets/css/analysis.css?v=${hashOf(readFileSync(ANALYSIS_CSS))}`,
    js: `${base}/assets/js/analysis.js?v=${hashOf(js)}`,
  };
}
