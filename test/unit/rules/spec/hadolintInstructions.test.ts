// hadolint's rules on instructions, stages, COPY/ADD and labels, written from
// ../shared/docs/lint-semantics/hadolint-rules.md. Lines are 1-based and exact.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LintOptions } from '../../../../src/shared/lintProtocol';
import { describeSpec } from '../ruleTestKit';

const D = 'FROM debian:12\n';
const trusted = (...registries: string[]): LintOptions => ({ trustedRegistries: registries });
const configDir = mkdtempSync(path.join(tmpdir(), 'dockside-spec-'));
let configs = 0;
/** Options pointing at a `.hadolint.yaml` with this label schema. */
function schema(labels: Record<string, string>, strict = false): LintOptions {
  const file = path.join(configDir, `config${configs++}.yaml`);
  const lines = Object.entries(labels).map(([k, v]) => `  ${k}: ${v}`);
  writeFileSync(file, `label-schema:\n${lines.join('\n')}\nstrict-labels: ${strict}\n`);
  return { hadolintConfigPath: file };
}

describe('hadolint spec: instructions', () => {
  describeSpec('DL3000', [
    [[2], `${D}WORKDIR app`],
    [[], `${D}WORKDIR /app`],
    [[], `${D}WORKDIR "$HOME"`],
    [[], `${D}WORKDIR C:\\data`],
    [[], `${D}WORKDIR c:`],
    [[2], `${D}WORKDIR a`],
    [[], `${D}WORKDIR $APP`],
    [[2], `${D}WORKDIR ./app`],
    [[2], `${D}WORKDIR ../x`],
    [[], `${D}WORKDIR "/app"`],
    [[], `${D}WORKDIR \${HOME}/x`],
    [[1], 'WORKDIR app'],
    [[], `${D}ONBUILD WORKDIR app`],
    [[2, 3], `${D}WORKDIR app\nWORKDIR sub`],
  ]);

  describeSpec('DL3002', [
    [[3], `${D}USER app\nUSER root`],
    [[], `${D}USER root\nUSER app`],
    [[2], `${D}USER root`],
    [[2], `${D}USER 0`],
    [[2], `${D}USER root:root`],
    [[2], `${D}USER 0:0`],
    [[], `${D}USER root `],
    [[], `${D}USER \${U}`],
    [[2], 'FROM a:1\nUSER root\nFROM b:1\nUSER app'],
    [[2, 4], 'FROM a:1\nUSER root\nFROM b:1\nUSER root'],
    [[], 'USER root'],
    [[], `${D}USER rootless`],
    [[], `${D}ONBUILD USER root`],
  ]);

  describeSpec('DL3006', [
    [[1], 'FROM debian'],
    [[], 'FROM debian:12'],
    [[], 'FROM scratch'],
    [[], 'FROM img@sha256:0123456789abcdef'],
    [[], 'FROM $BASE'],
    [[], 'FROM ${REG}/x'],
    [[], 'FROM debian:12 AS builder\nFROM builder'],
    [[1], 'FROM builder AS builder'],
    [[], 'FROM debian:latest'],
    [[1], 'FROM reg.example.org/team/app'],
    [[], 'FROM localhost:5000/app'],
    [[2], 'FROM a:1\nFROM debian'],
    [[2], 'FROM debian:12 AS Builder\nFROM builder'],
    [[1], 'FROM --platform=linux/amd64 debian AS x'],
  ]);

  describeSpec('DL3007', [
    [[1], 'FROM debian:latest'],
    [[], 'FROM debian:latest@sha256:0123456789abcdef'],
    [[], 'FROM debian:Latest'],
    [[], 'FROM debian'],
    [[1], 'FROM reg.example.org/x:latest'],
    [[2], 'FROM a:1\nFROM b:latest AS c'],
  ]);

  describeSpec('DL3010', [
    [[2], `${D}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz`],
    [[], `${D}COPY app.tar.gz /tmp/\nRUN echo`],
    [[2], `${D}COPY app.tgz /tmp/x.tgz\nRUN tar -xf x.tgz`],
    [[], `${D}COPY app.tgz /tmp/x.tgz\nRUN tar xf x.tgz`],
    [[2], `${D}COPY a.tar /x/\nRUN tar --extract -f /x/a.tar`],
    [[2], `${D}COPY a.gz /x/\nRUN gunzip /x/a.gz`],
    [[], `${D}COPY a.zip /x/\nRUN unzip /x/a.zip`],
    [[], 'FROM a:1\nCOPY a.tar /x/\nRUN tar -xf /x/a.tar\nFROM b:1'],
    [[], `${D}COPY --from=build a.tar /x/\nRUN tar -xf /x/a.tar`],
    [[2], `${D}COPY a.tar /x/\nRUN tar --exclude=foo -f /x/a.tar`],
    [[1], 'COPY a.tar /x/\nRUN tar -xf /x/a.tar'],
    [[], `${D}COPY a.tar /x/\nRUN tar -xf /x/b.tar`],
    [[2], `${D}COPY a.txz b.txt /x/\nRUN unxz /x/a.txz`],
  ]);

  describeSpec('DL3011', [
    [[2], `${D}EXPOSE 65536`],
    [[], `${D}EXPOSE 65535`],
    [[], `${D}EXPOSE 80/tcp`],
    [[], `${D}EXPOSE $PORT`],
    [[], `${D}EXPOSE 0`],
    [[2], `${D}EXPOSE 80 70000`],
    [[2], `${D}EXPOSE 1000-70000`],
    [[2], `${D}EXPOSE 70000/udp`],
    [[1], 'EXPOSE 99999'],
    [[], `${D}EXPOSE 8000-8080/tcp`],
  ]);

  describeSpec('DL3012', [
    [[3], `${D}HEALTHCHECK CMD a\nHEALTHCHECK CMD b`],
    [[3], `${D}HEALTHCHECK NONE\nHEALTHCHECK CMD b`],
    [[], 'FROM a:1\nHEALTHCHECK CMD a\nFROM b:1\nHEALTHCHECK CMD b'],
    [[3, 4], `${D}HEALTHCHECK CMD a\nHEALTHCHECK CMD b\nHEALTHCHECK NONE`],
    [[2], 'HEALTHCHECK CMD a\nHEALTHCHECK CMD b'],
    [[], `${D}HEALTHCHECK CMD a\nONBUILD HEALTHCHECK CMD b`],
  ]);

  describeSpec('DL3020', [
    [[2], `${D}ADD app.py /app/`],
    [[], `${D}ADD app.tar.gz /app/`],
    [[], `${D}ADD https://x.example/a /a`],
    [[], `${D}ADD http://x.example/a /a`],
    [[2], `${D}ADD x.zip /`],
    [[2], `${D}ADD git@host.example:r.git /src`],
    [[2], `${D}ADD ftp://x.example/a /a`],
    [[2], `${D}ADD a.tar b.py /x/`],
    [[], `${D}COPY app.py /app/`],
    [[1], 'ADD a /b'],
    [[2], `${D}ADD ["a.py", "/x/"]`],
    [[], `${D}ONBUILD ADD a /b`],
  ]);

  describeSpec('DL3021', [
    [[2], `${D}COPY a b /x`],
    [[], `${D}COPY a b /x/`],
    [[], `${D}COPY a /x`],
    [[], `${D}COPY ["a", "b", "/x/"]`],
    [[2], `${D}COPY ["a", "b", "/x"]`],
    [[], `${D}ADD a b /x`],
    [[2], `${D}COPY <<A <<B /x\na\nA\nb\nB`],
    [[], `${D}COPY a b "/x/"`],
    [[2], `${D}COPY --chown=1 a b c /x`],
  ]);

  describeSpec('DL3022', [
    [[3], 'FROM a:1\nFROM b:1\nCOPY --from=build /x /x'],
    [[], 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x'],
    [[], 'FROM a:1\nCOPY --from=0 /x /x'],
    [[2], 'FROM a:1\nCOPY --from=1 /x /x'],
    [[], 'FROM a:1\nFROM b:1\nCOPY --from=1 /x /x'],
    [[], 'FROM a:1\nCOPY --from=nginx:1 /x /x'],
    [[2], 'FROM a:1\nCOPY --from=alpine /x /x'],
    [[2], 'FROM a:1\nCOPY --from=$STAGE /x /x'],
    [[2], 'FROM a:1\nCOPY --from=later /x /x\nFROM b:1 AS later'],
    [[1], 'COPY --from=x /a /b'],
    [[], 'FROM a:1 AS Build\nFROM b:1\nCOPY --from=Build /x /x'],
    [[3], 'FROM a:1 AS Build\nFROM b:1\nCOPY --from=build /x /x'],
  ]);

  describeSpec('DL3023', [
    [[2], 'FROM a:1 AS build\nCOPY --from=build /x /x'],
    [[], 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x'],
    [[], 'FROM a:1\nCOPY --from=0 /x /x'],
    [[], 'COPY --from=x /a /b'],
    [[3], 'FROM a:1 AS x\nFROM b:1 AS y\nCOPY --from=y /a /b'],
  ]);

  describeSpec('DL3024', [
    [[2], 'FROM a:1 AS x\nFROM b:1 AS x'],
    [[], 'FROM a:1 AS x\nFROM b:1 AS X'],
    [[2, 3], 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x'],
    [[], 'FROM a:1 AS x\nFROM b:1 AS y'],
  ]);

  describeSpec('DL3025', [
    [[2], `${D}CMD node app.js`],
    [[], `${D}CMD ["node", "app.js"]`],
    [[2], `${D}ENTRYPOINT /start.sh`],
    [[2], `${D}HEALTHCHECK CMD curl -f x`],
    [[], `${D}HEALTHCHECK CMD ["curl", "-f", "x"]`],
    [[], `${D}HEALTHCHECK NONE`],
    [[3], `${D}SHELL ["/bin/bash", "-c"]\nCMD echo hi`],
    [[], `${D}ONBUILD CMD x`],
    [[1], 'CMD x'],
    [[2], `${D}CMD ['a']`],
    [[2], `${D}HEALTHCHECK --interval=5s CMD curl -f x`],
  ]);

  describeSpec('DL3026', [
    [[1], 'FROM debian:12', trusted('reg.example.org')],
    [[], 'FROM reg.example.org/x:1', trusted('reg.example.org')],
    [[], 'FROM scratch', trusted('reg.example.org')],
    [[], 'FROM evil.example/x:1'],
    [[1], 'FROM evil.example/x:1', trusted('reg.example.org')],
    [[], 'FROM debian:12', trusted('docker.io')],
    [[], 'FROM debian:12', trusted('hub.docker.com')],
    [[], 'FROM a.example.org/x:1', trusted('*.example.org')],
    [[1], 'FROM example.org/x:1', trusted('*.example.org')],
    [[], 'FROM registry.io/x:1', trusted('reg*')],
    [[], 'FROM anything.io/x:1', trusted('*')],
    [[], 'FROM reg.example.org/x:1 AS b\nFROM b', trusted('reg.example.org')],
    [[2], 'FROM reg.example.org/x:1\nCOPY --from=nginx:1 /a /b', trusted('reg.example.org')],
    [[], 'FROM reg.example.org/x:1 AS b\nFROM reg.example.org/y:1\nCOPY --from=b /a /b', trusted('reg.example.org')],
    [[2], 'FROM reg.example.org/x:1\nCOPY --from=0 /a /b', trusted('reg.example.org')],
    [[2], 'FROM reg.example.org/x:1\nRUN --mount=type=bind,from=other.io/x,target=/x true', trusted('reg.example.org')],
    [[], 'FROM reg.example.org/x:1\nRUN --mount=type=cache,target=/x true', trusted('reg.example.org')],
    [[], 'FROM reg.example.org/x:1\nRUN --mount=type=secret,id=x true', trusted('reg.example.org')],
  ]);

  describeSpec('DL3029', [
    [[1], 'FROM --platform=linux/amd64 debian:12'],
    [[], 'FROM --platform=$BUILDPLATFORM debian:12'],
    [[], 'FROM --platform=${TARGETPLATFORM} debian:12'],
    [[], 'FROM --platform=linux/$TARGETPLATFORM_X debian:12'],
    [[1], 'FROM --platform=$ARCH debian:12'],
    [[], 'FROM debian:12'],
    [[2], 'FROM a:1\nFROM --platform=linux/arm64 b:1 AS arm64'],
  ]);

  describeSpec('DL3043', [
    [[2], `${D}ONBUILD ONBUILD RUN x`],
    [[2], `${D}ONBUILD FROM x`],
    [[2], `${D}ONBUILD MAINTAINER x`],
    [[], `${D}ONBUILD RUN x`],
  ]);

  describeSpec('DL3044', [
    [[2], `${D}ENV A=1 B=$A`],
    [[2], `${D}ENV A=$B B=1`],
    [[], `${D}ENV PATH=$PATH:/x`],
    [[], `${D}ENV A=1\nENV B=$A`],
    [[], `${D}ENV A=1\nENV A=2 B=$A`],
    [[2], `${D}ENV A=1 B=\${A}`],
    [[], `${D}ENV A=1 B=\${A:-x}`],
    [[], `${D}ENV A=1 B=$AB`],
    [[2], `${D}ENV A=1 B=$A/x`],
    [[], `${D}ARG A\nENV A=1 B=$A`],
    [[], `${D}ONBUILD ENV A=1 B=$A`],
  ]);

  describeSpec('DL3045', [
    [[2], `${D}COPY a.txt app/`],
    [[], `${D}WORKDIR /app\nCOPY a.txt app/`],
    [[], `${D}COPY a /x`],
    [[], `${D}COPY a $DIR/`],
    [[], `${D}COPY a C:\\x`],
    [[2], `${D}COPY a .`],
    [[2], `${D}COPY a ./`],
    [[], `${D}WORKDIR rel\nCOPY a b`],
    [[], 'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY a b'],
    [[4], 'FROM a:1 AS base\nWORKDIR /app\nFROM b:1\nCOPY a b'],
    [[1], 'COPY a b'],
    [[], `${D}ADD a b`],
    [[3], 'WORKDIR /x\nFROM a:1\nCOPY a b'],
    [[], 'FROM a:1\nWORKDIR /x\nFROM a:2\nCOPY a b'],
  ]);

  describeSpec('DL3048', [
    [[2], `${D}LABEL Maintainer=x`],
    [[], `${D}LABEL org.opencontainers.image.title=x`],
    [[], `${D}LABEL maintainer=x`],
    [[2], `${D}LABEL com.docker.x=1`],
    [[2], `${D}LABEL a..b=1`],
    [[2], `${D}LABEL a--b=1`],
    [[2], `${D}LABEL 1abc=1`],
    [[2], `${D}LABEL abc.=1`],
    [[], `${D}LABEL a_b=1`],
    [[2], `${D}LABEL a:b=1`],
    [[2], `${D}LABEL ok=1 Bad=2`],
  ]);

  describeSpec('DL3057', [
    [[1], 'FROM a:1', { severityOverrides: { DL3057: 'info' } }],
    [[], 'FROM a:1\nHEALTHCHECK CMD x', { severityOverrides: { DL3057: 'info' } }],
    [[], 'FROM a:1\nHEALTHCHECK NONE', { severityOverrides: { DL3057: 'info' } }],
    [[1], 'FROM a:1\nFROM b:1\nHEALTHCHECK NONE', { severityOverrides: { DL3057: 'info' } }],
    [[], 'FROM a:1 AS base\nHEALTHCHECK NONE\nFROM base', { severityOverrides: { DL3057: 'info' } }],
    [[], 'FROM a:1 AS base\nFROM base\nHEALTHCHECK NONE', { severityOverrides: { DL3057: 'info' } }],
    [[], 'RUN x', { severityOverrides: { DL3057: 'info' } }],
    [[], 'FROM a:1'],
  ]);

  describeSpec('DL3061', [
    [[1], 'RUN x\nFROM a:1'],
    [[], 'ARG X\nFROM a:$X'],
    [[], '# c\nFROM a:1'],
    [[1, 2], 'ENV A=1\nRUN x'],
    [[], 'FROM a:1\nRUN x'],
    [[2], 'ARG A\nLABEL x=1\nFROM a:1'],
  ]);

  describeSpec('DL3063', [
    [[1], 'FROM a:1 AS scratch'],
    [[1], 'FROM a:1 AS context'],
    [[], 'FROM a:1 AS Scratch'],
    [[], 'FROM a:1 AS build'],
  ]);

  describeSpec('DL3064', [
    [[2], `${D}ARG GITHUB_TOKEN`],
    [[2], `${D}ENV DB_PASSWORD=x`],
    [[2], `${D}ARG TOKENIZER_DIR`],
    [[2], `${D}ENV my_secret=x`],
    [[2], `${D}ARG api_key`],
    [[], `${D}ARG VERSION`],
    [[], `${D}ENV PATH=/x`],
    [[2], `${D}ENV A=1 AWS_SECRET_ACCESS_KEY=x`],
    [[2], `${D}ARG username`],
    [[], `${D}ARG A=1 PASSWORD=2`],
    [[2], `${D}ONBUILD ARG TOKEN`],
    [[1], 'ARG NPM_TOKEN\nFROM a:1'],
    [[2], `${D}ARG STRIPE_DEVICE_NAME`],
    [[2], `${D}ENV PRIVATE_DIR=/x`],
  ]);

  describeSpec('DL3065', [
    [[1], 'FROM --platform=$TARGETPLATFORM a:1'],
    [[1], 'FROM --platform=${TARGETPLATFORM} a:1'],
    [[], 'FROM --platform=$BUILDPLATFORM a:1'],
    [[], 'FROM --platform=linux/amd64 a:1'],
    [[], 'FROM --platform=${TARGETPLATFORM:-linux/amd64} a:1'],
  ]);

  describeSpec('DL3066', [
    [[2], `${D}USER app`],
    [[2], `${D}USER root`],
    [[2], `${D}USER nobody`],
    [[], `${D}USER 1000`],
    [[], `${D}USER 1000:1000`],
    [[], `${D}USER :1000`],
    [[], `${D}ARG APPUSER\nUSER $APPUSER`],
    [[3], `${D}ENV APPUSER=x\nUSER $APPUSER`],
    [[], `${D}ARG U\nUSER $UID`],
    [[2], `${D}USER app:1000`],
    [[], 'ARG USER_ID\nFROM a:1\nUSER ${USER_ID}'],
    [[], `${D}ONBUILD USER app`],
  ]);

  describeSpec('DL3067', [
    [[3], 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /'],
    [[], 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b /app /'],
    [[], 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /x'],
    [[], `${D}COPY / /`],
    [[3], 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b "/" "/"'],
    [[3], 'FROM scratch AS b\nFROM c:1\nCOPY --from=b / /'],
  ]);

  describeSpec('DL4000', [
    [[2], `${D}MAINTAINER me`],
    [[1], 'MAINTAINER me'],
    [[], `${D}LABEL maintainer=me`],
    [[], `${D}ONBUILD MAINTAINER me`],
  ]);

  describeSpec('DL4003', [
    [[3], `${D}CMD a\nCMD b`],
    [[], `${D}CMD a`],
    [[], 'FROM a:1\nCMD a\nFROM b:1\nCMD b'],
    [[3, 4], `${D}CMD a\nCMD b\nCMD c`],
    [[], `${D}CMD a\nONBUILD CMD b`],
    [[2], 'CMD a\nCMD b'],
  ]);

  describeSpec('DL4004', [
    [[3], `${D}ENTRYPOINT a\nENTRYPOINT b`],
    [[], `${D}ENTRYPOINT ["a"]`],
    [[], 'FROM a:1\nENTRYPOINT a\nFROM b:1\nENTRYPOINT b'],
    [[3, 4], `${D}ENTRYPOINT a\nENTRYPOINT b\nENTRYPOINT c`],
    [[], `${D}ENTRYPOINT a\nCMD b`],
  ]);

  describeSpec('DL1001', [
    [[2], `${D}# hadolint ignore=DL3008\nRUN apt-get install -y curl`, { severityOverrides: { DL1001: 'info' } }],
    [[], `${D}# hadolint global ignore=DL3008\nRUN apt-get install -y curl`, { severityOverrides: { DL1001: 'info' } }],
    [[], `${D}# hadolint ignore=DL3008\nRUN apt-get install -y curl`],
  ]);
});

describe('hadolint spec: label schema', () => {
  const version = schema({ version: 'text' });
  describeSpec('DL3049', [
    [[1], 'FROM a:1', version],
    [[], 'FROM a:1\nLABEL version=1', version],
    [[1], 'FROM a:1\nFROM b:1\nLABEL version=1', version],
    [[], 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b /x /x\nLABEL version=1', version],
    [[], 'FROM a:1 AS base\nLABEL version=1\nFROM base', version],
    [[], 'LABEL version=1', version],
    [[1, 2], 'FROM a:1\nFROM b:1', version],
    [[], 'FROM a:1'],
  ]);
  describeSpec('DL3050', [
    [[2], 'FROM a:1\nLABEL other=1 version=1', schema({ version: 'text' }, true)],
    [[], 'FROM a:1\nLABEL version=1', schema({ version: 'text' }, true)],
    [[], 'FROM a:1\nLABEL other=1 version=1', version],
  ]);
  describeSpec('DL3051', [
    [[2], 'FROM a:1\nLABEL version=""', version],
    [[], 'FROM a:1\nLABEL version=1', version],
    [[], 'FROM a:1\nLABEL other=""', version],
  ]);
  const url = schema({ url: 'url' });
  describeSpec('DL3052', [
    [[2], 'FROM a:1\nLABEL url=example.com', url],
    [[], 'FROM a:1\nLABEL url=https://example.com/x#y', url],
    [[], 'FROM a:1\nLABEL url=mailto:a@b.org', url],
  ]);
  const created = schema({ created: 'rfc3339' });
  describeSpec('DL3053', [
    [[], 'FROM a:1\nLABEL created=2024-01-02T03:04:05Z', created],
    [[], 'FROM a:1\nLABEL created=2024-01-02T03:04:05.123+01:00', created],
    [[2], 'FROM a:1\nLABEL created=2024-01-02', created],
    [[2], 'FROM a:1\nLABEL created=yesterday', created],
  ]);
  const license = schema({ license: 'spdx' });
  describeSpec('DL3054', [
    [[], 'FROM a:1\nLABEL license=MIT', license],
    [[], 'FROM a:1\nLABEL license=Apache-2.0', license],
    [[2], 'FROM a:1\nLABEL license="MIT OR Apache-2.0"', license],
    [[2], 'FROM a:1\nLABEL license=mit', license],
  ]);
  const rev = schema({ rev: 'hash' });
  describeSpec('DL3055', [
    [[], 'FROM a:1\nLABEL rev=abcdef1', rev],
    [[], `FROM a:1\nLABEL rev=${'a'.repeat(40)}`, rev],
    [[2], 'FROM a:1\nLABEL rev=abcdef12', rev],
    [[2], 'FROM a:1\nLABEL rev=ABCDEF1', rev],
  ]);
  const ver = schema({ ver: 'semver' });
  describeSpec('DL3056', [
    [[], 'FROM a:1\nLABEL ver=1.2.3', ver],
    [[], 'FROM a:1\nLABEL ver=1.2.3-rc.1+b5', ver],
    [[2], 'FROM a:1\nLABEL ver=v1.2.3', ver],
    [[2], 'FROM a:1\nLABEL ver=1.2', ver],
  ]);
  const mail = schema({ mail: 'email' });
  describeSpec('DL3058', [
    [[], 'FROM a:1\nLABEL mail=a@b.org', mail],
    [[2], 'FROM a:1\nLABEL mail="Name <a@b.org>"', mail],
    [[2], 'FROM a:1\nLABEL mail=nope', mail],
  ]);
});
