import fastifyStatic from '@fastify/static';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** URLs of the page assets, each with a content version so long caching stays correct. */
export interface AssetUrls {
  siteCss: string;
  mapJs: string;
  mapCss: string;
}

const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));
/** Our stylesheet, written by hand: public/css, served at /assets/css/. */
export const CSS_DIR = join(PUBLIC_DIR, 'css');
/** The map bundle built by Vite (vite.web.config.ts): public/build, served at /assets/. */
export const BUILD_DIR = join(PUBLIC_DIR, 'build');

// A week: file names carry no hash, so pages add ?v=<content hash> to bust caches instead.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Serves /assets/css/* from public/css and every other /assets/* from public/build, and
 * returns the versioned URLs pages link to. The map bundle may not be built yet: its URLs
 * then carry no version and answer 404 until `vite build` has run.
 */
export async function registerStaticAssets(app: FastifyInstance, base: string): Promise<AssetUrls> {
  await app.register(fastifyStatic, {
    root: CSS_DIR,
    prefix: '/assets/css/',
    maxAge: MAX_AGE_MS,
    decorateReply: false,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: BUILD_DIR,
    prefix: '/assets/',
    maxAge: MAX_AGE_MS,
    decorateReply: false,
    index: false,
    // The bundle may be built after the server starts; no warning when the folder is absent.
    suppressWarning: true,
  });
  return {
    siteCss: versioned(`${base}/assets/css/site.css`, join(CSS_DIR, 'site.css')),
    mapJs: versioned(`${base}/assets/map.js`, join(BUILD_DIR, 'map.js')),
    mapCss: versioned(`${base}/assets/map.css`, join(BUILD_DIR, 'map.css')),
  };
}

function versioned(url: string, file: string): string {
  if (!existsSync(file)) return url;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 10);
  return `${url}?v=${hash}`;
}
