// `maturity-map promote <file> --to <stage>`: the same checks the Obsidian plugin runs (criteria,
// blockers, dependency stages from the whole vault); refuses with the reasons unless --force.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { dependencyContext, localToday, mirrorProperty, planPromotion, type PromotionProblem } from '../../core/index';
import { checkToday, loadVault } from '../context';
import { describeChanges, findVaultRoot, unifiedDiff } from '../edit-support';
import { UsageError } from '../files';
import { NoteAccessError, NoteConflictError, readNoteForEdit, writeNoteAtomically } from '../note-io';
import { paint, visible, writeErr, writeOut } from '../terminal';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const promoteCommand: Command = {
  name: 'promote',
  usage: `maturity-map promote <file> --to <stage> [--force] [--dry-run]

Checks the criteria of the transition, open blockers and the stages of the dependencies (read from
the vault the note belongs to), then rewrites the Current Stage line, stage keys in front matter,
the status line and adds a dated Promotion History entry. Refuses with the reasons unless --force.

${VAULT_OPTIONS_HELP}
  --to <stage>         the stage to promote to (name, id or alias)
  --force              promote despite unmet criteria, blockers or dependencies
  --dry-run            print the checks and the diff, write nothing
  --vault <dir>        the vault to check dependencies in (default: nearest folder holding
                       .maturity-map.json, .obsidian, logseq/ or .git, else the note's folder)
  --reference <text>   added to the history entry, e.g. "Issue #233"
  (--today sets the promotion date; default: today)`,
  options: {
    ...VAULT_OPTIONS,
    to: { type: 'string' },
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    vault: { type: 'string' },
    reference: { type: 'string' },
  },
  async run({ positionals, values }) {
    const file = positionals[0];
    if (!file) throw new UsageError('missing <file>: the component note to promote');
    const to = str(values['to']);
    if (!to) throw new UsageError('missing --to <stage>');
    const today = checkToday(str(values['today'])) ?? localToday();
    const root = resolve(str(values['vault']) ?? findVaultRoot(file));
    const full = resolve(file);
    const id = relative(root, full).split(sep).join('/');
    // `..dots.md` is a name inside the vault; only a `..` segment leaves it.
    if (id === '..' || id.startsWith('../') || isAbsolute(id)) throw new UsageError(`${file} is not inside the vault ${root}`);

    let snapshot;
    try {
      snapshot = await readNoteForEdit(full);
    } catch (err) {
      if (err instanceof NoteAccessError) {
        writeErr(`maturity-map promote: ${visible(err.message)}\n`);
        return 2;
      }
      throw err;
    }
    const vault = await loadVault(root, loadOptions(values));
    const context = vault.index.component(id) ? dependencyContext(vault.index, id) : undefined;
    const force = values['force'] === true;
    const reference = str(values['reference']);
    const mirror = mirrorProperty(vault.index.config);
    const plan = planPromotion(snapshot.text, vault.index.pipeline, { to, today, force, ...(context ? { context } : {}), ...(reference ? { reference } : {}), ...(mirror ? { mirrorProperty: mirror } : {}) });

    if (!context) writeErr(`maturity-map promote: ${visible(id)} is not a component in ${visible(root)}; dependency stages are taken from what the note declares\n`);
    for (const p of plan.problems) writeOut(`${problemLine(id, p, force)}\n`);
    const refused = plan.problems.some((p) => p.level === 'refuse');
    if (refused) {
      writeOut(`${paint('red', 'not promoted')}: ${visible(id)} cannot be promoted to ${visible(to)}.\n`);
      return 1;
    }
    if (values['dry-run'] === true) {
      writeOut(unifiedDiff(id, snapshot.text, plan.text));
      writeOut(`dry run: ${plan.allowed ? 'would promote' : 'would refuse (re-run with --force to override)'}; nothing written\n`);
      return plan.allowed ? 0 : 1;
    }
    if (!plan.allowed) {
      const blocking = plan.problems.filter((p) => p.level === 'block').length;
      writeOut(`${paint('red', 'not promoted')}: ${blocking} problem${blocking === 1 ? '' : 's'} above. Fix them, or re-run with --force to promote anyway.\n`);
      return 1;
    }
    try {
      await writeNoteAtomically(snapshot, plan.text);
    } catch (err) {
      if (err instanceof NoteAccessError || err instanceof NoteConflictError) {
        writeErr(`maturity-map promote: ${visible(err.message)}\n`);
        return 2;
      }
      throw err;
    }
    writeOut(`${paint('green', 'promoted')} ${visible(id)}: ${visible(plan.from ?? '')} → ${visible(plan.to ?? '')}${force && plan.problems.some((p) => p.level === 'block') ? ' (forced)' : ''}\n${describeChanges(plan.changes).join('\n')}\n`);
    return 0;
  },
};

function problemLine(id: string, p: PromotionProblem, force: boolean): string {
  const where = `${visible(id)}${p.line ? `:${p.line}` : ''}`;
  const label = p.level === 'refuse' ? paint('red', 'refused') : p.level === 'block' ? paint(force ? 'yellow' : 'red', force ? 'overridden' : 'blocks') : paint('yellow', 'warning');
  return `${where}: ${label} ${p.code}: ${visible(p.message)}`;
}
