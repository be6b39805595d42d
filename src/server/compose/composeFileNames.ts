// Which file names are compose files: compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml and
// their variants (compose.override.yaml, docker-compose.prod.yml), as compose and VS Code's `dockercompose`
// language recognise them.
import * as path from 'node:path';

const COMPOSE_NAME = /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/i;

export function isComposeFileName(file: string): boolean {
  return COMPOSE_NAME.test(path.basename(file));
}
