// `maturity-map fix <file|dir>`: make status lines say what the boxes say. A folder fixes the
// component notes in it; a file is fixed whatever it is. Writes atomically, only changed notes.
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createPipeline, fixStatusCounts, type Pipeline } from '../../core/index';
import { checkToday, loadSettings, loadVault } from '../context';
import { describeChanges, findVaultRoot, unifiedDiff } from '../edit-support';
import { UsageError } from '../files';
import { NoteAccessError, NoteConflictError, readNoteForEdit, writeNoteAtomically } from '../note-io';
import { paint, visible, writeErr, writeOut } from '../terminal';
import { fixLinks } from './fix-links';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const fixCommand: Command = {
  name: 'fix',
  usage: `maturity-map fix <file|dir> [--dry-run] [--check]
maturity-map fix --links <file|dir> [--host obsidian|logseq] [--dry-run] [--check]

Fixes each transition's status line so X/Y are the checked/total boxes (placeholders such as
X/7 are filled in). Only the numbers change. A folder fixes its component notes; a file is fixed
even when it is not a component. Notes are written atomically and only when they change.

--links instead turns dependencies written as plain text into the host's own links, so its
backlinks and graph see them: [[Note]] (or [[path/to/note|Name]] when the file name is shared) in
Obsidian, [[page]] (or [Name]([[page]])) in Logseq. Only the brackets are added; ambiguous and
unknown names stay as they are and are reported. The whole vault around the notes is read.

${VAULT_OPTIONS_HELP}
  --dry-run            print the diff, write nothing
  --check              write nothing; exit 1 when a note would change (for CI)
  --links              link dependencies instead of fixing status lines
  --host <name>        obsidian or logseq links (default: logseq when the vault has a logseq/ folder)`,
  options: { ...VAULT_OPTIONS, 'dry-run': { type: 'boolean' }, check: { type: 'boolean' }, links: { type: 'boolean' }, host: { type: 'string' } },
  async run({ positionals, values }) {
    const target = positionals[0];
    if (!target) throw new UsageError('missing <file|dir>: a note or a folder of notes');
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      throw new UsageError(`no such file or folder: ${target}`);
    }
    checkToday(str(values['today'])); // not used by fix, but a bad date is bad usage everywhere
    if (values['links'] === true) return fixLinks(target, isDir, values);
    if (values['host'] !== undefined) throw new UsageError('--host only goes with --links');
    const dryRun = values['dry-run'] === true || values['check'] === true;
    let files: Array<{ full: string; shown: string }>;
    let pipeline: Pipeline;
    if (isDir) {
      const vault = await loadVault(target, loadOptions(values));
      pipeline = vault.index.pipeline;
      files = vault.index.ids().map((id) => ({ full: join(resolve(target), id), shown: id }));
    } else {
      const root = findVaultRoot(target);
      const settings = loadSettings(root, str(values['config']));
      pipeline = createPipeline(settings.stages, settings.vocabulary);
      files = [{ full: resolve(target), shown: relative(process.cwd(), resolve(target)) || target }];
    }

    let changedNotes = 0;
    let changedLines = 0;
    let failures = 0;
    for (const file of files) {
      try {
        const snapshot = await readNoteForEdit(file.full);
        const result = fixStatusCounts(snapshot.text, pipeline);
        for (const s of result.skipped) writeErr(`maturity-map fix: ${visible(file.shown)}:${s.line}: ${visible(s.reason)}; left as is\n`);
        if (result.changes.length === 0) continue;
        if (dryRun) {
          if (values['dry-run'] === true) writeOut(unifiedDiff(file.shown, snapshot.text, result.text));
          else writeOut(`${visible(file.shown)}: ${result.changes.length} status line(s) out of date\n`);
        } else {
          await writeNoteAtomically(snapshot, result.text);
        }
        // Counted once the note is written (or would be): a refused write fixed nothing.
        changedNotes++;
        changedLines += result.changes.length;
        if (dryRun) continue;
        writeOut(`${paint('green', 'fixed')} ${visible(file.shown)}\n${describeChanges(result.changes).join('\n')}\n`);
      } catch (err) {
        if (!(err instanceof NoteAccessError || err instanceof NoteConflictError)) throw err;
        failures++;
        writeErr(`maturity-map fix: ${visible(err.message)}\n`);
      }
    }
    const verb = dryRun ? 'to fix' : 'fixed';
    const notWritten = failures > 0 ? `, ${failures} note${failures === 1 ? '' : 's'} not ${dryRun ? 'readable' : 'written'} (see above)` : '';
    writeOut(`${changedLines} status line${changedLines === 1 ? '' : 's'} ${verb} in ${changedNotes} note${changedNotes === 1 ? '' : 's'} (${files.length} checked)${notWritten}\n`);
    if (failures > 0) return 2;
    return values['check'] === true && changedNotes > 0 ? 1 : 0;
  },
};
