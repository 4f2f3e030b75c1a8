// Who a note is: its component name and the keys links may use to reach it, and whether it is a
// component note at all. Both depend on the path, so they are recomputed on rename.
import { NONE } from './exact-array';
import type { ComponentRules } from './settings/index';
import type { MaturityNote, NoteIdentity } from './model';
import { nameKey, plain } from './text';

/** The text without a `.md` or `.markdown` ending (in any case). */
export function withoutMarkdownExtension(text: string): string {
  if (endsWithLetters(text, '.md')) return text.slice(0, -3);
  return endsWithLetters(text, '.markdown') ? text.slice(0, -9) : text;
}

/** Does `text` end with `suffix` (lower case), ASCII letters compared in any case, as `/suffix$/i` does? */
function endsWithLetters(text: string, suffix: string): boolean {
  const at = text.length - suffix.length;
  if (at < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const c = text.charCodeAt(at + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== suffix.charCodeAt(i)) return false;
  }
  return true;
}

/** File name without extension, Logseq namespaces decoded (`A___B___C` → `A/B/C`). */
export function pageNameFromPath(path: string): string {
  let base = withoutMarkdownExtension(path.slice(path.lastIndexOf('/') + 1));
  if (base.includes('___')) base = base.replace(/___/g, '/');
  if (base.includes('%')) {
    try {
      base = decodeURIComponent(base);
    } catch {
      base = base.replace(/%2F/gi, '/');
    }
  }
  return base;
}

/** The last `/`-separated segment that is not blank, trimmed (the name itself if none is). */
export function lastSegment(name: string): string {
  // From the end without splitting: identify() asks this of every note's heading and page name.
  let end = name.length;
  for (;;) {
    const slash = end > 0 ? name.lastIndexOf('/', end - 1) : -1;
    const segment = name.slice(slash + 1, end).trim();
    if (segment !== '') return segment;
    if (slash < 0) return name;
    end = slash;
  }
}

/**
 * A component name from a title: "Neo4j Component Maturity Status" → "Neo4j",
 * "Docker Component - Staging Promotion" → "Docker", "TTA/Components/LLM Maturity Document" → "LLM".
 */
export function cleanComponentName(raw: string): string {
  const original = lastSegment(plain(raw.replace(/^\[\[|\]\]$/g, '')));
  let name = original;
  name = name.replace(/\s*[-–—:|]\s*(component\s+)?(maturity|staging|production|development|promotion)\b.*$/i, '');
  name = name.replace(/\s+(component\s+)?maturity(\s+(status|document|assessment|report|tracker|note|record))?$/i, '');
  name = name.replace(/\s+component$/i, '');
  name = name.trim();
  return name === '' ? original : name;
}

export function isMaturityFileName(path: string, rules: Pick<ComponentRules, 'fileNames'>): boolean {
  let lower = lowerFileNames.get(rules.fileNames);
  if (!lower) lowerFileNames.set(rules.fileNames, (lower = rules.fileNames.map((n) => n.toLowerCase())));
  return lower.includes(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
}

// Every note's path is checked against the same few names: lower-case them once per rules.
const lowerFileNames = new WeakMap<readonly string[], string[]>();

type Named = Pick<NoteIdentity, 'name' | 'nameSource'>;

/** The note's name: its `component` property, title, first heading, folder (MATURITY.md) or file name. */
function nameOf(note: MaturityNote, path: string, maturityFolder: string | null, pageName: string): Named {
  const component = stringValue(note.properties['component']) ?? stringValue(note.properties['component-name']);
  let named: Named;
  if (component) named = { name: plain(component), nameSource: 'frontmatter' };
  else if (note.title) named = { name: cleanComponentName(note.title), nameSource: 'title' };
  else if (note.heading) named = { name: cleanComponentName(note.heading), nameSource: 'heading' };
  else if (maturityFolder !== null) named = { name: maturityFolder, nameSource: 'filename' };
  else named = { name: cleanComponentName(pageName), nameSource: 'filename' };
  if (named.name === '') named.name = pageName || path;
  return named;
}

/** The name of the folder a MATURITY.md is in (`''` at a path starting with `/`), or null: none, or not such a file. */
function maturityFolderOf(path: string, maturityFile: boolean): string | null {
  const slash = path.lastIndexOf('/');
  if (!maturityFile || slash < 0) return null;
  return path.slice(slash > 0 ? path.lastIndexOf('/', slash - 1) + 1 : 0, slash);
}

/**
 * A note the first look turned away: no key leads to it and views show only components, so its
 * name is rarely asked for. Worked out when first asked (a vault holds thousands of such notes,
 * and naming each cost more than reading it); the same name as identify() would give.
 */
function unkeyedIdentity(note: MaturityNote, path: string, rules: ComponentRules): NoteIdentity {
  let named: Named | null = null;
  const get = (): Named => (named ??= nameOf(note, path, maturityFolderOf(path, isMaturityFileName(path, rules)), pageNameFromPath(path)));
  return {
    id: path,
    get name() {
      return get().name;
    },
    get nameSource() {
      return get().nameSource;
    },
    keys: [],
  };
}

/**
 * The note's name and the keys that reach it. `withKeys: false` for a note that cannot be a
 * component (the first look turned it away): keys only ever lead to components.
 */
export function identify(note: MaturityNote, path: string, rules: ComponentRules, withKeys = true): NoteIdentity {
  if (!withKeys) return unkeyedIdentity(note, path, rules);
  const pageName = pageNameFromPath(path);
  const maturityFolder = maturityFolderOf(path, isMaturityFileName(path, rules));
  const { name, nameSource } = nameOf(note, path, maturityFolder, pageName);
  const keys = keyList.start();
  keys.add(name);
  for (const alias of note.aliases) keys.add(alias);
  keys.add(note.title);
  if (note.heading) {
    keys.add(note.heading);
    keys.add(lastSegment(note.heading));
    // The name already, when it came from the heading.
    keys.add(nameSource === 'heading' ? name : cleanComponentName(note.heading));
  }
  keys.add(pageName);
  keys.add(lastSegment(pageName));
  keys.add(withoutMarkdownExtension(path));
  if (maturityFolder !== null) {
    keys.add(maturityFolder);
    keys.add(path.slice(0, path.lastIndexOf('/')));
  }
  return { id: path, name, nameSource, keys: keys.taken() };
}

/**
 * A note's distinct keys in the order first given. A note offers the same text several times (its
 * name is often its cleaned heading, a heading or page name its own last segment): a text met
 * before is not keyed again. Most notes have under a dozen keys, so lists serve where Sets would;
 * a note with many aliases gets a Set past SHORT, so its keys stay linear work. One list serves
 * note after note (identify is not re-entered): what a note keeps is copied out at its length.
 */
class KeyList {
  private readonly keys: string[] = [];
  private readonly seen: string[] = [];
  private keyCount = 0;
  private seenCount = 0;
  private many: Set<string> | null = null;

  start(): this {
    this.keyCount = 0;
    this.seenCount = 0;
    this.many = null;
    return this;
  }

  add(value: string | null | undefined): void {
    if (!value) return;
    if (this.seenCount < SHORT) {
      if (this.has(this.seen, this.seenCount, value)) return;
      this.seen[this.seenCount++] = value;
    }
    const key = nameKey(value);
    if (key === '') return;
    if (this.many) {
      if (this.many.has(key)) return;
      this.many.add(key);
    } else if (this.has(this.keys, this.keyCount, key)) return;
    this.keys[this.keyCount++] = key;
    if (!this.many && this.keyCount > SHORT) this.many = new Set(this.keys.slice(0, this.keyCount));
  }

  /** The keys given since `start`, as a list of their own. */
  taken(): string[] {
    return this.keyCount === 0 ? NONE : this.keys.slice(0, this.keyCount);
  }

  private has(list: readonly string[], count: number, value: string): boolean {
    for (let i = 0; i < count; i++) if (list[i] === value) return true;
    return false;
  }
}

const SHORT = 16;
const keyList = new KeyList();

/** Properties that name the file a note mirrors (`path: src/billing/MATURITY.md`). */
export const MIRROR_KEYS: readonly string[] = ['path', 'source'];

export function mirroredPath(properties: MaturityNote['properties']): string | null {
  for (const key of MIRROR_KEYS) {
    const value = stringValue(properties[key]);
    if (value) return value;
  }
  return null;
}

export function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A title or first heading with one of these words makes a stated stage enough (`Neo4j Maturity`). */
export const STRUCTURE_TITLE_WORDS: readonly string[] = ['maturity'];
const TITLE_WORD_PATTERNS = STRUCTURE_TITLE_WORDS.map((word) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));

export type ComponentReason = 'tag' | 'file-name' | 'frontmatter' | 'structure';

function inFolder(path: string, folder: string): boolean {
  const f = folder.replace(/^\/+|\/+$/g, '');
  return f === '' || path === f || path.startsWith(`${f}/`);
}

/**
 * Whether a note is a component maturity note, and why. The default rules pick notes that carry
 * a marker tag, are named MATURITY.md (or mirror one through a `path:` property), declare a stage
 * in front matter, or have the template's structure: a Current Stage in the header and either
 * criteria sections or the header fields that go with it.
 */
/** Excluded, or outside the folders the rules name: never a component. */
export function outsideFolders(path: string, rules: Pick<ComponentRules, 'folders' | 'excludeFolders'>): boolean {
  if (rules.excludeFolders.some((f) => inFolder(path, f))) return true;
  return rules.folders.length > 0 && !rules.folders.some((f) => inFolder(path, f));
}

export function classify(note: MaturityNote, path: string, rules: ComponentRules): ComponentReason | null {
  if (outsideFolders(path, rules)) return null;
  const tags = note.tags.map((t) => t.toLowerCase());
  if (rules.tags.length > 0 && !rules.tags.some((t) => tags.includes(t.replace(/^#/, '').toLowerCase()))) return null;

  // A marker tag makes a component of a note that states a stage or holds criteria; guides and
  // templates carry the same tag but neither (a template's stage is a placeholder).
  const marked = rules.markerTags.some((t) => tags.includes(t.replace(/^#/, '').toLowerCase()));
  if (marked && !note.signals.stagePlaceholder && (note.stage !== null || note.signals.transitionsWithCriteria > 0)) return 'tag';
  if (isMaturityFileName(path, rules)) return 'file-name';
  const mirrored = mirroredPath(note.properties);
  if (mirrored && isMaturityFileName(mirrored, rules)) return 'file-name';
  const p = note.properties;
  if (note.signals.headerStage && (p['current-stage'] !== undefined || p['maturity-stage'] !== undefined)) return 'frontmatter';
  if (stringValue(p['component']) && note.stage !== null) return 'frontmatter';
  // Logseq's own way to state it: a `stage:: Staging` page property (`key:: value` lines, which
  // only Logseq notes use; a YAML `stage:` alone stays too common a word to count).
  if (note.stage?.source === 'property' && !note.signals.stagePlaceholder) return 'frontmatter';

  if (!rules.detect || !note.signals.headerStage || note.stage?.source !== 'header') return null;
  // A dated document about a component (a plan, a report) names the component in its header.
  const headerFields = note.signals.headerFields;
  if (note.signals.transitionsWithCriteria > 0 && headerFields >= 1) return 'structure';
  if (headerFields >= 2) return 'structure';
  const titled = `${note.title ?? ''} ${note.heading ?? ''}`.toLowerCase();
  if (TITLE_WORD_PATTERNS.some((pattern) => pattern.test(titled))) return 'structure';
  return null;
}
