import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyServerOptions, FastifySchemaValidationError } from 'fastify';
import { Gazetteer } from '../ingest/geocode/gazetteer.js';
import { NotFoundError } from '../store/store.js';
import type { Store } from '../store/store.js';
import { AnalysisService } from './api/analysis-service.js';
import type { AppDeps } from './app-deps.js';
import { registerAuth, type AuthSettings } from './auth/index.js';
import { BadRequestError } from './http-errors.js';
import type { ApiErrorBody } from './http-errors.js';
import { registerRoutes } from './routes.js';

export interface AppOptions {
  store: Store;
  logger?: boolean;
  now?: () => Date;
  /** Requests per minute per client on /api (default 600); 0 disables rate limiting. */
  rateLimitPerMinute?: number;
  /**
   * Which proxies to believe about the client's address and scheme (Fastify `trustProxy`):
   * false (default) when the server faces clients directly, else a hop count or the proxies'
   * addresses. Believing X-Forwarded-For from anyone would let any client pick its own
   * address and escape the rate limits.
   */
  trustProxy?: boolean | number | string;
  tileUrl?: string;
  correctionsEmail?: string;
  /**
   * Signs session cookies and keys CSRF tokens; the same on every server of a deployment.
   * Default: a random secret kept in the store's meta, written by the first server to start.
   */
  sessionSecret?: string;
  /** Session length and sign-in attempt limits (defaults in src/http/auth/auth.ts). */
  auth?: Partial<Omit<AuthSettings, 'secret'>>;
}

/**
 * Builds the HTTP application from a Store: JSON API under /api/v1, pages under /en and /fr,
 * static assets under /assets. Reference layers are read once here to build the gazetteer.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    // Query strings like ?jurisdiction=federal&jurisdiction=municipal arrive as arrays.
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: trustProxyOption(options.trustProxy ?? false),
  };
  const app: FastifyInstance = Fastify(serverOptions);
  const { store } = options;
  const [places, communities, fsas, units] = await Promise.all([
    store.listPlaces(),
    store.listCommunities(),
    store.listFsaCentroids(),
    store.listPopulationUnits(),
  ]);
  const now = options.now ?? (() => new Date());
  const auth = await registerAuth(app, store, {
    ...(options.sessionSecret === undefined ? {} : { secret: options.sessionSecret }),
    ...(options.auth === undefined ? {} : { settings: options.auth }),
    now,
    basePath: '',
  });
  const deps: AppDeps = {
    store,
    places: Gazetteer.from({ places, communities, fsas, units }),
    now,
    auth,
    analysis: new AnalysisService(store),
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

/** A hop count becomes proxy-addr's trust function (Fastify's types take no number). */
function trustProxyOption(trust: boolean | number | string): NonNullable<FastifyServerOptions['trustProxy']> {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
