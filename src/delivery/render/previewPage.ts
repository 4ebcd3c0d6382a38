import escapeHtml from 'escape-html'

import type { DeliveredArticle } from '../types'
import { factHtml, figureHtml } from './body'
import { sanitizeBodyHtml } from './sanitize'

export interface PreviewPageOptions {
  /** When the preview link stops working, shown in the draft banner. */
  expiresAt: string
}

/**
 * Scripts, frames, forms and other sites' styles are impossible, whatever a draft contains:
 * the page is served from the CMS's own origin, where staff are signed in.
 */
export const PREVIEW_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const STYLE = `
body{margin:0;font:17px/1.55 Georgia,'Times New Roman',serif;color:#1b1b1b;background:#fff}
.draft{position:sticky;top:0;margin:0;padding:.6em 1em;background:#ffd84d;color:#1b1b1b;
font:600 15px/1.4 system-ui,sans-serif;border-bottom:2px solid #b58900}
article{max-width:42em;margin:0 auto;padding:1.5em 1em 4em}
h1{font-size:2.1em;line-height:1.15;margin:.2em 0 .4em}
.standfirst{font-size:1.2em;color:#333}
.meta,.dateline{font:14px/1.4 system-ui,sans-serif;color:#555}
figure{margin:1.5em 0}img{max-width:100%;height:auto}
figcaption{font:14px/1.4 system-ui,sans-serif;color:#444}.credit{color:#666}
blockquote{margin:1.5em 0;padding-left:1em;border-left:4px solid #c00}
blockquote footer{font:14px/1.4 system-ui,sans-serif;color:#444}
aside.fact{margin:1.5em 0;padding:.8em 1em;background:#f3f3f3;font:15px/1.4 system-ui,sans-serif}
.facts h2{font:600 16px/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em}
`

const list = (names: string[]) => escapeHtml(names.filter(Boolean).join(', '))

/**
 * The draft as a reader would see the story, in one self-contained page: headline, standfirst,
 * hero photo with its credit, the body (photos, attributed quotes, fact boxes) and the facts
 * the story is tagged with, under a banner that says it is an unpublished draft. Pure.
 */
export function previewPage(article: DeliveredArticle, options: PreviewPageOptions): string {
  const { championship } = article
  const context = [
    list(championship.series.map((series) => series.name)),
    championship.season ? escapeHtml(championship.season.name) : '',
    championship.event ? escapeHtml(championship.event.name) : '',
  ].filter(Boolean)
  const facts = [...championship.titles, ...championship.results]
  return `<!doctype html>
<html lang="${escapeHtml(article.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>Draft preview: ${escapeHtml(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="draft" role="status">Draft preview, not published. This link works until ${escapeHtml(options.expiresAt)}; do not share it.</p>
<article>
<header>
${article.dateline ? `<p class="dateline">${escapeHtml(article.dateline)}</p>` : ''}
<h1>${escapeHtml(article.title)}</h1>
${article.standfirst ? `<p class="standfirst">${escapeHtml(article.standfirst)}</p>` : ''}
${article.authors.length ? `<p class="meta">By ${list(article.authors.map((a) => a.name))}</p>` : ''}
${context.length ? `<p class="meta">${context.join(' · ')}</p>` : ''}
</header>
${article.heroPhoto ? figureHtml(article.heroPhoto) : ''}
<div class="body">
${sanitizeBodyHtml(article.html)}
</div>
${facts.length ? `<section class="facts"><h2>Facts</h2>${facts.map(factHtml).join('\n')}</section>` : ''}
</article>
</body>
</html>
`
}
