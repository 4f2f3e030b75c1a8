// Preloaded into each process the CLI benchmark times (`node --import`): on exit, print the
// process's peak resident memory on stderr, so scan and its I/O floor are compared on memory too.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nmm-peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
