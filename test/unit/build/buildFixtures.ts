// The build fixtures (test/fixtures/workspace/build) and a way to look inside a built image.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { TEST_LABEL } from '../../support/testEngine';

export const BUILD_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/workspace/build');

/** Runs a command in a throwaway container of the image and returns its output. */
export function runInImage(image: string, script: string): string {
  return execFileSync('docker', ['run', '--rm', '--network', 'none', '--label', `${TEST_LABEL}=true`, image, 'sh', '-c', script], { encoding: 'utf8' });
}
