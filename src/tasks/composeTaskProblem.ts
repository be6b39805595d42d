// The line a failed compose task prints for the `$dockside-compose` problem matcher: where the CLI says the
// problem is (the line it names, or the line of the key it names, found by the same locator the compose
// commands' diagnostic uses) and its one sentence. No vscode: unit-tested against real docker-compose output.
import * as fs from 'node:fs/promises';
import { locateCliError } from '../compose/composeKeyLocator';
import { errorSentence } from '../compose/composeOutput';
import type { ComposeProjectSpec } from '../compose/composeProject';

/** `<file>:<line>:<column>: error: <message>`; the regex in package.json is this one's source (a unit test keeps them the same). */
export const COMPOSE_PROBLEM_PATTERN = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/;

/** The problem line for a failed run's stderr, or undefined when the CLI names no place in the project's files. */
export async function composeProblemLine(spec: ComposeProjectSpec, stderr: string, read: (file: string) => Promise<string> = (file) => fs.readFile(file, 'utf8')): Promise<string | undefined> {
  const sentence = errorSentence(stderr);
  const located = sentence ? await locateCliError(spec, stderr, read) : undefined;
  if (!sentence || !located) return undefined;
  return `${located.file}:${located.line + 1}:${located.character + 1}: error: ${sentence.replace(/\s+/g, ' ').trim()}`;
}
