/** The registry of CLI commands. Each command lives in its own module in this folder. */
import type { CliCommand } from '../io';
import { agreementCommand } from './agreement';
import { convertCommand } from './convert';
import { extractCommand } from './extract';
import { prevalenceCommand } from './prevalence';
import { qdpxCommand } from './qdpx';
import { suggestCommand } from './suggest';
import { unitizingCommand } from './unitizing';

export const commands: CliCommand[] = [extractCommand, agreementCommand, unitizingCommand, prevalenceCommand, qdpxCommand, convertCommand, suggestCommand];
