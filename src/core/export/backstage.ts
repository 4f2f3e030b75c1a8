// Components as Backstage catalog entities (kind Component, backstage.io/v1alpha1), so a team's
// catalog can take over from the notes: names made valid and unique for Backstage, the stage as
// `spec.lifecycle`, resolved dependencies as `dependsOn`, criteria progress and the note's path as
// annotations. Pure: the CLI writes the YAML (toBackstageYaml), tests validate with Backstage's own code.
import { Document, isScalar, visit } from 'yaml';
import { fnv1a } from '../hash';
import type { Component, StageId } from '../model';
import { backstageSchema, type BackstageSettings } from '../settings/backstage';
import type { Pipeline } from '../stages';
import { stageName } from '../stages';
import type { MaturityIndex } from '../vault-index';
import { lazy } from '../lazy';

/** The `backstage` settings (src/core/settings/backstage.ts): type, lifecycle per stage, owners, namespace, view URL. */
export type BackstageOptions = BackstageSettings;

export const defaultBackstageOptions = lazy((): BackstageOptions => backstageSchema().parse({}));

export interface BackstageEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Component';
  metadata: {
    name: string;
    namespace?: string;
    title: string;
    description?: string;
    tags?: string[];
    annotations: Record<string, string>;
  };
  spec: { type: string; lifecycle: string; owner: string; dependsOn?: string[] };
}

/** What the export reads: a live index or anything with the same view of the components. */
export type BackstageSource = Pick<MaturityIndex, 'pipeline' | 'ids' | 'component'>;

const NAME_MAX = 63;
const ANNOTATION = 'maturity-map';

/** Backstage's entity-name rule (also its label-value rule): 1–63 of [A-Za-z0-9-_.], alphanumeric at both ends. */
export const BACKSTAGE_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A short, stable hash of a note's id, to tell apart names that collide. */
function shortHash(text: string): string {
  return fnv1a(text).toString(36).padStart(7, '0').slice(-6);
}

function trimToName(text: string, max: number): string {
  return text.slice(0, max).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/**
 * A component name as a Backstage entity name: accents dropped, lower case (the catalog compares
 * names case-insensitively), every run of other characters one `-`, at most 63 characters.
 * Empty when nothing usable is left (a name in a script Backstage does not allow).
 */
export function backstageSlug(name: string, max = NAME_MAX): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return trimToName(ascii.replace(/[^a-z0-9_.]+/g, '-').replace(/([-_.])[-_.]+/g, '$1'), max);
}

function withSuffix(base: string, suffix: string): string {
  return `${trimToName(base, NAME_MAX - suffix.length - 1)}-${suffix}`;
}

/**
 * Entity names for `ids`, valid and unique (case-insensitively). A name several components would
 * share, or one with nothing usable in it, gets a hash of the note's id, so each keeps its name
 * whatever other notes come and go.
 */
export function backstageNames(ids: readonly string[], nameOf: (id: string) => string): Map<string, string> {
  const base = new Map(ids.map((id) => [id, backstageSlug(nameOf(id))]));
  const count = new Map<string, number>();
  for (const slug of base.values()) count.set(slug, (count.get(slug) ?? 0) + 1);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  // Unshared names first, so a hashed name can never take one of them.
  for (const id of ids) {
    const slug = base.get(id)!;
    if (slug !== '' && count.get(slug) === 1) {
      names.set(id, slug);
      taken.add(slug);
    }
  }
  for (const id of ids) {
    if (names.has(id)) continue;
    const slug = base.get(id)!;
    let name = withSuffix(slug || 'component', shortHash(id));
    for (let n = 2; taken.has(name); n++) name = withSuffix(slug || 'component', `${shortHash(id)}-${n}`);
    names.set(id, name);
    taken.add(name);
  }
  return names;
}

const DEPRECATED_STAGE = /deprecat|retir|sunset|decommission|end-of-life|eol/i;

/** The lifecycle of a stage: configured, else deprecated-sounding stages `deprecated`, the last other stage `production`, the rest `experimental`. */
export function lifecycleOf(stage: StageId | null, pipeline: Pipeline, configured: Record<string, string>): string {
  const explicit = stage === null ? configured['unknown'] : configured[stage];
  if (explicit) return explicit;
  if (stage === null) return 'experimental';
  if (DEPRECATED_STAGE.test(stage)) return 'deprecated';
  const live = pipeline.stages.filter((s) => !DEPRECATED_STAGE.test(s.id));
  return live[live.length - 1]?.id === stage ? 'production' : 'experimental';
}

/** An owner as an entity reference: configured, else a reference written in the note, else its words as a name. */
export function ownerRef(owner: string | null, options: BackstageOptions): string {
  const written = (owner ?? '').replace(/\[\[([^\]|]*)(\|[^\]]*)?\]\]/g, '$1').trim();
  if (!written) return options.defaultOwner;
  const configured = Object.entries(options.owners).find(([key]) => key.trim().toLowerCase() === written.toLowerCase());
  if (configured) return configured[1];
  const ref = /^(?:(group|user):)?(?:([a-z0-9]+(?:-+[a-z0-9]+)*)\/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61}[A-Za-z0-9]|[A-Za-z0-9])$/.exec(written);
  if (ref) return written;
  return backstageSlug(written) || options.defaultOwner;
}

/** Note tags that are valid Backstage tags (lower case, `-`-separated words of [a-z0-9+#], ≤ 63). */
function backstageTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const slug = tag.toLowerCase().replace(/^#/, '').replace(/[^a-z0-9+#]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug && slug.length <= NAME_MAX) out.add(slug);
  }
  return [...out];
}

function annotations(c: Component, source: BackstageSource, notePath: string, options: BackstageOptions): Record<string, string> {
  const pipeline = source.pipeline;
  const stage = c.note.stage?.id ?? null;
  const readiness = c.readiness;
  const out: Record<string, string> = {
    [`${ANNOTATION}/stage`]: stage === null ? 'unknown' : stageName(pipeline, stage),
    [`${ANNOTATION}/note-path`]: notePath,
  };
  if (readiness?.next) {
    const { met, total } = readiness.criteria;
    out[`${ANNOTATION}/next-stage`] = stageName(pipeline, readiness.next);
    out[`${ANNOTATION}/criteria`] = `${met}/${total}`;
    out[`${ANNOTATION}/ready`] = String(readiness.ready);
  }
  if (readiness) out[`${ANNOTATION}/stage-backed`] = String(readiness.backed);
  if (options.viewUrlBase) out['backstage.io/view-url'] = `${options.viewUrlBase.replace(/\/+$/, '')}/${notePath.split('/').map(encodeURIComponent).join('/')}`;
  return out;
}

function entityRef(name: string, namespace: string | undefined): string {
  return `component:${namespace ? `${namespace}/` : ''}${name}`;
}

/**
 * One entity per component (in name order). `notePath` gives the path written into the
 * `maturity-map/note-path` annotation (default: the vault-relative id).
 */
export function toBackstageEntities(source: BackstageSource, options: BackstageOptions = defaultBackstageOptions(), notePath: (id: string) => string = (id) => id): BackstageEntity[] {
  const ids = source.ids();
  const names = backstageNames(ids, (id) => source.component(id)?.name ?? id);
  const entities: BackstageEntity[] = [];
  for (const id of ids) {
    const c = source.component(id);
    if (!c) continue;
    const dependsOn = [...new Set(c.dependencies.map((d) => d.id).filter((dep): dep is string => dep !== null && dep !== id && names.has(dep)))]
      .map((dep) => entityRef(names.get(dep)!, options.namespace))
      .sort();
    const tags = backstageTags(c.note.tags);
    const entity: BackstageEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: names.get(id)!,
        ...(options.namespace ? { namespace: options.namespace } : {}),
        title: c.name,
        ...(c.readiness?.summary ? { description: c.readiness.summary } : {}),
        ...(tags.length > 0 ? { tags } : {}),
        annotations: annotations(c, source, notePath(id), options),
      },
      spec: {
        type: options.type,
        lifecycle: lifecycleOf(c.note.stage?.id ?? null, source.pipeline, options.lifecycle),
        owner: ownerRef(c.note.owner?.value ?? null, options),
        ...(dependsOn.length > 0 ? { dependsOn } : {}),
      },
    };
    entities.push(entity);
  }
  return entities;
}

/**
 * Characters YAML writes raw even inside double quotes (DEL, C1 controls, line/paragraph separators,
 * bidi controls) but that a terminal or an editor would act on; `yaml` escapes the C0 controls itself.
 */
const RAW_IN_YAML = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function entityYaml(entity: BackstageEntity): string {
  const doc = new Document(entity, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && new RegExp(RAW_IN_YAML.source).test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // Only double-quoted scalars can hold these now, where `\uXXXX` is a YAML escape.
  return doc.toString({ lineWidth: 0 }).replace(RAW_IN_YAML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The entities as one multi-document YAML file. Strings that YAML 1.1 readers would take for
 * booleans, numbers or null (`yes`, `on`, `1e3`) are quoted, so every reader sees text; control and
 * bidi characters are escapes.
 */
export function toBackstageYaml(entities: readonly BackstageEntity[], header = ''): string {
  const comment = header ? `${header.split(/\r?\n|\r/).map((line) => `# ${line}`).join('\n')}\n` : '';
  return comment + entities.map((e) => `---\n${entityYaml(e)}`).join('');
}
