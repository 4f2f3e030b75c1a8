// The dependency context a promotion check needs, taken from the index: how the note's written
// dependencies resolve and which stage each dependency is at now.
import type { Dependency } from '../model';
import type { MaturityIndex } from '../vault-index';
import type { DependencyContext } from './promote';

/**
 * For the note at `path` (its id in the index). Dependencies are matched to the index's resolved
 * ones by line and name; one the index has not seen (the text was edited since) is looked up by name.
 */
export function dependencyContext(index: MaturityIndex, path: string): DependencyContext {
  const component = index.component(path);
  return {
    resolve(dep: Dependency) {
      const known = component?.dependencies.find((d) => d.line === dep.line && d.name === dep.name) ?? component?.dependencies.find((d) => d.name === dep.name);
      if (known) return known.id;
      return index.lookup(dep.name);
    },
    stageOf: (id) => index.component(id)?.note.stage?.id ?? null,
    nameOf: (id) => index.component(id)?.name ?? id,
  };
}
