import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the Markdown is escaped by markdown-it (html: false), unsafe link
// schemes are refused by its validateLink, and the output goes through
// sanitize-html with an allow-list as a second line of defence.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
  });
}
