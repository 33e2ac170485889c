import type { Lang } from '../../domain/bilingual-text.js';
import type { Catalogue } from '../../referral/catalogue.js';
import type { NeedMatcher } from '../../referral/need-matcher.js';
import type { PartnershipCatalogue } from '../../referral/partnerships.js';
import { refer } from '../../referral/refer.js';
import type { CalledLine, Referral } from '../../referral/refer.js';
import { LocationError } from '../../referral/referral-location.js';
import type { LocationInput, ProvinceFinder } from '../../referral/referral-location.js';
import type { AppDeps } from '../app-deps.js';
import { BadRequestError } from '../http-errors.js';
import type { ReferralAssetUrls } from './referral-assets.js';

/** Everything the referral routes need, built once when they are registered. */
export interface ReferralContext {
  deps: Pick<AppDeps, 'store' | 'places' | 'now' | 'basePath' | 'tileUrl'>;
  catalogue: Catalogue;
  matcher: NeedMatcher;
  partnerships: PartnershipCatalogue;
  locator: ProvinceFinder;
  assets: ReferralAssetUrls;
}

export interface ReferralRequest {
  text: string;
  location: LocationInput | null;
  calledLine: CalledLine | null;
  lang: Lang;
  pointsPerService?: number;
}

/** refer() with the context's store, gazetteer and catalogue; a bad location is a BadRequestError. */
export async function referralFor(ctx: ReferralContext, request: ReferralRequest): Promise<Referral> {
  try {
    return await refer({
      text: request.text,
      location: request.location,
      store: ctx.deps.store,
      places: ctx.deps.places,
      catalogue: ctx.catalogue,
      matcher: ctx.matcher,
      calledLine: request.calledLine,
      locator: ctx.locator,
      lang: request.lang,
      ...(request.pointsPerService ? { pointsPerService: request.pointsPerService } : {}),
    });
  } catch (error) {
    if (error instanceof LocationError) throw new BadRequestError(error.parameter, error.message);
    throw error;
  }
}
