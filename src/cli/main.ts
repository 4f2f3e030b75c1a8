// maturity-map: the command-line entry. Parses arguments, runs a command, turns every failure
// into a one-line message and an exit code (0 ok, 1 check failed, 2 usage or input error).
import { parseArgs } from 'node:util';
import { commands } from './commands/registry';
import { UsageError } from './files';
import { VERSION } from './version';

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
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`maturity-map: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals, values });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`maturity-map ${command.name}: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`maturity-map ${command.name}: unexpected failure: ${(err as Error).message ?? String(err)}\n`);
    if (process.env['MATURITY_MAP_DEBUG']) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`maturity-map: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
