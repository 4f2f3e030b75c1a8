// Every CLI command, in the order `--help` lists them. New commands register here.
import { fixCommand } from './fix';
import { lintCommand } from './lint';
import { promoteCommand } from './promote';
import { readinessCommand } from './readiness';
import { scanCommand } from './scan';
import type { Command } from './types';

export const commands: Command[] = [scanCommand, lintCommand, readinessCommand, fixCommand, promoteCommand];
