// A note as a list of blocks, written out either as a Markdown page (Obsidian, MATURITY.md) or
// as a Logseq outliner page (every block a bullet, headings inside bullets, tab indentation).

export interface Item {
  text: string;
  children?: Item[];
}

export type Block =
  | { kind: 'heading'; depth: number; text: string }
  /** Consecutive lines of one paragraph (`**Key**: value` header lines). */
  | { kind: 'para'; lines: string[] }
  /** `attached`: written right under the previous paragraph (`**Blockers**:` then bullets). */
  | { kind: 'list'; items: Item[]; ordered?: boolean; marker?: '-' | '*' | '+'; attached?: boolean }
  | { kind: 'code'; fence: '```' | '~~~'; lang: string; lines: string[] }
  | { kind: 'comment'; lines: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'rule' };

export type PageStyle = 'markdown' | 'outliner';

export interface Page {
  /** Front-matter lines without the fences, or null. */
  frontmatter: string[] | null;
  /** Logseq `key:: value` lines at the top, or null. */
  properties: string[] | null;
  blocks: Block[];
}

export function renderPage(page: Page, style: PageStyle): string {
  const out: string[] = [];
  if (page.frontmatter) out.push('---', ...page.frontmatter, '---');
  if (page.properties) out.push(...page.properties, '');
  if (style === 'markdown') renderMarkdown(page.blocks, out);
  else renderOutliner(page.blocks, out);
  return out.join('\n') + '\n';
}

function renderMarkdown(blocks: Block[], out: string[]): void {
  blocks.forEach((block, i) => {
    const attached = block.kind === 'list' && block.attached === true;
    if (i > 0 && !attached) out.push('');
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(block.depth)} ${block.text}`);
        break;
      case 'para':
        out.push(...block.lines);
        break;
      case 'list': {
        // Nested items are bullets under the item's text column.
        const walk = (items: Item[], indent: string, top: boolean) => {
          items.forEach((item, n) => {
            const marker = top && block.ordered ? `${n + 1}.` : top ? (block.marker ?? '-') : '-';
            out.push(`${indent}${marker} ${item.text}`);
            if (item.children) walk(item.children, indent + ' '.repeat(marker.length + 1), false);
          });
        };
        walk(block.items, '', true);
        break;
      }
      case 'code':
        out.push(block.fence + block.lang, ...block.lines, block.fence);
        break;
      case 'comment':
        out.push(...block.lines);
        break;
      case 'table':
        out.push(row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row));
        break;
      case 'quote':
        out.push(...block.lines.map((l) => (l === '' ? '>' : `> ${l}`)));
        break;
      case 'rule':
        out.push('---');
        break;
    }
  });
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Logseq: headings open a bullet level; every paragraph line, item and block is a bullet. */
function renderOutliner(blocks: Block[], out: string[]): void {
  let level = 0;
  let lastLabel = -1; // level of the last paragraph bullet, for attached lists
  for (const block of blocks) {
    const tabs = (n: number) => '\t'.repeat(n);
    switch (block.kind) {
      case 'heading': {
        const at = Math.max(0, block.depth - 2);
        out.push(`${tabs(at)}- ${'#'.repeat(block.depth)} ${block.text}`);
        level = at + 1;
        lastLabel = -1;
        break;
      }
      case 'para':
        for (const line of block.lines) out.push(`${tabs(level)}- ${line}`);
        lastLabel = level;
        break;
      case 'list': {
        const base = block.attached && lastLabel !== -1 ? lastLabel + 1 : level;
        const walk = (items: Item[], depth: number) => {
          for (const item of items) {
            out.push(`${tabs(depth)}- ${item.text}`);
            if (item.children) walk(item.children, depth + 1);
          }
        };
        walk(block.items, base);
        lastLabel = -1;
        break;
      }
      case 'code':
        out.push(`${tabs(level)}- ${block.fence}${block.lang}`);
        for (const line of block.lines) out.push(`${tabs(level)}  ${line}`);
        out.push(`${tabs(level)}  ${block.fence}`);
        lastLabel = -1;
        break;
      case 'comment':
        lastLabel = -1;
        break; // Logseq pages do not carry HTML comments
      case 'table':
        out.push(`${tabs(level)}- ${row(block.header)}`);
        out.push(`${tabs(level)}  ${row(block.header.map(() => '---'))}`);
        for (const r of block.rows) out.push(`${tabs(level)}  ${row(r)}`);
        lastLabel = -1;
        break;
      case 'quote':
        for (const line of block.lines) if (line !== '') out.push(`${tabs(level)}- ${line}`);
        lastLabel = -1;
        break;
      case 'rule':
        break;
    }
  }
}

export function pageBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
