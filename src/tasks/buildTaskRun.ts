// A build task's work: the build through the engine layer with its output streamed as terminal text, and on
// failure one `file:line: error: message` line for the `$dockside-build` problem matcher (the line comes
// from the same Dockerfile outline the Build command's diagnostic uses). Returns the exit code. No vscode:
// the live unit test runs it against the real engine.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs/promises';
import type { BuildFailure, Builder } from '../engine/build';
import type { EngineClient } from '../engine/client';
import type * as EngineModule from '../engine/index';
import { StepOutput, stripAnsi } from '../build/buildOutput';
import { locateFailure, outlineDockerfile } from '../build/dockerfileOutline';
import { problemLine, type BuildTaskRequest } from './taskDefinitions';

type Engine = Pick<typeof EngineModule, 'buildImage' | 'preferredBuilder'>;

export interface BuildTaskIo {
  /** Terminal text: lines end in \r\n. */
  readonly write: (text: string) => void;
  readonly signal?: AbortSignal;
  /** Labels for the image (tests mark theirs). */
  readonly labels?: Readonly<Record<string, string>>;
}

export async function runBuildTask(engine: Engine, client: EngineClient, request: BuildTaskRequest, builderSetting: 'auto' | Builder, io: BuildTaskIo): Promise<number> {
  const builder = builderSetting === 'auto' ? await engine.preferredBuilder(client) : builderSetting;
  const line = (text: string) => io.write(`${text.replace(/\r?\n/g, '\r\n')}\r\n`);
  line(l10n.t('Building {0} with the {1} builder, context {2}', request.dockerfile, builder === 'buildkit' ? 'BuildKit' : l10n.t('classic'), request.contextDir));
  const steps = new StepOutput();
  const started = Date.now();
  try {
    const result = await engine.buildImage(client, { ...request, builder, labels: io.labels }, (event) => {
      if (event.kind === 'log') {
        steps.append(event.text);
        io.write(stripAnsi(event.text).replace(/\r?\n/g, '\r\n'));
      } else if (event.kind === 'step') steps.stepStarted();
    }, io.signal);
    line(l10n.t('Built {0} in {1} s.', request.tag || result.imageId, ((Date.now() - started) / 1000).toFixed(1)));
    return 0;
  } catch (error) {
    if (io.signal?.aborted) {
      line(l10n.t('The build was cancelled.'));
      return 130;
    }
    if (!(error instanceof Error && 'instruction' in error && 'stepNumber' in error)) {
      line(l10n.t('The build could not run: {0}', error instanceof Error ? error.message : String(error)));
      return 1;
    }
    const failure = error as BuildFailure;
    const text = await fs.readFile(request.dockerfile, 'utf8').catch(() => '');
    const instruction = locateFailure(outlineDockerfile(text), failure, builder);
    const said = steps.lastLines();
    const message = [failure.message.trim(), ...said].join(' — ');
    line('');
    line(problemLine(request.dockerfile, (instruction?.startLine ?? 0) + 1, message));
    return 1;
  }
}
