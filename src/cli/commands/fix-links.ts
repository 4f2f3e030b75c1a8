// `maturity-map fix --links <file|dir>`: dependencies written as plain text become the host's own
// links (Obsidian `[[…]]`, Logseq page references), so its backlinks and graph see them. The whole
// vault is read (a link must resolve among every note); only the notes named are written.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { indexResolution, linkDependencies, logseqLinkTargets, obsidianLinkTargets, type FileNameFormat, type LinkStyle } from '../../core/index';
import { loadVault, type LoadedVault } from '../context';
import { findVaultRoot, unifiedDiff } from '../edit-support';
import { UsageError } from '../files';
import { NoteAccessError, NoteConflictError, readNoteForEdit, writeNoteAtomically } from '../note-io';
import { paint, visible, writeErr, writeOut } from '../terminal';
import { loadOptions, str, type CommandArgs } from './types';

interface Target {
  full: string;
  shown: string;
  id: string;
}

interface Tally {
  notes: number;
  links: number;
  left: number;
  failures: number;
}

export async function fixLinks(target: string, isDir: boolean, values: CommandArgs['values']): Promise<number> {
  const root = isDir && hasVaultMarker(target) ? resolve(target) : findVaultRoot(isDir ? join(target, '_') : target);
  const vault = await loadVault(root, loadOptions(values));
  const style = linkStyle(root, str(values['host']));
  const targetOf = targetsFor(vault, root, style);
  const files = notesToLink(vault, root, target, isDir);
  const mode = values['check'] === true ? 'check' : values['dry-run'] === true ? 'dry-run' : 'write';
  const tally: Tally = { notes: 0, links: 0, left: 0, failures: 0 };
  for (const file of files) await linkOne(file, { vault, style, targetOf, mode }, tally);
  const verb = mode === 'write' ? 'linked' : 'to link';
  const failed = tally.failures > 0 ? `, ${tally.failures} note${tally.failures === 1 ? '' : 's'} not ${mode === 'write' ? 'written' : 'readable'} (see above)` : '';
  writeOut(`${tally.links} dependenc${tally.links === 1 ? 'y' : 'ies'} ${verb} in ${tally.notes} note${tally.notes === 1 ? '' : 's'} (${files.length} checked, ${style} links), ${tally.left} left as text${failed}\n`);
  if (tally.failures > 0) return 2;
  return mode === 'check' && tally.notes > 0 ? 1 : 0;
}

interface LinkRun {
  vault: LoadedVault;
  style: LinkStyle;
  targetOf: (id: string) => string | null;
  mode: 'check' | 'dry-run' | 'write';
}

async function linkOne(file: Target, run: LinkRun, tally: Tally): Promise<void> {
  try {
    const snapshot = await readNoteForEdit(file.full);
    const result = linkDependencies(snapshot.text, run.vault.index.pipeline, {
      style: run.style,
      selfId: file.id,
      resolve: indexResolution(run.vault.index, file.id),
      targetOf: run.targetOf,
    });
    for (const s of result.skipped) if (s.reason !== 'self') writeErr(`maturity-map fix: ${visible(file.shown)}:${s.line}: ${visible(s.message)}\n`);
    tally.left += result.skipped.filter((s) => s.reason !== 'self').length;
    if (result.changes.length === 0) return;
    if (run.mode === 'dry-run') writeOut(unifiedDiff(file.shown, snapshot.text, result.text));
    else if (run.mode === 'check') writeOut(`${visible(file.shown)}: ${result.linked.length} dependenc${result.linked.length === 1 ? 'y' : 'ies'} not linked\n`);
    else await writeNoteAtomically(snapshot, result.text);
    // Counted once the note is written (or would be): a refused write linked nothing.
    tally.notes++;
    tally.links += result.linked.length;
    if (run.mode !== 'write') return;
    writeOut(`${paint('green', 'linked')} ${visible(file.shown)}\n${result.linked.map((l) => `  line ${l.line}: ${visible(l.link)}`).join('\n')}\n`);
  } catch (err) {
    if (!(err instanceof NoteAccessError || err instanceof NoteConflictError)) throw err;
    tally.failures++;
    writeErr(`maturity-map fix: ${visible(err.message)}\n`);
  }
}

function hasVaultMarker(dir: string): boolean {
  return ['.maturity-map.json', '.obsidian', 'logseq', '.git'].some((m) => existsSync(join(dir, m)));
}

/** `--host`, else Logseq when the vault has Logseq's `logseq/` folder, else Obsidian. */
function linkStyle(root: string, host: string | undefined): LinkStyle {
  if (host !== undefined) {
    if (host !== 'obsidian' && host !== 'logseq') throw new UsageError(`--host expects obsidian or logseq, got "${host}"`);
    return host;
  }
  return isLogseqGraph(root) ? 'logseq' : 'obsidian';
}

function isLogseqGraph(root: string): boolean {
  try {
    return statSync(join(root, 'logseq')).isDirectory();
  } catch {
    return false;
  }
}

/** `:file/name-format :triple-lowbar` in logseq/config.edn; graphs without it name files the legacy way. */
function fileNameFormat(root: string): FileNameFormat {
  try {
    const edn = readFileSync(join(root, 'logseq', 'config.edn'), 'utf8');
    return /:file\/name-format\s+:triple-lowbar/.test(edn) ? 'triple-lowbar' : 'legacy';
  } catch {
    return 'triple-lowbar'; // no config: the corpus's and today's default
  }
}

function targetsFor(vault: LoadedVault, root: string, style: LinkStyle): (id: string) => string | null {
  if (style === 'obsidian') return obsidianLinkTargets(vault.paths);
  return logseqLinkTargets(vault.paths, (id) => {
    try {
      return readFileSync(join(root, id), 'utf8');
    } catch {
      return null;
    }
  }, fileNameFormat(root));
}

/** A folder: its component notes; a file: that note, whatever it is. */
function notesToLink(vault: LoadedVault, root: string, target: string, isDir: boolean): Target[] {
  const shownOf = (full: string) => relative(process.cwd(), full) || full;
  if (!isDir) {
    const full = resolve(target);
    return [{ full, shown: shownOf(full), id: relative(root, full).split(sep).join('/') }];
  }
  const inside = relative(root, resolve(target)).split(sep).join('/');
  const ids = vault.index.ids().filter((id) => inside === '' || id.startsWith(`${inside}/`));
  return ids.map((id) => ({ full: join(root, id), shown: inside === '' ? id : shownOf(join(root, id)), id }));
}
