// The fake host's own contract, spoken in raw Postmate messages as the SDK in the plugin's frame
// speaks them (see fake/host.ts for the sources): the handshake, `api:call` answers and errors,
// the settings echo after `settings:schema`, nil from `datascript_query` with no graph open, the
// delayed file write, and the JSON shapes the 0.10.x app returns for a file graph.
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createFakeGraph } from './fake/graph';
import { createFakeHost, POSTMATE_TYPE, type FakeHost, type FrameChannel } from './fake/host';

const NOTE = 'current-stage:: staging\nfunctional-group:: Messaging\ntags:: maturity, messaging\n\n- **Current Stage**: Staging\n';
const PATH = 'pages/Harbor___Components___Notification Hub.md';

let open: FakeHost | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

/** A frame that answers the handshake and records what the host calls. */
function frame() {
  const listeners = new Set<(data: Record<string, unknown>) => void>();
  const received: Array<Record<string, unknown>> = [];
  const channel: FrameChannel = {
    post(message) {
      const data = structuredClone(message) as Record<string, unknown>;
      received.push(data);
      if (data['postmate'] === 'handshake') setTimeout(() => listeners.forEach((l) => l({ postmate: 'handshake-reply', type: POSTMATE_TYPE })));
    },
    listen(handler) {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  };
  let sync = 0;
  /** What the SDK sends for `logseq.<ns>.<method>(...args)`; resolves with the host's reply. */
  const api = async (method: string, ...args: unknown[]) => {
    const tag = ++sync;
    listeners.forEach((l) => l({ postmate: 'emit', type: POSTMATE_TYPE, value: { name: '#lspmsg#maturity-map', data: { type: 'api:call', payload: { method, args, _sync: tag } } } }));
    for (let i = 0; i < 100; i++) {
      const reply = received.find((m) => m['property'] === '#lspmsg#reply#' && (m['data'] as { _sync: number })._sync === tag);
      if (reply) return (reply['data'] as { result: unknown }).result;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no reply to ${method}`);
  };
  const emit = (type: string, payload: unknown) => listeners.forEach((l) => l({ postmate: 'emit', type: POSTMATE_TYPE, value: { name: '#lspmsg#maturity-map', data: { type, payload } } }));
  return { channel, received, api, emit };
}

async function setup(writeIntervalMs = 1000) {
  const graph = createFakeGraph();
  graph.setFile(PATH, NOTE);
  const window = new Window();
  const fake = createFakeHost({ graph, hostDocument: window.document as unknown as Document, macroArguments: () => null, writeIntervalMs });
  open = fake;
  const f = frame();
  await fake.connect(f.channel);
  return { graph, fake, doc: window.document, ...f };
}

describe('the fake 0.10.x host', () => {
  it("runs the app's own queries before plugins load, charged to nobody (the engine is warm, as in a running app)", () => {
    const graph = createFakeGraph();
    graph.load([[PATH, NOTE]]);
    graph.runAppQueries();
    expect(graph.appQueries).toBeGreaterThan(0);
    expect(graph.stats.queries).toBe(0);
    expect(graph.datascriptQuery('[:find [?p ...] :where [?p :block/file]]')).toHaveLength(1);
    expect(graph.stats.queries).toBe(1);
  });

  it('does the Postmate handshake, then tells the frame it is ready', async () => {
    const { received } = await setup();
    expect(received[0]).toMatchObject({ postmate: 'handshake', type: POSTMATE_TYPE, model: { baseInfo: { id: 'maturity-map' } } });
    expect(received.find((m) => m['property'] === '#lspmsg#ready#')).toMatchObject({ postmate: 'call', data: { pid: 'maturity-map' } });
  });

  it('answers api:call by the snake-cased name; a method 0.10.x lacks fails with "Not existed method"', async () => {
    const { api, fake } = await setup();
    const page = (await api('getPage', 'harbor/components/notification hub')) as Record<string, unknown>;
    expect(page['originalName']).toBe('Harbor/Components/Notification Hub');
    expect(page['properties']).toEqual({ currentStage: 'staging', functionalGroup: 'Messaging', tags: ['maturity', 'messaging'] });
    expect(page['propertiesTextValues']).toEqual({ currentStage: 'staging', functionalGroup: 'Messaging', tags: 'maturity, messaging' });
    expect(page['file']).toEqual({ id: expect.any(Number) });
    const failed = (await api('checkCurrentIsDbGraph')) as Record<string, unknown>;
    expect(String(failed['#lspmsg#error#'])).toContain('Not existed method #checkCurrentIsDbGraph');
    expect(fake.rejected).toEqual(['check_current_is_db_graph']);
  });

  it('datascript_query runs real Datalog, keeps kebab-case keys and drops namespaces; nil when no graph is open', async () => {
    const { api, fake } = await setup();
    const rows = (await api('datascript_query', '[:find (pull ?p [:db/id :block/name :block/original-name {:block/file [:file/path :file/content]}]) :where [?p :block/name] [?p :block/file ?f]]')) as unknown[][];
    expect(rows).toEqual([[{ id: expect.any(Number), name: 'harbor/components/notification hub', 'original-name': 'Harbor/Components/Notification Hub', file: { path: PATH, content: NOTE } }]]);
    expect(await api('datascript_query', '[:find [?n ...] :where [?p :block/name ?n] [(clojure.string/starts-with? ?n "harbor/")]]')).toEqual(expect.arrayContaining(['harbor/components', 'harbor/components/notification hub']));
    fake.closeRepo();
    expect(await api('datascript_query', '[:find [?n ...] :where [?p :block/name ?n]]')).toBeNull();
  });

  it('settings:schema with isSync makes the host send settings:changed (defaults merged)', async () => {
    const { emit, received, fake } = await setup();
    emit('settings:schema', { schema: [{ key: 'pollSeconds', type: 'number', default: 10, title: '', description: '' }], isSync: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.settingsSent).toBe(1);
    expect(received.find((m) => m['property'] === '#lspmsg#settings#')).toMatchObject({ data: { payload: { pollSeconds: 10, disabled: false } } });
  });

  it('an edit in the app changes the database now and the file a write-queue tick later', async () => {
    const { graph, fake } = await setup(200);
    const before = graph.datascriptQuery(`[:find ?m . :where [?f :file/path "${PATH}"] [?f :file/last-modified-at ?m]]`) as Date;
    fake.editInApp(PATH, NOTE.replace(/staging/g, 'production'));
    expect((graph.editorJson(graph.pageOfFile(PATH)) as { properties: Record<string, unknown> }).properties['currentStage']).toBe('production');
    expect(graph.fileContent(PATH)).toBe(NOTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(graph.fileContent(PATH)).toContain('production');
    const after = graph.datascriptQuery(`[:find ?m . :where [?f :file/path "${PATH}"] [?f :file/last-modified-at ?m]]`) as Date;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it('sanitises injected templates; a re-rendered macro gets a new slot and the old one’s UI goes', async () => {
    const { graph, fake, doc, emit } = await setup();
    const block = graph.addBlock(graph.pageOfFile(PATH)!, '{{renderer :maturity}}');
    const first = fake.renderBlock(block);
    emit('provider:ui', { key: 'k', slot: first, reset: true, template: '<b onclick="x()" data-on-click="open">hi</b><script>bad()</script>' });
    await new Promise((r) => setTimeout(r, 10));
    const injected = doc.getElementById('maturity-map--k')!;
    expect(injected.querySelector('script')).toBeNull();
    expect(injected.querySelector('b')?.getAttribute('onclick')).toBeNull();
    expect(injected.querySelector('b')?.getAttribute('data-on-click')).toBe('open');
    const second = fake.rerenderBlock(block, first);
    expect(second).not.toBe(first);
    expect(doc.getElementById('maturity-map--k')).toBeNull();
    emit('provider:ui', { key: 'k2', slot: first, template: '<b>late</b>' });
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.missedWrites).toEqual([`#${first}`]);
  });
});
