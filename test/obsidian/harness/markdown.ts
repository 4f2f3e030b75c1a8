// Reading view: a note split into sections (as the metadata cache sees them), each rendered to a
// section element, then every registered code-block processor and post processor runs on it with
// a MarkdownPostProcessorContext. On a change the app keeps every section whose *text* is
// unchanged, wherever it moved (its line numbers are updated, its processors do not run again);
// only new text is rendered, and the render children of dropped sections are unloaded.
import type { MarkdownPostProcessorContext, MarkdownSectionInformation } from 'obsidian';
import { Component } from './events';
import { asHost, asPlugin } from './host-work';
import { computeMetadata } from './metadata';

export type PostProcessor = ((el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void) & { sortOrder?: number };
export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

/** What plugins registered: processors in sort order, code-block handlers by language. */
export const registry = {
  postProcessors: [] as PostProcessor[],
  codeBlocks: new Map<string, CodeBlockHandler>(),
};

interface Section {
  text: string;
  lineStart: number;
  lineEnd: number;
  el: HTMLElement;
  owner: Component;
}

/** `**bold**` and `` `code` `` as elements, the rest as text (enough for a readable page). */
function inline(parent: HTMLElement, text: string): void {
  for (const part of text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) parent.createEl('strong', { text: part.slice(2, -2) });
    else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) parent.createEl('code', { text: part.slice(1, -1) });
    else if (part) parent.appendText(part);
  }
}

/** Harness: what post processors asked of `getSectionInfo` (calls, and characters of note text handed over). */
export const sectionInfoReads = { calls: 0, chars: 0 };

export class ReadingRenderer extends Component {
  private sections: Section[] = [];
  private text = '';
  /** Harness: how many sections were (re)rendered by the last `set`. */
  lastRendered = 0;
  /** The elements around the sections in the sizer, as in the app: pusher and header first, footer last. */
  private readonly footerEl: HTMLElement;

  constructor(
    readonly containerEl: HTMLElement,
    private readonly sourcePath: () => string,
  ) {
    super();
    containerEl.createDiv({ cls: 'markdown-preview-pusher' });
    containerEl.createDiv({ cls: 'mod-header' });
    this.footerEl = containerEl.createDiv({ cls: 'mod-footer' });
  }

  override onunload(): void {
    for (const s of this.sections) {
      s.owner.unload();
      s.el.remove();
    }
    this.sections = [];
  }

  currentText(): string {
    return this.text;
  }

  /** Drop every rendered section (and unload its render children). */
  clear(): void {
    for (const s of this.sections) {
      s.owner.unload();
      s.el.remove();
    }
    this.sections = [];
  }

  set(text: string): void {
    asHost(() => this.render(text));
  }

  private render(text: string): void {
    this.text = text;
    const lines = text.split('\n');
    const cache = computeMetadata(text);
    const next: Array<Omit<Section, 'el' | 'owner'> & { type: string }> = (cache.sections ?? []).map((s) => ({
      type: s.type,
      lineStart: s.position.start.line,
      lineEnd: s.position.end.line,
      text: lines.slice(s.position.start.line, s.position.end.line + 1).join('\n'),
    }));
    // Reuse by text: the n-th old section with a given text serves the n-th new one.
    const byText = new Map<string, Section[]>();
    for (const old of this.sections) {
      const list = byText.get(old.text) ?? [];
      list.push(old);
      byText.set(old.text, list);
    }
    const result: Section[] = [];
    this.lastRendered = 0;
    for (const s of next) {
      const old = byText.get(s.text)?.shift();
      if (old) {
        old.lineStart = s.lineStart;
        old.lineEnd = s.lineEnd;
        result.push(old);
        continue;
      }
      result.push(this.renderSection(s, cache.frontmatter ?? null));
      this.lastRendered++;
    }
    for (const list of byText.values()) {
      for (const gone of list) {
        gone.owner.unload();
        gone.el.remove();
      }
    }
    this.sections = result;
    for (const s of result) this.containerEl.insertBefore(s.el, this.footerEl);
  }

  private context(frontmatter: unknown, owner: Component): MarkdownPostProcessorContext {
    return {
      docId: `harness-${this.sourcePath()}`,
      sourcePath: this.sourcePath(),
      frontmatter,
      addChild: (child) => owner.addChild(child as unknown as Component),
      getSectionInfo: (el: HTMLElement): MarkdownSectionInformation | null => {
        const section = this.sections.find((s) => s.el === el || s.el.contains(el)) ?? this.pendingSection;
        if (!section || !(section.el === el || section.el.contains(el))) return null;
        const text = this.text;
        // Counted when read: a processor that splits the whole note per section reads it once per section.
        return {
          get text() {
            sectionInfoReads.calls++;
            sectionInfoReads.chars += text.length;
            return text;
          },
          lineStart: section.lineStart,
          lineEnd: section.lineEnd,
        };
      },
    } as MarkdownPostProcessorContext;
  }

  private pendingSection: Section | null = null;

  private renderSection(s: Omit<Section, 'el' | 'owner'> & { type: string }, frontmatter: unknown): Section {
    const el = createDiv();
    const owner = this.addChild(new Component());
    const section: Section = { ...s, el, owner };
    this.pendingSection = section;
    const ctx = this.context(frontmatter, owner);
    const lines = s.text.split('\n');
    if (s.type === 'yaml') {
      // Properties are shown in the view header; the raw front matter section stays hidden.
      el.addClass('mod-frontmatter');
      el.hide();
    } else if (s.type === 'heading') {
      const level = /^#+/.exec(s.text)?.[0].length ?? 1;
      el.createEl(`h${Math.min(level, 6)}` as keyof HTMLElementTagNameMap, { text: s.text.replace(/^#+\s*/, '') });
    } else if (s.type === 'code') {
      const lang = /^(?:```|~~~)\s*([\w-]+)/.exec(lines[0] ?? '')?.[1] ?? '';
      const source = lines.slice(1, -1).join('\n') + (lines.length > 2 ? '\n' : '');
      const handler = registry.codeBlocks.get(lang);
      if (handler) void asPlugin(() => handler(source, el.createDiv({ cls: `block-language-${lang}` }), ctx));
      else el.createEl('pre').createEl('code', { text: source });
    } else if (s.type === 'list') {
      const ul = el.createEl('ul');
      for (const line of lines) if (line.trim()) inline(ul.createEl('li'), line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    } else if (s.type === 'thematicBreak') {
      el.createEl('hr');
    } else {
      const p = el.createEl('p');
      lines.forEach((line, i) => {
        if (i > 0) p.createEl('br');
        inline(p, line);
      });
    }
    for (const processor of [...registry.postProcessors].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))) void asPlugin(() => processor(el, ctx));
    this.pendingSection = null;
    return section;
  }
}
