import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { Gazetteer } from '../ingest/geocode/gazetteer.js';
import { NotFoundError } from '../store/store.js';
import type { Store } from '../store/store.js';
import type { AppDeps } from './app-deps.js';
import { BadRequestError } from './http-errors.js';
import type { ApiErrorBody } from './http-errors.js';
import { registerRoutes } from './routes.js';

export interface AppOptions {
  store: Store;
  logger?: boolean;
  now?: () => Date;
  /** Requests per minute per client on /api (default 600); 0 disables rate limiting. */
  rateLimitPerMinute?: number;
  tileUrl?: string;
  correctionsEmail?: string;
}

/**
 * Builds the HTTP application from a Store: JSON API under /api/v1, pages under /en and /fr,
 * static assets under /assets. Reference layers are read once here to build the gazetteer.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Query strings like ?jurisdiction=federal&jurisdiction=municipal arrive as arrays.
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: true,
  });
  const { store } = options;
  const [places, communities, fsas, units] = await Promise.all([
    store.listPlaces(),
    store.listCommunities(),
    store.listFsaCentroids(),
    store.listPopulationUnits(),
  ]);
  const deps: AppDeps = {
    store,
    places: Gazetteer.from({ places, communities, fsas, units }),
    now: options.now ?? (() => new Date()),
    basePath: '',
    tileUrl: options.tileUrl ?? '',
    correctionsEmail: options.correctionsEmail ?? 'corrections@repere.example',
    partnershipsForPoint: () => [],
  };

  // Slow phones are the public's usual device: every text response over 1 KB is compressed.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(deps.tileUrl ? [new URL(deps.tileUrl.replace(/[{}]/g, '')).origin] : [])],
        connectSrc: ["'self'", ...(deps.tileUrl ? [new URL(deps.tileUrl.replace(/[{}]/g, '')).origin] : [])],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const perMinute = options.rateLimitPerMinute ?? 600;
  if (perMinute > 0) {
    await app.register(rateLimit, {
      global: false,
      max: perMinute,
      timeWindow: '1 minute',
    });
  }

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/ogc');
    let body: ApiErrorBody;
    if (error instanceof BadRequestError) {
      body = { error: { status: 400, code: 'bad_request', message: error.message, parameter: error.parameter } };
    } else if (error instanceof NotFoundError) {
      body = { error: { status: 404, code: 'not_found', message: error.message } };
    } else if ('validation' in error && error.validation) {
      body = validationErrorBody(error.validation[0]);
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      body = {
        error: {
          status: error.statusCode,
          code: error.code ?? (error.statusCode === 429 ? 'too_many_requests' : 'error'),
          message: error.message,
        },
      };
    } else {
      request.log.error(error);
      body = { error: { status: 500, code: 'internal_error', message: 'Internal error / Erreur interne' } };
    }
    reply.status(body.error.status);
    if (isApi) return reply.send(body);
    return reply.type('text/plain; charset=utf-8').send(`${body.error.status} ${body.error.message}`);
  });

  await registerRoutes(app, deps);
  return app;
}

/**
 * The 400 body of a schema validation error, naming the parameter: the first segment of the
 * instance path (`/jurisdiction/0` is the parameter `jurisdiction`) or the missing property;
 * enums list their allowed values.
 */
function validationErrorBody(first: FastifySchemaValidationError | undefined): ApiErrorBody {
  const params = (first?.params ?? {}) as { missingProperty?: string; allowedValues?: unknown[] };
  const parameter = first?.instancePath.split('/')[1] || params.missingProperty || '';
  let message = first?.message ?? 'is invalid';
  if (first?.keyword === 'required') message = 'is required';
  if (first?.keyword === 'enum' && params.allowedValues) {
    message = `must be one of: ${params.allowedValues.join(', ')}`;
  }
  return {
    error: {
      status: 400,
      code: 'bad_request',
      message: `${parameter ? `"${parameter}" ` : ''}${message}`,
      ...(parameter ? { parameter } : {}),
    },
  };
}
