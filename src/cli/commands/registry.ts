// Every CLI command, in the order `--help` lists them. New commands register here.
import { dashboardCommand } from './dashboard';
import { exportCommand } from './export';
import { fixCommand } from './fix';
import { graphCommand } from './graph';
import { lintCommand } from './lint';
import { promoteCommand } from './promote';
import { readinessCommand } from './readiness';
import { reportCommand } from './report';
import { scanCommand } from './scan';
import type { Command } from './types';

export const commands: Command[] = [scanCommand, lintCommand, readinessCommand, dashboardCommand, graphCommand, reportCommand, exportCommand, fixCommand, promoteCommand];
