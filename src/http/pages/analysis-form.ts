import { ACCESS_METHODS } from '../../analysis/access.js';
import { DEFAULT_CHANNELS } from '../../analysis/point-selection.js';
import type { Lang } from '../../domain/bilingual-text.js';
import { CHANNELS, JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import type { LayerOption } from '../api/analysis-service.js';
import { t } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { METRICS, type AnalysisPageQuery } from './analysis-query.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';

/** A parameter the analysis refused, with the page's words for it and the field to fix. */
export interface FormProblem {
  /** The API name of the parameter (`radius_km`), also the id of its field where it has one. */
  parameter: string;
  message: string;
}

/** The id of the field to focus for a parameter (the first box of a group). */
export function fieldIdOf(parameter: string, layers: readonly LayerOption[]): string {
  if (parameter === 'layers') return `layers-${layers[0]?.layer ?? ''}`;
  if (parameter === 'jurisdiction_levels') return `jurisdiction_levels-${JURISDICTION_LEVELS[0]}`;
  if (parameter === 'channels') return `channels-${CHANNELS[0]}`;
  if (parameter === 'catchment_km') return 'radius_km';
  return parameter;
}

/** The page's words for what is wrong with a parameter. */
export function problemText(lang: Lang, parameter: string, reason: string): string {
  switch (parameter) {
    case 'radius_km':
    case 'catchment_km':
      return t(lang, 'analysis.error.radius');
    case 'budget':
      return t(lang, 'analysis.error.budget');
    case 'method':
      return t(lang, 'analysis.error.method');
    case 'layers':
      return t(lang, 'analysis.error.layers');
    case 'jurisdiction_levels':
    case 'channels':
      return t(lang, 'analysis.error.choice');
    default:
      return t(lang, 'analysis.error.other', { reason });
  }
}

function checkbox(
  name: string,
  value: string,
  label: SafeHtml | string,
  checked: boolean,
  describedBy: string | null,
): SafeHtml {
  const id = `${name}-${value}`;
  return html`<div class="choice"><input type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}><label for="${id}">${label}</label></div>`;
}

interface TextFieldOptions {
  id: 'radius_km' | 'budget';
  label: string;
  hint: string;
  value: string;
  inputMode: 'decimal' | 'numeric';
  problem: FormProblem | null;
}

function textField(lang: Lang, field: TextFieldOptions): SafeHtml {
  const error = field.problem?.message ?? null;
  const describedBy = [`${field.id}-hint`, error ? `${field.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${field.id}">${field.label}</label>
<p class="hint" id="${`${field.id}-hint`}">${field.hint}</p>
${error ? html`<p class="error-message" id="${`${field.id}-error`}"><strong>${t(lang, 'error.prefix')}</strong> ${error}</p>` : ''}
<input type="text" class="input--short" id="${field.id}" name="${field.id}" value="${field.value}" inputmode="${field.inputMode}" maxlength="40" autocomplete="off" spellcheck="false" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

/**
 * The parameters of the analysis as a plain GET form (works without JavaScript): the metric,
 * the radius, the accessibility method and the siting budget, then which service points are
 * measured (layers, orders of government, channels) in a disclosure.
 */
export function analysisForm(
  ctx: PageContext,
  query: AnalysisPageQuery,
  layers: readonly LayerOption[],
  problem: FormProblem | null,
): SafeHtml {
  const { lang } = ctx;
  const problemOf = (...parameters: string[]): FormProblem | null =>
    problem && parameters.includes(problem.parameter) ? problem : null;
  const selectionProblem = problemOf('layers', 'jurisdiction_levels', 'channels');
  const channels = query.channels.length > 0 ? query.channels : DEFAULT_CHANNELS;
  const selected = query.layers.length + query.jurisdictionLevels.length;
  const groupError = (parameter: string): SafeHtml | '' =>
    problemOf(parameter)
      ? html`<p class="error-message" id="${`${parameter}-error`}"><strong>${t(lang, 'error.prefix')}</strong> ${problem!.message}</p>`
      : '';
  const methodError = problemOf('method');
  return html`<form class="analysis-form" action="${pagePath(ctx, lang, '/analysis')}" method="get" aria-labelledby="parameters-heading">
<fieldset class="choices">
<legend>${t(lang, 'analysis.form.metric')}</legend>
${METRICS.map(
  (metric) =>
    html`<div class="choice"><input type="radio" id="${`metric-${metric}`}" name="metric" value="${metric}"${query.metric === metric ? html` checked` : ''}><label for="${`metric-${metric}`}">${t(lang, `analysis.metric.${metric}`)}</label></div>`,
)}
</fieldset>
<div class="analysis-form__row">
${textField(lang, { id: 'radius_km', label: t(lang, 'analysis.form.radius'), hint: t(lang, 'analysis.form.radiusHint'), value: query.radiusKm, inputMode: 'decimal', problem: problemOf('radius_km', 'catchment_km') })}
<div class="field${methodError ? ' field--error' : ''}" data-metric-field="access">
<label for="method">${t(lang, 'analysis.form.method')}</label>
<p class="hint" id="method-hint">${t(lang, 'analysis.form.methodHint')}</p>
${methodError ? html`<p class="error-message" id="method-error"><strong>${t(lang, 'error.prefix')}</strong> ${methodError.message}</p>` : ''}
<select id="method" name="method" aria-describedby="${methodError ? 'method-hint method-error' : 'method-hint'}">
${ACCESS_METHODS.map(
  (method) =>
    html`<option value="${method}"${(query.method || 'e2sfca') === method ? html` selected` : ''}>${t(lang, `analysis.method.${method}`)}</option>`,
)}
</select>
</div>
${textField(lang, { id: 'budget', label: t(lang, 'analysis.form.budget'), hint: t(lang, 'analysis.form.budgetHint'), value: query.budget, inputMode: 'numeric', problem: problemOf('budget') })}
</div>
<details class="options"${selected > 0 || query.channels.length > 0 || selectionProblem ? html` open` : ''}>
<summary>${t(lang, 'analysis.form.points')}</summary>
<div class="options__body">
<fieldset class="choices choices--columns">
<legend>${t(lang, 'analysis.form.layers')}</legend>
<p class="hint" id="layers-hint">${t(lang, 'analysis.form.layersHint')}</p>
${groupError('layers')}
${layers.map((option) =>
  checkbox(
    'layers',
    option.layer,
    html`${option.sources.join(', ')} <span class="choice__detail">${t(lang, 'analysis.form.layerDetail', { layer: option.layer, count: option.points })}</span>`,
    query.layers.includes(option.layer),
    problemOf('layers') ? 'layers-hint layers-error' : 'layers-hint',
  ),
)}
</fieldset>
<fieldset class="choices">
<legend>${t(lang, 'filter.level.legend')}</legend>
${groupError('jurisdiction_levels')}
${JURISDICTION_LEVELS.map((level) =>
  checkbox(
    'jurisdiction_levels',
    level,
    t(lang, `level.${level}`),
    query.jurisdictionLevels.includes(level),
    problemOf('jurisdiction_levels') ? 'jurisdiction_levels-error' : null,
  ),
)}
</fieldset>
<fieldset class="choices">
<legend>${t(lang, 'filter.channel.legend')}</legend>
<p class="hint" id="channels-hint">${t(lang, 'analysis.form.channelsHint')}</p>
${groupError('channels')}
${CHANNELS.map((channel) =>
  checkbox(
    'channels',
    channel,
    t(lang, `channel.${channel}`),
    channels.includes(channel),
    problemOf('channels') ? 'channels-hint channels-error' : 'channels-hint',
  ),
)}
</fieldset>
</div>
</details>
<button type="submit" class="button">${t(lang, 'analysis.form.submit')}</button>
</form>`;
}
