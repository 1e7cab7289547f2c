import MarkdownIt from 'markdown-it';
import { clean } from './html';

/** Link targets a plan may use: the web and e-mail. Relative, `javascript:`, `data:`, `file:`... stay text. */
const SAFE_LINK = /^(?:https?:|mailto:)/i;

export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}

interface Env {
  /** Source line (0-based) of the markdown's first line. */
  baseLine?: number;
}

/**
 * Markdown fields of a plan (`summary`, `market.analysis`, ...) rendered with markdown-it:
 * raw HTML is off (it shows as text), links are kept only for http, https and mailto and open
 * with `rel="noopener noreferrer"`, images become links (a plan loads nothing), headings start
 * at level 4 (below the section's), and blocks carry `data-line` for scroll sync.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.validateLink = isSafeLink;

md.core.ruler.push('plan_blocks', (state) => {
  const baseLine = (state.env as Env).baseLine;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 3)}`;
    if (baseLine !== undefined && token.block && token.map && token.nesting >= 0) token.attrSet('data-line', String(baseLine + token.map[0]));
  }
});

md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index].attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, index, options);
};

md.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
  const href = md.utils.escapeHtml(src);
  return `<a href="${href}" rel="noopener noreferrer">${md.utils.escapeHtml(alt)}</a>`;
};

/** A markdown field as HTML; `baseLine` is the source line its text starts on. */
export function renderMarkdown(source: string, baseLine?: number): string {
  return md.render(clean(source), { baseLine } satisfies Env);
}
