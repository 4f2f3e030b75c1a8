// The fake host's own contract: the JSON shapes the Logseq 0.10.x app returns for a file graph
// (`sdk-utils/normalize-keyword-for-json`), checked here so the plugin tests stand on them.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createFakeGraph } from './fake/graph';
import { createFakeHost } from './fake/host';

const NOTE = 'current-stage:: staging\nfunctional-group:: Messaging\ntags:: maturity, messaging\n\n- **Current Stage**: Staging\n';

function setup() {
  const graph = createFakeGraph();
  graph.setFile('pages/Harbor___Components___Notification Hub.md', NOTE);
  const window = new Window();
  const fake = createFakeHost({ graph, hostDocument: window.document as unknown as Document, macroArguments: () => null });
  type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
  return { graph, fake, doc: window.document, api: (ns: string) => fake.logseq[ns] as Api };
}

describe('the fake 0.10.x host', () => {
  it('Editor.getPage camelCases every key, property keys included', async () => {
    const { api } = setup();
    const page = (await api('Editor')['getPage']!('harbor/components/notification hub')) as Record<string, unknown>;
    expect(page['originalName']).toBe('Harbor/Components/Notification Hub');
    expect(page['name']).toBe('harbor/components/notification hub');
    expect(page['properties']).toEqual({ currentStage: 'staging', functionalGroup: 'Messaging', tags: ['maturity', 'messaging'] });
    expect(page['propertiesTextValues']).toEqual({ currentStage: 'staging', functionalGroup: 'Messaging', tags: 'maturity, messaging' });
    expect(page['file']).toEqual({ id: expect.any(Number) });
    expect(page['tags']).toEqual([{ id: expect.any(Number) }, { id: expect.any(Number) }]);
  });

  it('DB.datascriptQuery keeps kebab-case and drops namespaces; unknown queries fail loudly', async () => {
    const { api } = setup();
    const rows = (await api('DB')['datascriptQuery']!('[:find (pull ?p [:db/id :block/name :block/original-name {:block/file [:file/path :file/content]}]) :where [?p :block/name] [?p :block/file ?f]]')) as unknown[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toEqual({ id: expect.any(Number), name: 'harbor/components/notification hub', 'original-name': 'Harbor/Components/Notification Hub', file: { path: 'pages/Harbor___Components___Notification Hub.md', content: NOTE } });
    await expect(api('DB')['datascriptQuery']!('[:find ?e :where [?e :block/marker "TODO"]]')).rejects.toThrow(/unsupported query/);
  });

  it('rejects what the 0.10.x app lacks, as the SDK host does', async () => {
    const { api, fake } = setup();
    await expect(api('App')['checkCurrentIsDbGraph']!()).rejects.toThrow('Not existed method #checkCurrentIsDbGraph');
    await expect(api('Editor')['getPageProperties']!('x')).rejects.toThrow('Not existed method #getPageProperties');
    await expect(api('DB')['getFileContent']!('pages/x.md')).rejects.toThrow('Not existed method #getFileContent');
    expect(fake.rejected).toEqual(['App.checkCurrentIsDbGraph', 'Editor.getPageProperties', 'DB.getFileContent']);
  });

  it('sanitises injected templates; a re-rendered macro gets a new slot and the old one’s UI goes', () => {
    const { graph, fake, doc } = setup();
    const block = graph.addBlock(graph.pageOfFile('pages/Harbor___Components___Notification Hub.md')!, '{{renderer :maturity}}');
    const provideUI = fake.logseq['provideUI'] as (ui: object) => unknown;
    const first = fake.renderBlock(block);
    provideUI({ key: 'k', slot: first, reset: true, template: '<b onclick="x()" data-on-click="open">hi</b><script>bad()</script>' });
    const injected = doc.getElementById('maturity-map--k')!;
    expect(injected.querySelector('script')).toBeNull();
    expect(injected.querySelector('b')?.getAttribute('onclick')).toBeNull();
    expect(injected.querySelector('b')?.getAttribute('data-on-click')).toBe('open');
    const second = fake.rerenderBlock(block, first);
    expect(second).not.toBe(first);
    expect(doc.getElementById('maturity-map--k')).toBeNull();
    provideUI({ key: 'k2', slot: first, template: '<b>late</b>' });
    expect(fake.missedWrites).toEqual([`#${first}`]);
  });
});
