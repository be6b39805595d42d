// Python: dependencies (or the project itself, for pyproject.toml) go into a virtual environment in the
// build stage; the runtime stage copies that environment and the sources, and runs as an unprivileged uid.
import { BaseImages } from '../baseImages';
import { APP_USER, cacheMounts, commandWords, dockerfileText, runAsWithPort, header, jsonArray } from '../dockerfileParts';
import type { DetectedProject, ScaffoldAnswers, ScaffoldOptions } from '../projectKinds';

export function pythonDockerfile(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): string {
  // With a cache mount pip's cache is kept outside the image; without one it must not land in a layer.
  const pip = options.cacheMounts ? `${cacheMounts(options, '/root/.cache/pip')}pip install` : 'pip install --no-cache-dir';
  const fromPyproject = project.python?.install === 'pyproject';
  const probe = (p: number) => ['python', '-c', `import socket; socket.create_connection(('127.0.0.1', ${p}), 2).close()`];
  return dockerfileText([
    ...header(project.name, options),
    '',
    `FROM ${BaseImages.python} AS build`,
    'WORKDIR /app',
    'RUN python -m venv /opt/venv',
    'ENV PATH=/opt/venv/bin:$PATH',
    ...(fromPyproject ? ['COPY . .', `RUN ${pip} .`] : ['COPY requirements.txt ./', `RUN ${pip} -r requirements.txt`]),
    '',
    `FROM ${BaseImages.python}`,
    'ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1',
    'WORKDIR /app',
    'COPY --from=build /opt/venv /opt/venv',
    'COPY . .',
    ...runAsWithPort(APP_USER, answers.port, probe),
    `CMD ${jsonArray(commandWords(answers.entry ?? 'python main.py'))}`,
  ]);
}
