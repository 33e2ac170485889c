import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { BUILD_DIR, CSS_DIR } from '../pages/static-assets.js';
import type { AssetUrls } from '../pages/static-assets.js';

const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));
/** The referral pages' stylesheet (screen and print) and progressive-enhancement script. */
export const REFERRAL_CSS = join(PUBLIC_DIR, 'css', 'referral.css');
export const REFERRAL_JS = join(PUBLIC_DIR, 'js', 'referral.js');

// A week, as the site's other assets: the URLs carry ?v=<content hash>.
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** URLs of everything the referral pages link to: the site's assets and their own. */
export interface ReferralAssetUrls {
  site: AssetUrls;
  css: string;
  js: string;
}

/**
 * Serves public/css/referral.css and public/js/referral.js under /assets/referral/ (the site's
 * static handler serves only public/css and the map bundle), and returns versioned URLs of
 * those and of the site's own assets, which the pages module serves.
 */
export function registerReferralAssets(app: FastifyInstance, base: string): ReferralAssetUrls {
  const files = [
    { file: REFERRAL_CSS, path: '/assets/referral/referral.css', type: 'text/css; charset=utf-8' },
    { file: REFERRAL_JS, path: '/assets/referral/referral.js', type: 'text/javascript; charset=utf-8' },
  ];
  const urls = files.map(({ file, path, type }) => {
    const body = readFileSync(file);
    app.get(path, async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`);
      reply.type(type);
      return body;
    });
    return `${base}${path}?v=${hashOf(body)}`;
  });
  return {
    site: {
      siteCss: versioned(`${base}/assets/css/site.css`, join(CSS_DIR, 'site.css')),
      mapJs: versioned(`${base}/assets/map.js`, join(BUILD_DIR, 'map.js')),
      mapCss: versioned(`${base}/assets/map.css`, join(BUILD_DIR, 'map.css')),
    },
    css: urls[0]!,
    js: urls[1]!,
  };
}

function hashOf(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

function versioned(url: string, file: string): string {
  return existsSync(file) ? `${url}?v=${hashOf(readFileSync(file))}` : url;
}
