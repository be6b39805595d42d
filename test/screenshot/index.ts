// Makes the README screenshots (media/screenshot.png, media/screenshot-compose.png) in a real VS Code: code-server with a copy of
// samples/workspace, plus a Dockerfile with a few findings so the editor shows squiggles. The probe
// (readmeScreenshotProbe.ts) creates a small compose project on the local engine, arranges the
// workbench and saves the picture. Needs the engine and the test image (see ../../../shared/docs/testing.md).
// Run: npm run screenshot (media/screenshot.png), npm run screenshot -- files (media/files.png: a
// container's files in the Containers view and one open in the editor, filesScreenshotProbe.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInCodeServer } from '../launchers/codeServer';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A service's Dockerfile with the kind of slips the linter catches. */
const API_DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:latest
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
ADD src ./src
RUN cd /app && npm run build
EXPOSE 3000
USER node
CMD npm start
`;

/** Each screenshot: the probe that takes it, and which of the files it reports goes where in media/. */
const shots: Record<string, { probe: string; targets: Record<string, string> }> = {
  main: { probe: 'readmeScreenshotProbe', targets: { file: 'screenshot.png', compose: 'screenshot-compose.png' } },
  files: { probe: 'filesScreenshotProbe', targets: { file: 'files.png' } },
};
/** The shop's compose file, as the containers' labels say: code lenses over it, one slip the spec check finds. */
const SHOP_COMPOSE = `# The shop: a web front, its API and a database.
name: shop
services:
  web:
    build: ./web
    ports:
      - "127.0.0.1:8080:8080"
    depends_on: [api]
  api:
    build: ./api
    environment:
      DATABASE_URL: postgres://db:5432/shop
    restart: unless-stoped
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16-alpine
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "shop"]
      interval: 5s
volumes:
  db-data: {}
`;

async function main(): Promise<number> {
  const shot = shots[process.argv[2] ?? 'main'];
  if (!shot) throw new Error(`no such screenshot: ${process.argv[2]} (one of ${Object.keys(shots).join(', ')})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-screenshot-'));
  try {
    const workspace = path.join(tmp, 'shop');
    fs.cpSync(path.join(repoRoot, 'samples', 'workspace'), workspace, { recursive: true });
    fs.mkdirSync(path.join(workspace, 'api'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'api', 'Dockerfile'), API_DOCKERFILE);
    fs.writeFileSync(path.join(workspace, 'compose.yaml'), SHOP_COMPOSE);
    const result = path.join(tmp, 'screenshot.json');
    const code = await runInCodeServer({
      testsModule: path.join(__dirname, shot.probe),
      workspace,
      env: { DOCKSIDE_SCREENSHOT_RESULT: result },
    });
    if (code !== 0 || !fs.existsSync(result)) {
      console.error(`The screenshot probe failed (${code}); see artifacts/code-server.log and artifacts/final.png.`);
      return 1;
    }
    const files = JSON.parse(fs.readFileSync(result, 'utf8')) as Record<string, string>;
    for (const [key, name] of Object.entries(shot.targets)) {
      const target = path.join(repoRoot, 'media', name);
      fs.copyFileSync(files[key], target);
      console.log(`Saved ${path.relative(repoRoot, target)} (from ${path.relative(repoRoot, files[key])})`);
    }
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
