// Every CLI command, in the order `--help` lists them. New commands register here.
import { lintCommand } from './lint';
import { readinessCommand } from './readiness';
import { scanCommand } from './scan';
import type { Command } from './types';

export const commands: Command[] = [scanCommand, lintCommand, readinessCommand];
