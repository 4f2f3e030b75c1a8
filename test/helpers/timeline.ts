// The stage history of one note, indexed alone at the tests' fixed today, for the stage-history suites.
import { componentTimeline, createIndex, type ComponentTimeline } from '../../src/core/index';
import { TODAY } from './vault';

export function timelineOf(text: string, path = 'Components/Widget.md'): ComponentTimeline {
  const index = createIndex({ today: TODAY });
  index.upsert(path, text);
  const c = index.component(path);
  if (!c) throw new Error('not a component');
  return componentTimeline(c, index.pipeline, TODAY);
}
