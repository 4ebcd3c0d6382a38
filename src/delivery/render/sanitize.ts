import sanitizeHtml from 'sanitize-html'

/**
 * What a story's HTML may contain once it leaves us: text structure, links, figures, quotes and
 * fact boxes. Everything else (scripts, event handlers, inline styles, iframes) is dropped, so a
 * downstream site can insert the HTML as it is. Links get `rel="noopener noreferrer"` when they
 * open a new window.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'u',
    's',
    'sub',
    'sup',
    'code',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'cite',
    'footer',
    'figure',
    'figcaption',
    'img',
    'aside',
    'span',
    'hr',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'target', 'rel'],
    img: ['src', 'srcset', 'width', 'height', 'alt', 'loading'],
    th: ['scope'],
    '*': ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs:
        attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : { ...attribs },
    }),
  },
}

export const sanitizeBodyHtml = (html: string): string => sanitizeHtml(html, OPTIONS)
