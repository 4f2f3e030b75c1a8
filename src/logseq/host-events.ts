// The host's events the plugin follows: a macro slot mounted, blocks changed in the app, a route
// change (something of ours may be on screen: look soon), another graph opened (read it).
import type { ChangedBlock, LogseqHost } from './host';
import { parseMacro } from './macros';
import type { PluginState } from './plugin-state';
import type { SlotRegistry } from './slots';

export function subscribe(host: LogseqHost, state: PluginState, slots: SlotRegistry, load: () => Promise<void>): Array<() => void> {
  host.App.onMacroRendererSlotted(({ slot, payload }) => {
    const macro = parseMacro(payload.arguments ?? []);
    if (!macro) return;
    void slots.mount({ slot, block: payload.uuid, macro });
    state.scheduler?.wake();
  });
  return [
    host.DB.onChanged(({ blocks }) => {
      const ids = (blocks as ChangedBlock[]).map((b) => b.page?.id).filter((id): id is number => typeof id === 'number');
      state.scheduler?.pagesChanged(ids);
    }),
    host.App.onRouteChanged(() => state.scheduler?.soon()),
    host.App.onCurrentGraphChanged(() => void load()),
  ];
}
