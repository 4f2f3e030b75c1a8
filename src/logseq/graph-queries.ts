// The Datalog queries the graph index sends to Logseq's database, and how big a piece of work
// each may ask for. Every one runs on Logseq's UI thread: none walks every file's text, and the
// ones that name pages take their ids inlined (`ground`) and look each one up by pull.
import { timeSlicing, type Slicing } from '../plugin-cache/slicing';
import type { FileRow } from './host';
import type { YieldNow } from './steps';

/**
 * Pages per content query: ~0.2 MB of text. The host runs the query, pulls and clones the text
 * in one task on its UI thread, and the frame takes the reply in one task: both grow with the
 * chunk, and both must stay well under 50 ms (measured by `npm run bench:logseq`).
 */
export const PULL_CHUNK = 25;
/**
 * Pages per path or kind query (no text). Each id is a pull (~40 µs of datascript each in the
 * app's thread, plus the answer's clone): 100 keep one such query near 10 ms.
 */
export const WHERE_CHUNK = 100;
/**
 * Pages per version query at start-up (`pageVersionsQuery`). Such a query costs the app's thread
 * ~11 ms whatever its size (datascript joins its clauses over every file's datoms) plus ~0.03 ms a
 * page (the pull), measured in the harness at 10k pages (benchmarks.md, session 27): 100 pages a
 * query made a warm start a hundred round trips and 1.4 s of the app's thread; 250 make it 40
 * and ~0.75 s, each query ~19 ms on a quiet core (400 reached 45–52 ms on a loaded one).
 */
export const VERSION_CHUNK = 250;
/** Parse for at most this long before giving the thread back. */
export const SLICE_MS = 8;

/** The plugin's slicing for the shared code (src/plugin-cache): SLICE_MS slices, `yieldNow` between them (each resumed slice named `step`). */
export function frameSlicing(yieldNow: YieldNow, now: () => number = () => performance.now(), step?: string): Slicing {
  return timeSlicing(SLICE_MS, now, () => yieldNow(step));
}

const PULL = '(pull ?p [:db/id :block/name :block/original-name :block/journal? {:block/file [:db/id :file/path :file/content :file/last-modified-at]}])';
/** The same pull without the text: what a start-up needs to take a page from the cache. */
const PULL_META = '(pull ?p [:db/id :block/name :block/original-name :block/journal? {:block/file [:db/id :file/path :file/last-modified-at]}])';

/** `[(ground [1 2 3]) [?p ...]]`: binds ?p (or another variable) to these ids with no input to parse. */
function groundIds(ids: readonly number[], variable = '?p'): string {
  return `[(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [${variable} ...]]`;
}

/**
 * The ids of every page that has a file (no text), optionally within a namespace. Once, at
 * start-up; one clause (one scan), no join: which of them are Markdown pages is asked by id.
 */
export function pageIdsQuery(namespacePrefix: string): string {
  const prefix = namespacePrefix.trim().toLowerCase().replace(/\/+$/, '');
  if (prefix === '') return '[:find [?p ...] :where [?p :block/file]]';
  return `[:find [?p ...] :where [?p :block/file] [?p :block/name ?n] [(clojure.string/starts-with? ?n ${ednString(`${prefix}/`)})]]`;
}

/** Path and kind of these pages, no text: tells which changed pages are Markdown pages. */
export function kindQuery(ids: readonly number[]): string {
  return `[:find (pull ?p [:db/id :block/journal? {:block/file [:file/path]}]) :in $ :where ${groundIds(ids)}]`;
}

/**
 * Text and path of these pages. Nothing but the pull: datascript resolves a clause like
 * `[?p :block/file ?f]` by scanning every page's datom and joining, which costs as much for 25
 * pages as for the whole graph; a pull looks each one up. Journals, whiteboards and Org files are
 * left out by `isMarkdownPage` on the answer. `:in $` spelled out: with no clause reading the
 * database, datascript would otherwise expect no input.
 */
export function pagesQuery(ids: readonly number[]): string {
  return `[:find ${PULL} :in $ :where ${groundIds(ids)}]`;
}

/**
 * Name, kind, file id, path and time of these pages, and the version of each file's text, no
 * text: a start-up from the cache pulls the text only of pages whose version it holds no note for.
 * The version is the transaction that wrote the file's `:file/content` and the file entity's
 * `:file/created-at` (the graph parser stamps a file entity it creates, and a re-index creates
 * them all anew). Datascript keeps transaction ids when Logseq persists and restores its
 * database, and every change of a text, whoever made it, is a new transaction. Asked
 * WHERE_CHUNK pages at a time (~5 ms of datascript, up to ~40 ms a task in the harness on a loaded
 * machine): the same question of every file at once scans every content datom, ~130 ms at 10k
 * pages, and 50 a query made the warm start a third longer.
 */
export function pageVersionsQuery(ids: readonly number[]): string {
  return `[:find ${PULL_META} ?tx ?created :in $ :where ${groundIds(ids)} [?p :block/file ?f] [?f :file/content _ ?tx] [(get-else $ ?f :file/created-at 0) ?created]]`;
}

/**
 * The marks of a start that holds none (kept-pages.ts), asked before any version is read: the
 * newest transaction that made file entities (`:file/created-at`, stamped once by the graph
 * parser), then the newest creation time among them, then the files made then. Each one scan whose
 * answer is a row or a few: an aggregate over values that are mostly distinct (every file's
 * creation time) binds as many rows as files, 30–60 ms at 10k pages. Rows, never a scalar: the
 * app answers nil for "no graph open" (graph-answers.ts `graphQuery`).
 */
export const NEWEST_MADE_TX_QUERY = '[:find (max ?t) :where [_ :file/created-at _ ?t]]';

export function newestMadeAtQuery(tx: number): string {
  return `[:find (max ?c) :where [_ :file/created-at ?c ${Math.trunc(tx)}]]`;
}

/** `[file tx]` of the files made at `created` (ms) in transaction `tx`. */
export function madeAtQuery(created: number, tx: number): string {
  return `[:find ?f ?t :where [?f :file/created-at ${Math.trunc(created)} ?t] [(= ?t ${Math.trunc(tx)})]]`;
}

/** `[[tx]]`, the transaction of the witness's creation if it is still there as it was made (`[file :file/created-at created]`, looked up by id); `[]` if not. */
export function witnessQuery(file: number, created: number): string {
  return `[:find ?t :where [${Math.trunc(file)} :file/created-at ${Math.trunc(created)} ?t]]`;
}

/** `[entity tx]` of the datoms of `attribute` written in a transaction after `tx`: one scan and a predicate, ~5 ms at 10k pages. */
function writtenAfter(attribute: string, tx: number): string {
  return `[:find ?e ?t :where [?e ${attribute} _ ?t] [(> ?t ${Math.trunc(tx)})]]`;
}

/**
 * What changed since a start's marks (kept-pages.ts), each search one attribute's scan with a
 * predicate (one `or` of them cost half as much again: datascript unions its branches): files
 * whose text, path or file time, and pages whose name or original name (a rename in the app, a
 * change of case) were written after the marks' transaction (`[entity tx]`), and the files made
 * since (`[file created tx]`, the next marks).
 */
export function writtenAfterQueries(tx: number): { files: string[]; pages: string[]; made: string } {
  return {
    files: [':file/content', ':file/path', ':file/last-modified-at'].map((attribute) => writtenAfter(attribute, tx)),
    pages: [':block/name', ':block/original-name'].map((attribute) => writtenAfter(attribute, tx)),
    made: `[:find ?f ?c ?t :where [?f :file/created-at ?c ?t] [(> ?t ${Math.trunc(tx)})]]`,
  };
}

/**
 * Files made, or given a file time, at or after the wall clock `ms` (`[file tx]` rows): what a
 * write since the marks shows even where the database gave transaction ids out again.
 */
export function stampedSinceQueries(ms: number): string[] {
  return [
    `[:find ?e ?t :where [?e :file/created-at ?c ?t] [(>= ?c ${Math.trunc(ms)})]]`,
    `[:find ?e ?t :where [?e :file/last-modified-at ?m ?t] [(>= ?m #inst ${ednString(new Date(ms).toISOString())})]]`,
  ];
}

/** Markdown pages only: no journals, no whiteboards (`.edn`), no Org files. */
export function isMarkdownPage(row: FileRow): boolean {
  return row['journal?'] !== true && /\.md$/i.test(row.file.path);
}

/**
 * Files Logseq wrote or re-read at or after `since`: file ids and times only. One clause and a
 * predicate, no join (joining each file to its page scans every page's `:block/file` datom: at
 * 10k pages that triples the cost); the plugin maps a file to its page itself, and asks
 * `filePagesQuery` about files it does not know.
 */
export function changedFilesQuery(since: Date): string {
  return `[:find ?f ?m :where [?f :file/last-modified-at ?m] [(>= ?m #inst ${ednString(since.toISOString())})]]`;
}

/**
 * Files whose entity the app made at or after `since` (ms), with their file times and creation
 * times: a file renamed on disk keeps its mtime (rename(2)), and the watcher reads it as a new
 * file stamped with that old time, which `changedFilesQuery` does not reach; the graph parser
 * stamps every file entity it makes with `:file/created-at` (the wall clock, `graph_parser.cljs`).
 * One clause and a predicate over creation times, as the other; asked by the poll only.
 */
export function createdFilesQuery(since: number): string {
  return `[:find ?f ?m ?c :where [?f :file/created-at ?c] [(>= ?c ${Math.trunc(since)})] [(get-else $ ?f :file/last-modified-at 0) ?m]]`;
}

/** The page of each of these files (the reverse of `:block/file`), its kind and the file's path: pulls only. */
export function filePagesQuery(fileIds: readonly number[]): string {
  return `[:find (pull ?f [:db/id :file/path {:block/_file [:db/id :block/journal?]}]) :in $ :where ${groundIds(fileIds, '?f')}]`;
}

/**
 * How many pages have a file: a deletion shows as a smaller count (no ids, no text). One scan of
 * every page's `:block/file` datom (~30 ms at 10k pages): asked by the poll only, never on a
 * route change.
 */
export const PAGE_COUNT_QUERY = '[:find (count ?p) . :where [?p :block/file]]';

/** Where these pages' files are now (renames), and which are gone (no file in the answer); pulls only. */
export function whereQuery(ids: readonly number[]): string {
  return `[:find (pull ?p [:db/id {:block/file [:file/path]}]) :in $ :where ${groundIds(ids)}]`;
}

function ednString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
