// `.herd.yaml` for the CLI: unlike the editor, a bad config stops the run (exit 2) so CI notices.
import { existsSync, readFileSync } from 'node:fs';
import { defaultConfig, parseConfig, type HerdConfig } from '../engine';
import { sourceText } from '../parse/source';
import { describeFsError } from './fs-errors';

/** One line per problem, each naming the file, line and column. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Reads a config file; a missing optional one means the defaults. `shownAs` names it in errors. */
export function loadConfig(path: string, shownAs: string, required: boolean, ruleIds: ReadonlySet<string>): HerdConfig {
  if (!required && !existsSync(path)) return defaultConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`cannot read config ${shownAs}: ${describeFsError(error)}`]);
  }
  const { config, problems } = parseConfig(text, ruleIds);
  if (problems.length === 0) return config;
  const source = sourceText(path, text);
  const lines = problems.map((p) => {
    const at = source.positionAt(p.start);
    return `bad config ${shownAs}:${at.line + 1}:${at.character + 1}: ${p.message}`;
  });
  throw new ConfigError(lines);
}
