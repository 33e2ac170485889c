import type { FeatureValue, OgcCatalogue, OgcCollection, OgcFeature } from './ogc-collections.js';
import { CONFORMANCE_CLASSES, segment, urlOf, type ItemsPage, type Link } from './ogc-documents.js';

// The HTML encoding of the OGC API (conformance class "html"): plain, script-free pages with
// tables, headings in both official languages, every value escaped (open data may contain
// markup), and the JSON alternate linked from each page.

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

function page(title: string, body: string, links: readonly Link[]): string {
  const alternates = links
    .filter((l) => l.rel === 'alternate')
    .map((l) => `<link rel="alternate" type="${e(l.type)}" href="${e(l.href)}">`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>${alternates}</head>
<body>
<main>
<h1>${e(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function linkList(links: readonly Link[]): string {
  return `<ul>${links.map((l) => `<li><a href="${e(l.href)}" type="${e(l.type)}">${e(l.title ?? l.rel)}</a> (${e(l.rel)}, ${e(l.type)})</li>`).join('')}</ul>`;
}

function cell(value: FeatureValue): string {
  if (value === null) return '';
  return e(String(value));
}

export function landingHtml(doc: { title: string; description: string; links: Link[] }): string {
  return page(doc.title, `<p>${e(doc.description)}</p>\n${linkList(doc.links)}`, doc.links);
}

export function conformanceHtml(links: Link[]): string {
  return page(
    'Conformance / Conformité',
    `<ul>${CONFORMANCE_CLASSES.map((c) => `<li>${e(c)}</li>`).join('')}</ul>`,
    links,
  );
}

export function collectionsHtml(base: string, catalogue: OgcCatalogue, links: Link[]): string {
  const rows = catalogue.collections
    .map(
      (c) =>
        `<tr><td><a href="${e(urlOf(base, `/collections/${segment(c.id)}`, { f: 'html' }))}">${e(c.id)}</a></td><td>${e(c.title)}</td><td>${c.features.length}</td><td><a href="${e(urlOf(base, `/collections/${segment(c.id)}/items`, { f: 'html' }))}">items</a></td></tr>`,
    )
    .join('\n');
  return page(
    'Collections',
    `<table>
<thead><tr><th scope="col">Id</th><th scope="col">Title / Titre</th><th scope="col">Features / Entités</th><th scope="col">Items</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
    links,
  );
}

export function collectionHtml(collection: OgcCollection, links: Link[]): string {
  const extent = collection.extent ? collection.extent.join(', ') : '—';
  return page(
    collection.title,
    `<p>${e(collection.description)}</p>
<dl><dt>Id</dt><dd>${e(collection.id)}</dd><dt>Features / Entités</dt><dd>${collection.features.length}</dd><dt>Extent / Étendue (CRS84)</dt><dd>${e(extent)}</dd></dl>
${linkList(links)}`,
    links,
  );
}

function featureTable(base: string, collection: OgcCollection, features: readonly OgcFeature[]): string {
  const columns = features[0] ? Object.keys(features[0].properties) : [];
  const head = ['id', 'longitude', 'latitude', ...columns]
    .map((c) => `<th scope="col">${e(c)}</th>`)
    .join('');
  const rows = features
    .map((f) => {
      const href = urlOf(base, `/collections/${segment(collection.id)}/items/${segment(f.id)}`, {
        f: 'html',
      });
      const cells = columns.map((c) => `<td>${cell(f.properties[c] ?? null)}</td>`).join('');
      return `<tr><td><a href="${e(href)}">${e(f.id)}</a></td><td>${f.point ? f.point[0] : ''}</td><td>${f.point ? f.point[1] : ''}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

export function itemsHtml(
  base: string,
  collection: OgcCollection,
  itemsPage: ItemsPage,
  offset: number,
): string {
  const first = itemsPage.features.length > 0 ? offset + 1 : 0;
  const last = offset + itemsPage.features.length;
  return page(
    collection.title,
    `<p>${first}–${last} / ${itemsPage.numberMatched}</p>
${linkList(itemsPage.links)}
${featureTable(base, collection, itemsPage.features)}`,
    itemsPage.links,
  );
}

export function featureHtml(feature: OgcFeature, links: Link[]): string {
  const rows = Object.entries(feature.properties)
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${cell(v)}</td></tr>`)
    .join('\n');
  const where = feature.point ? `${feature.point[1]}, ${feature.point[0]}` : '—';
  return page(
    feature.id,
    `<p>Latitude, longitude: ${e(where)}</p>
<table>
<tbody>
${rows}
</tbody>
</table>
${linkList(links)}`,
    links,
  );
}
