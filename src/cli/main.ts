// maturity-map: the command-line entry. Parses arguments, runs a command, turns every failure
// into a one-line message and an exit code (0 ok, 1 check failed, 2 usage or input error).
import { parseArgs } from 'node:util';
import { commands } from './commands/registry';
import { UsageError } from './files';
import { finishOutput, visible, watchOutput, writeErr, writeOut } from './terminal';
import { VERSION } from './version';
import { tuneV8 } from './v8-tuning';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `maturity-map ${VERSION} — component maturity notes as a live status system

Usage: maturity-map <command> <dir> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "maturity-map <command> --help" for a command's options.
Exit codes: 0 ok, 1 a check failed, 2 bad usage or unreadable input.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeOut(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    writeOut(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    writeErr(`maturity-map: unknown command "${visible(name)}"\n\n${help()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    writeOut(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals, values });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Usage messages are ours and may list several lines (settings issues); each line is escaped.
      writeErr(`maturity-map ${command.name}: ${(err as Error).message.split('\n').map(visible).join('\n')}\n`);
      return 2;
    }
    writeErr(`maturity-map ${command.name}: unexpected failure: ${visible((err as Error).message ?? String(err))}\n`);
    if (process.env['MATURITY_MAP_DEBUG']) writeErr(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}

/** Run, then make sure the output arrived: a full disk is exit 2 with a message, a closed pipe is quiet. */
async function runToEnd(argv: string[]): Promise<number> {
  tuneV8(); // before a command's code is loaded, let alone optimised
  watchOutput();
  let code: number;
  try {
    code = await main(argv);
  } catch (err) {
    writeErr(`maturity-map: ${visible(String(err))}\n`);
    code = 2;
  }
  const failure = await finishOutput();
  if (failure) {
    writeErr(`maturity-map: ${failure}\n`);
    return 2;
  }
  return code;
}

void runToEnd(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
