/**
 * Entry point of `overens <command>`: the same core on files, for scripting and for checking
 * results outside the app. Node only; never imports the store or the renderer.
 */
import { readFileSync } from 'node:fs';
import { commands } from './commands';
import { InputError, UsageError, type CliIo } from './io';

/** Set by the build (scripts/build-cli.mjs); from package.json when run from the sources (tests). */
declare const __OVERENS_VERSION__: string | undefined;

export function version(): string {
  if (typeof __OVERENS_VERSION__ === 'string') return __OVERENS_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function helpText(): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = [
    'Överens — qualitative content analysis of agreement texts',
    '',
    'Usage: overens <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help, -h     show this help, or a command\'s help: overens <command> --help',
    '  --version, -v  print the version',
  ];
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr.write(`overens: unknown command "${first}"\n\n${helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`overens ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    // Anything else is a fault of ours, not of the input: one line, no stack trace (set
    // OVERENS_DEBUG=1 for it), and exit status 3.
    if (process.env.OVERENS_DEBUG) throw error;
    io.stderr.write(`overens ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)} (please report it; OVERENS_DEBUG=1 shows where)\n`);
    return 3;
  }
}
