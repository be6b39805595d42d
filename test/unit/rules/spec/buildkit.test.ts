// BuildKit's checks, written from ../shared/docs/lint-semantics/buildkit-checks.md. Lines are 1-based and
// exact. A check reported "at the instruction" is on the instruction's first line.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { LintOptions } from '../../../../src/shared/lintProtocol';
import { describeSpec, lint, linesOf } from '../ruleTestKit';

const D = 'FROM debian:12\n';
const S = 'FROM scratch\n';
const root = mkdtempSync(path.join(tmpdir(), 'dockside-bk-'));
let contexts = 0;
/** Options for a Dockerfile in a build context whose .dockerignore holds these lines. */
function ignoring(...patterns: string[]): LintOptions {
  const dir = path.join(root, `ctx${contexts++}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, '.dockerignore'), patterns.join('\n'));
  return { filePath: path.join(dir, 'Dockerfile') };
}
const amd64: LintOptions = { localImages: [{ reference: 'alpine:3.20', os: 'linux', architecture: 'amd64' },
  { reference: 'armimage:1', os: 'linux', architecture: 'arm64' }, { reference: 'winimage:1', os: 'windows', architecture: 'amd64' },
  { reference: 'armlatest:latest', os: 'linux', architecture: 'aarch64' }, { reference: 'team/tool:2', os: 'linux', architecture: 'amd64' },
  { reference: 'team/armtool:2', os: 'linux', architecture: 'arm64' }, { reference: 'armv7:1', os: 'linux', architecture: 'arm', variant: 'v7' }] };

describe('BuildKit spec: parse phase and validation', () => {
  describeSpec('StageNameCasing', [
    [[1], 'FROM golang:1.22 AS Builder'],
    [[], 'FROM golang:1.22 AS builder'],
    [[], 'FROM golang:1.22'],
    [[1], 'FROM golang:1.22 as Builder'],
    [[1], 'FROM --platform=linux/amd64 golang:1.22 AS BUILD'],
    [[], '# check=skip=StageNameCasing\nFROM golang:1.22 AS Builder'],
    [[], 'FROM a:1\n# check=skip=StageNameCasing\nFROM golang:1.22 AS Builder'],
    [[3], 'FROM a:1\n# check=skip=FromAsCasing\nFROM golang:1.22 AS Builder'],
  ]);

  describeSpec('FromAsCasing', [
    [[1], 'FROM x:1 as y'],
    [[1], 'from x:1 AS y'],
    [[], 'From x:1 as y'],
    [[], 'FROM x:1 AS y'],
    [[], 'from x:1 as y'],
    [[], 'FROM x:1'],
    [[2], 'FROM a:1\nFROM x:1 aS y'],
  ]);

  describeSpec('NoEmptyContinuation', [
    [[4], `${D}RUN apk add \\\n\n    curl`],
    [[], `${D}RUN apk add \\\n    curl`],
    [[], `${D}RUN apk add \\\n# comment\n    curl`],
    [[5], `${D}RUN a \\\n\n\n    b`],
    [[6], `${D}RUN a \\\n\n  b \\\n\n  c`],
    [[3], 'RUN a \\\n\n  b'],
    [[], `${D}RUN <<EOF\na\n\nb\nEOF`],
    [[], '# check=skip=NoEmptyContinuation\nFROM a:1\nRUN a \\\n\n  b', undefined],
  ]);

  describeSpec('ConsistentInstructionCasing', [
    [[2], `${D}run echo`],
    [[], 'from a:1\nrun echo'],
    [[2], 'from a:1\nRUN echo\nrun b'],
    [[2], `${D}Run echo`],
    [[1], 'from a:1\nRUN a'],
    [[2], 'FROM a:1\nrun a'],
    [[], 'arg X\nFROM a:1\nRUN a'],
    [[1, 2], 'From a:1\nrun a\nRUN b\nRUN c'],
  ]);

  describeSpec('DuplicateStageName', [
    [[2], 'FROM a:1 AS build\nFROM b:1 AS build'],
    [[2], 'FROM a:1 AS Build\nFROM b:1 AS build'],
    [[], 'FROM a:1 AS build\nFROM b:1 AS test'],
    [[2, 3], 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x'],
  ]);

  describeSpec('ReservedStageName', [
    [[1], 'FROM a:1 AS scratch'],
    [[1], 'FROM a:1 AS Scratch'],
    [[1], 'FROM a:1 AS context'],
    [[], 'FROM a:1 AS build'],
  ]);

  describeSpec('MaintainerDeprecated', [
    [[2], `${D}MAINTAINER me`],
    [[1], 'MAINTAINER me'],
    [[2], 'ARG X\nMAINTAINER me\nFROM a:1'],
    [[], `${D}LABEL maintainer=me`],
    [[], `${D}# check=skip=MaintainerDeprecated\nMAINTAINER me`],
    [[3], 'FROM a:1 AS x\nFROM b:1\nMAINTAINER me'],
  ]);

  describeSpec('InvalidDefinitionDescription', [
    [[4], '# check=experimental=InvalidDefinitionDescription\nFROM a:1\n# the version\nARG VERSION=1'],
    [[], '# check=experimental=InvalidDefinitionDescription\nFROM a:1\n# VERSION the version\nARG VERSION=1'],
    [[], 'FROM a:1\n# the version\nARG VERSION=1'],
    [[4], '# check=experimental=all\nFROM a:1\n# builds things\nFROM b:1 AS build'],
    [[], '# check=experimental=all\nFROM a:1\n# build builds things\nFROM b:1 AS build'],
    [[], '# check=experimental=all\nFROM a:1\n# builds things\nFROM b:1'],
    [[5], '# check=experimental=all\nFROM a:1\n# the version\n\nARG VERSION=1'],
    [[], '# check=experimental=all\nFROM a:1\n# the version\n#\nARG VERSION=1'],
  ]);
});

describe('BuildKit spec: FROM', () => {
  describeSpec('UndefinedArgInFrom', [
    [[1], 'FROM app:${TAG}'],
    [[], 'ARG TAG\nFROM app:${TAG}'],
    [[], 'ARG TAG=1\nFROM app:$TAG'],
    [[], 'FROM --platform=$BUILDPLATFORM app:1'],
    [[1], 'FROM app:${TAG:-1}'],
    [[1], 'FROM --platform=$PLAT app:1'],
    [[2], 'ARG VERSION\nFROM app:$VERISON'],
    [[], 'FROM app:$TARGETARCH'],
    [[2], 'FROM a:1 AS b\nFROM app:$X'],
    [[], 'FROM a:1\nARG TAG\nFROM app:1'],
  ]);

  describeSpec('InvalidDefaultArgInFrom', [
    [[2], 'ARG VERSION\nFROM python:${VERSION}'],
    [[], 'ARG VARIANT\nFROM python:3.12-${VARIANT}'],
    [[], 'ARG VERSION=3.12\nFROM python:${VERSION}'],
    [[1], 'FROM MyImage'],
    [[], 'FROM a:1 AS build\nFROM build'],
    [[], 'FROM scratch'],
    [[2], 'ARG IMAGE\nFROM ${IMAGE}'],
    [[], 'ARG IMAGE=alpine\nFROM ${IMAGE}:3.20'],
    [[], 'FROM reg.Example.org/app:1'],
  ]);

  describeSpec('RedundantTargetPlatform', [
    [[1], 'FROM --platform=$TARGETPLATFORM a:1'],
    [[1], 'FROM --platform=${TARGETPLATFORM} a:1'],
    [[1], 'FROM --platform=${TARGETPLATFORM:-linux/amd64} a:1'],
    [[], 'FROM --platform=$TARGETOS/$TARGETARCH a:1'],
    [[], 'FROM --platform=$BUILDPLATFORM a:1'],
    [[], 'FROM --platform=${TARGETPLATFORM}$X a:1'],
    [[], 'FROM a:1'],
  ]);

  describeSpec('FromPlatformFlagConstDisallowed', [
    [[1], 'FROM --platform=linux/arm64 a:1'],
    [[1], 'FROM --platform=linux/arm64 a:1 AS build'],
    [[], 'FROM --platform=linux/arm64 a:1 AS build-arm64'],
    [[], 'FROM --platform=linux/arm64 a:1 AS linux-tools'],
    [[], 'FROM --platform=$BUILDPLATFORM a:1'],
    [[], 'FROM --platform=$UNDEFINED a:1'],
    [[], 'FROM --platform=not/a/real/platform a:1'],
    [[], 'FROM --platform=linux/x86_64 a:1 AS amd64-build'],
    [[1], 'FROM --platform=arm64 a:1'],
  ]);

  describeSpec('InvalidBaseImagePlatform', [
    [[], 'FROM alpine:3.20', amd64],
    [[1], 'FROM armimage:1', amd64],
    [[1], 'FROM winimage:1', amd64],
    [[], 'FROM --platform=linux/arm64 armimage:1', amd64],
    [[1], 'FROM --platform=linux/arm64 alpine:3.20', amd64],
    [[], 'FROM armimage:1'],
    [[], 'FROM unknown:1', amd64],
    [[], 'FROM scratch', amd64],
    // A Docker Hub image is the same whether named short, with `:latest` left out, or fully qualified.
    [[1], 'FROM docker.io/library/armimage:1', amd64],
    [[1], 'FROM armlatest', amd64],
    [[1], 'FROM docker.io/library/armlatest:latest', amd64],
    [[1], 'FROM index.docker.io/library/armlatest', amd64],
    [[1], 'FROM --platform=linux/arm64 team/tool:2', amd64],
    [[], 'FROM --platform=linux/arm64 docker.io/team/armtool:2', amd64],
    [[], 'FROM armimage', amd64],
    // A stage based on another stage is not resolved again.
    [[1], 'FROM armimage:1 AS base\nFROM base', amd64],
    // Variants are not compared.
    [[], 'FROM --platform=linux/arm/v6 armv7:1', amd64],
    [[1], 'FROM armv7:1', amd64],
    // The platform after expansion of a global ARG.
    [[2], 'ARG P=linux/arm64\nFROM --platform=$P alpine:3.20', amd64],
  ]);

  it('InvalidBaseImagePlatform names the base as written and both platforms, with the image\'s variant', () => {
    const [problem] = lint('FROM armv7:1', amd64).filter((p) => p.ruleId === 'InvalidBaseImagePlatform');
    assert.equal(problem.message, 'Base image armv7:1 was pulled with platform "linux/arm/v7", expected "linux/amd64" for current build.');
    assert.deepEqual(problem.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } });
    const [onArm] = lint('FROM --platform=linux/arm/v7 alpine:3.20', amd64).filter((p) => p.ruleId === 'InvalidBaseImagePlatform');
    assert.match(onArm.message, /platform "linux\/amd64", expected "linux\/arm\/v7"/);
  });
});

describe('BuildKit spec: dispatch', () => {
  describeSpec('JSONArgsRecommended', [
    [[2], `${D}CMD nginx -g 'daemon off;'`],
    [[2], `${D}ENTRYPOINT /start.sh`],
    [[], `${D}CMD ["nginx"]`],
    [[], `${D}SHELL ["/bin/sh", "-c"]\nCMD nginx`],
    [[], 'FROM a:1 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD nginx'],
    [[4], 'FROM a:1 AS base\nSHELL ["/bin/bash", "-c"]\nFROM b:1\nCMD nginx'],
    [[], `${D}HEALTHCHECK CMD curl x`],
    [[], `${D}RUN echo`],
    [[], `${D}# check=skip=JSONArgsRecommended\nCMD nginx -g 'daemon off;'`],
    [[], 'CMD nginx'],
    [[2], `${D}CMD ['nginx']`],
    [[], 'FROM alpine:3.20\nCMD nginx', { localImages: [{ reference: 'alpine:3.20', os: 'linux', architecture: 'amd64', shell: true }] }],
  ]);

  describeSpec('WorkdirRelativePath', [
    [[2], `${D}WORKDIR app`],
    [[], `${D}WORKDIR /app\nWORKDIR sub`],
    [[], `${D}WORKDIR /app`],
    [[3], `${D}ARG DIR=app\nWORKDIR $DIR`],
    [[], `${D}ARG DIR=/app\nWORKDIR $DIR`],
    [[], 'FROM a:1 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub'],
    [[4], 'FROM a:1 AS base\nWORKDIR /app\nFROM b:1\nWORKDIR sub'],
    [[], `${D}# check=skip=WorkdirRelativePath\nWORKDIR app`],
    [[], 'WORKDIR app'],
    [[], '# escape=`\nFROM --platform=windows/amd64 a:1\nWORKDIR C:\\app'],
    [[3], '# escape=`\nFROM --platform=windows/amd64 a:1\nWORKDIR C:'],
    [[2], 'FROM --platform=windows/amd64 a:1\nWORKDIR app'],
    [[], '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV GOPATH=C:\\go\nWORKDIR $GOPATH'],
  ]);

  describeSpec('UndefinedVar', [
    [[2], `${S}ENV A=$FOO`],
    [[], `${S}ENV FOO=1\nENV A=$FOO`],
    [[2], `${S}ENV A=1 B=$A`],
    [[], `${S}ARG A=1 B=$A`],
    [[], `${S}ARG FOO\nENV A=$FOO`],
    [[3], `ARG FOO=1\n${S}ENV A=$FOO`],
    [[], `ARG FOO=1\n${S}ARG FOO\nENV A=$FOO`],
    [[2], `${S}ENV A=\${FOO:-x}`],
    [[2], `${S}ENV A=\${FOO-@x}`],
    [[2], `${S}COPY $SRC /x`],
    [[2], `${S}WORKDIR $DIR`],
    [[2], `${S}USER $U`],
    [[2], `${S}LABEL a=$V`],
    [[2], `${S}VOLUME $DATA`],
    [[2], `${S}STOPSIGNAL $SIG`],
    [[], `${S}RUN echo $UNDEFINED`],
    [[], `${S}CMD echo $UNDEFINED`],
    [[], `${S}EXPOSE $PORT`],
    [[], `${S}COPY --from=$STAGE /a /b`],
    [[], `${S}ENV A=$PATH`],
    [[], `${S}ENV A='$FOO'`],
    [[], `${S}ENV A=\\$FOO`],
    [[2], `${S}RUN --mount=type=cache,target=$CACHE true`],
    [[2, 2], `${S}COPY $X $X/`],
    [[], 'FROM scratch AS base\nENV FOO=1\nFROM base\nENV A=$FOO'],
    [[4], 'FROM scratch AS base\nENV FOO=1\nFROM scratch\nENV A=$FOO'],
    [[], `${S}ENV A=$BUILDKIT_SBOM_SCAN_STAGE`],
    [[], `${S}# check=skip=UndefinedVar\nENV A=$FOO`],
    [[], 'FROM debian:12\nENV A=$HOME'],
    [[2], 'FROM debian:12\nENV A=$LATER\nENV LATER=1'],
    [[], 'ENV A=$FOO'],
    [[2], `${S}COPY <<EOF /x\n$FOO\nEOF`],
    [[], `${S}COPY <<"EOF" /x\n$FOO\nEOF`],
    [[2], `${S}ADD --chown=$OWNER a /b`],
    [[2], 'FROM alpine:3.20\nENV A=$FOO', { localImages: [{ reference: 'alpine:3.20', os: 'linux', architecture: 'amd64', env: ['PATH=/bin'] }] }],
    [[], 'FROM alpine:3.20\nENV A=$FOO', { localImages: [{ reference: 'alpine:3.20', os: 'linux', architecture: 'amd64', env: ['FOO=1'] }] }],
    [[], 'FROM alpine:3.20\nENV A=$FOO'],
  ]);

  describeSpec('MultipleInstructionsDisallowed', [
    [[2], `${D}CMD ["a"]\nCMD ["b"]`],
    [[2, 3], `${D}CMD ["a"]\nCMD ["b"]\nCMD ["c"]`],
    [[2], `${D}ENTRYPOINT ["a"]\nENTRYPOINT ["b"]`],
    [[2], `${D}HEALTHCHECK NONE\nHEALTHCHECK CMD ["b"]`],
    [[], `${D}CMD ["a"]\nENTRYPOINT ["b"]`],
    [[], 'FROM a:1 AS x\nCMD ["a"]\nFROM x\nCMD ["b"]'],
    [[], `${D}CMD ["a"]\n# check=skip=MultipleInstructionsDisallowed\nCMD ["b"]`],
  ]);

  describeSpec('LegacyKeyValueFormat', [
    [[2], `${D}ENV APP_HOME /srv/app`],
    [[2], `${D}LABEL vendor Example Corp`],
    [[], `${D}ENV APP_HOME=/srv/app`],
    [[], `${D}LABEL vendor="Example Corp"`],
    [[], `${D}# check=skip=LegacyKeyValueFormat\nENV A 1`],
    [[], 'ENV A 1'],
    [[], `# check=skip=LegacyKeyValueFormat\n${D}ENV A 1`],
  ]);

  describeSpec('SecretsUsedInArgOrEnv', [
    [[2], `${D}ARG GITHUB_TOKEN`],
    [[2], `${D}ENV db_password=x`],
    [[2], `${D}ENV SSH_AUTH_SOCK=/x`],
    [[2], `${D}ARG KEY`],
    [[], `${D}ARG TOKENIZER`],
    [[], `${D}ARG AUTHOR`],
    [[], `${D}ARG PUBLIC_KEY`],
    [[], `${D}ARG KEY_FILE`],
    [[], `${D}ARG TOKEN_VERSION`],
    [[], 'ARG GITHUB_TOKEN\nFROM a:1'],
    [[2, 2], `${D}ENV API_TOKEN=1 DB_PASSWORD=2`],
    [[], `${D}# check=skip=SecretsUsedInArgOrEnv\nARG GITHUB_TOKEN`],
  ]);

  describeSpec('CopyIgnoredFile', [
    [[2], `${D}COPY config/local.yml /x`, ignoring('config/local.yml')],
    [[2], `${D}COPY config/local.yml /x`, ignoring('config')],
    [[], `${D}COPY config/local.yml /x`, ignoring('config', '!config/local.yml')],
    [[], `${D}COPY other.yml /x`, ignoring('config')],
    [[2], `${D}ADD ./a//b/ /x`, ignoring('a/b')],
    [[], `${D}COPY . /x`, ignoring('node_modules')],
    [[2], `${D}COPY . /x`, ignoring('*')],
    [[2], `${D}COPY * /x`, ignoring('*')],
    [[2], `${D}COPY *.txt /x`, ignoring('*.txt')],
    [[], `${D}COPY --from=build config /x`, ignoring('config')],
    [[], `${D}ADD https://x.example/config /x`, ignoring('config')],
    [[2], `${D}COPY **/x.log /x`, ignoring('**/*.log')],
    [[], `${D}COPY config /x`],
    [[], `${D}# check=skip=CopyIgnoredFile\nCOPY config /x`, ignoring('config')],
    [[2, 2], `${D}COPY a b /x/`, ignoring('a', 'b')],
  ]);

  describeSpec('ExposeProtoCasing', [
    [[2], `${D}EXPOSE 8080/TCP`],
    [[], `${D}EXPOSE 8080/tcp`],
    [[], `${D}EXPOSE 8080`],
    [[2, 2], `${D}EXPOSE 80/UDP 443/Tcp`],
    [[], `${D}EXPOSE 80/http`],
  ]);

  describeSpec('ExposeInvalidFormat', [
    [[2], `${D}EXPOSE 3000:3000`],
    [[2], `${D}EXPOSE 127.0.0.1:80:80`],
    [[], `${D}EXPOSE 3000`],
    [[2, 2], `${D}EXPOSE 1:1 2:2`],
    [[], 'EXPOSE 3000:3000'],
  ]);
});

describe('BuildKit spec: no FROM', () => {
  it('a file that does not start with FROM or ARG gets only parse-phase checks up to that instruction', () => {
    const all = lint('MAINTAINER me\nENV A 1\nFROM a:1 AS Build\nCMD x');
    const problems = all.flatMap((p) => [p, ...(p.aliases ?? []).map((ruleId) => ({ ...p, ruleId }))]);
    assert.deepEqual(linesOf(problems, 'MaintainerDeprecated'), [1]);
    assert.deepEqual(linesOf(problems, 'LegacyKeyValueFormat'), []);
    assert.deepEqual(linesOf(problems, 'StageNameCasing'), []);
    assert.deepEqual(linesOf(problems, 'JSONArgsRecommended'), []);
  });

  it('an invalid stage name stops the checks after it', () => {
    const problems = lint('FROM a:1\nENV A 1\nFROM b:1 AS 1bad\nENV B 2');
    assert.deepEqual(linesOf(problems, 'LegacyKeyValueFormat'), []);
  });
});
