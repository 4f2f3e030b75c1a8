// The host's events the plugin follows: a macro slot mounted, blocks changed in the app, a route
// change (something of ours may be on screen: look soon), another graph opened (read it).
import { changedPageId, type ChangedBlock, type LogseqHost } from './host';
import { parseMacro } from './macros';
import type { PluginState } from './plugin-state';
import type { SlotRegistry } from './slot-types';

export function subscribe(host: LogseqHost, state: PluginState, slots: SlotRegistry, load: () => Promise<void>): Array<() => void> {
  host.App.onMacroRendererSlotted(({ slot, payload }) => {
    const macro = parseMacro(payload.arguments ?? []);
    if (!macro) return;
    void slots.mount({ slot, block: payload.uuid, macro });
    state.scheduler?.wake();
  });
  return [
    host.DB.onChanged(({ blocks }) => {
      // A page's own entity counts too: a rename in the app changes the page and its file entity, no block.
      const ids = (blocks as ChangedBlock[]).map(changedPageId).filter((id): id is number => id !== undefined);
      state.scheduler?.pagesChanged(ids);
    }),
    host.App.onRouteChanged(() => state.scheduler?.soon()),
    host.App.onCurrentGraphChanged(() => void load()),
  ];
}
