// Rules about FROM, stages, COPY/ADD, USER, WORKDIR, CMD/ENTRYPOINT and the other instructions.
import { describeRules } from './ruleTestKit';

const D = 'FROM debian:12.5\n';

describeRules('FROM and stage rules', [
  {
    id: 'DL3006',
    fire: [[`FROM debian\nRUN true`, 1], [`FROM debian:12.5 AS a\nFROM ubuntu AS b`, 2]],
    quiet: [
      `FROM debian:12.5`, `FROM scratch`, `FROM debian@sha256:${'a'.repeat(64)}`,
      `FROM debian:12.5 AS build\nFROM build`, `ARG IMAGE=debian:12.5\nFROM $IMAGE`,
    ],
  },
  {
    id: 'DL3007',
    fire: [[`FROM debian:latest`, 1]],
    quiet: [`FROM debian:12.5`, `FROM debian:latest-slim`],
  },
  {
    id: 'DL3024',
    fire: [[`FROM debian:12.5 AS build\nFROM alpine:3.20 AS BUILD`, 2]],
    quiet: [`FROM debian:12.5 AS build\nFROM alpine:3.20 AS final`],
  },
  {
    id: 'DL3026',
    options: { trustedRegistries: ['registry.example.com'] },
    fire: [[`FROM debian:12.5`, 1], [`FROM quay.io/org/app:1.0`, 1]],
    quiet: [`FROM registry.example.com/base:1.0`, `FROM scratch`, `FROM registry.example.com/b:1 AS x\nFROM x`],
  },
  {
    id: 'DL3029',
    fire: [[`FROM --platform=linux/amd64 debian:12.5`, 1]],
    quiet: [`FROM --platform=$BUILDPLATFORM golang:1.22 AS build`, `FROM debian:12.5`],
  },
  {
    id: 'DL3061',
    fire: [[`LABEL a=b\nFROM debian:12.5`, 1]],
    quiet: [`# comment\nARG V=1\nFROM debian:12.5`, `FROM debian:12.5\nLABEL a=b`],
  },
  {
    id: 'DL3063',
    fire: [[`FROM debian:12.5 AS scratch`, 1], [`FROM debian:12.5 AS context`, 1]],
    quiet: [`FROM debian:12.5 AS builder`],
  },
  {
    id: 'DL3065',
    fire: [[`FROM --platform=$TARGETPLATFORM debian:12.5`, 1], [`FROM --platform=\${TARGETPLATFORM} debian:12.5`, 1]],
    quiet: [`FROM --platform=$BUILDPLATFORM debian:12.5`],
  },
  {
    id: 'StageNameCasing',
    fire: [[`FROM debian:12.5 AS Builder`, 1]],
    quiet: [`FROM debian:12.5 AS builder`],
  },
  {
    id: 'FromAsCasing',
    fire: [[`FROM debian:12.5 as builder`, 1], [`from debian:12.5 AS builder`, 1]],
    quiet: [`FROM debian:12.5 AS builder`, `from debian:12.5 as builder`],
  },
]);

describeRules('COPY and ADD rules', [
  {
    id: 'DL3020',
    fire: [[`${D}ADD app.py /app/`, 2], [`${D}ADD --chown=1:1 src/ /src/`, 2]],
    quiet: [
      `${D}ADD https://example.com/x.tar.gz /tmp/`,
      `${D}ADD rootfs.tar.xz /`,
      `${D}ADD --checksum=sha256:abc https://example.com/x /x`,
      `${D}ADD git@github.com:org/repo.git /src`,
      `${D}COPY app.py /app/`,
    ],
  },
  {
    id: 'DL3021',
    fire: [[`${D}COPY a.txt b.txt /dest`, 2], [`${D}COPY ["a", "b", "/dest"]`, 2]],
    quiet: [`${D}COPY a.txt b.txt /dest/`, `${D}COPY a.txt /dest`],
  },
  {
    id: 'DL3022',
    fire: [[`${D}COPY --from=build /a /a`, 2]],
    quiet: [
      `FROM debian:12.5 AS build\nFROM debian:12.5\nCOPY --from=build /a /a`,
      `${D}COPY --from=nginx:1.27 /etc/nginx /etc/nginx`,
      `FROM debian:12.5\nFROM debian:12.5\nCOPY --from=0 /a /a`,
    ],
  },
  {
    id: 'DL3023',
    fire: [[`FROM debian:12.5 AS app\nCOPY --from=app /a /b`, 2]],
    quiet: [`FROM debian:12.5 AS build\nFROM debian:12.5 AS app\nCOPY --from=build /a /b`],
  },
  {
    id: 'DL3045',
    fire: [[`${D}COPY app.py app/`, 2], [`${D}COPY . .`, 2]],
    quiet: [
      `${D}WORKDIR /srv\nCOPY . .`,
      `${D}COPY app.py /srv/app/`,
      `FROM debian:12.5 AS base\nWORKDIR /srv\nFROM base\nCOPY . .`,
      `${D}COPY app.py $APP_HOME/`,
    ],
  },
  {
    id: 'DL3067',
    fire: [[`FROM debian:12.5 AS build\nFROM debian:12.5\nCOPY --from=build / /`, 3]],
    quiet: [
      `FROM scratch AS bin\nCOPY app /app\nFROM debian:12.5\nCOPY --from=bin / /usr/local/bin/`,
      `FROM debian:12.5 AS build\nFROM debian:12.5\nCOPY --from=build /out /`,
    ],
  },
  {
    id: 'DL3010',
    fire: [[`${D}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz`, 2]],
    quiet: [`${D}COPY app.tar.gz /srv/downloads/`, `${D}ADD app.tar.gz /opt/`],
  },
]);

describeRules('instruction rules', [
  {
    id: 'DL3000',
    fire: [[`${D}WORKDIR app`, 2], [`${D}WORKDIR "src/app"`, 2]],
    quiet: [`${D}WORKDIR /app`, `${D}WORKDIR $HOME/app`, `${D}WORKDIR C:\\app`],
  },
  {
    id: 'DL3002',
    fire: [[`${D}USER app\nUSER root`, 3], [`${D}USER 0:0`, 2]],
    quiet: [`${D}USER root\nRUN make\nUSER app`, `FROM debian:12.5 AS b\nUSER root\nFROM debian:12.5\nUSER app`],
  },
  {
    id: 'DL3011',
    fire: [[`${D}EXPOSE 80 70000`, 2], [`${D}EXPOSE 65536/udp`, 2]],
    quiet: [`${D}EXPOSE 80 443/tcp 8000-8080`, `${D}EXPOSE $PORT`],
  },
  {
    id: 'DL3012',
    fire: [[`${D}HEALTHCHECK CMD true\nHEALTHCHECK CMD false`, 3]],
    quiet: [`${D}HEALTHCHECK CMD true`, `FROM debian:12.5 AS a\nHEALTHCHECK CMD true\nFROM debian:12.5\nHEALTHCHECK CMD true`],
  },
  {
    id: 'DL3025',
    fire: [[`${D}CMD node server.js`, 2], [`${D}ENTRYPOINT /entrypoint.sh`, 2]],
    quiet: [`${D}CMD ["node", "server.js"]`, `${D}ENTRYPOINT ["/entrypoint.sh"]`],
  },
  {
    id: 'DL3043',
    fire: [[`${D}ONBUILD FROM debian:12.5`, 2], [`${D}ONBUILD MAINTAINER me`, 2]],
    quiet: [`${D}ONBUILD RUN make`],
  },
  {
    id: 'DL3044',
    fire: [[`${D}ENV A=/opt B=$A/bin`, 2]],
    quiet: [`${D}ENV A=/opt\nENV B=$A/bin`, `${D}ENV PATH=/opt/bin:$PATH`],
  },
  {
    id: 'DL3048',
    fire: [[`${D}LABEL Maintainer=me`, 2], [`${D}LABEL com.docker.thing=x`, 2], [`${D}LABEL a..b=x`, 2]],
    quiet: [`${D}LABEL org.opencontainers.image.title="App" maintainer=me`],
  },
  {
    id: 'DL3066',
    fire: [[`${D}USER app`, 2]],
    quiet: [`${D}USER 1000:1000`, `${D}USER $APP_UID`],
  },
  {
    id: 'DL4000',
    fire: [[`${D}MAINTAINER Jane <jane@example.com>`, 2]],
    quiet: [`${D}LABEL maintainer="Jane <jane@example.com>"`],
  },
  {
    id: 'DL4003',
    fire: [[`${D}CMD ["a"]\nCMD ["b"]`, 3]],
    quiet: [`FROM debian:12.5 AS a\nCMD ["a"]\nFROM debian:12.5\nCMD ["b"]`],
  },
  {
    id: 'DL4004',
    fire: [[`${D}ENTRYPOINT ["a"]\nENTRYPOINT ["b"]`, 3]],
    quiet: [`${D}ENTRYPOINT ["a"]\nCMD ["b"]`],
  },
  {
    id: 'DL3064',
    fire: [[`${D}ARG DB_PASSWORD`, 2], [`${D}ENV GITHUB_TOKEN=abc`, 2], [`${D}ENV AWS_SECRET_ACCESS_KEY=x`, 2]],
    quiet: [`${D}ENV GPG_KEY=ABCDEF`, `${D}ARG TOKEN_FILE=/run/secrets/t`, `${D}ENV KEY_ID=1`, `${D}ENV PASSWORD_PATH=/x`],
  },
]);
