// Package-manager rules, written from their meaning, with the shell forms that fool line-based linters.
import { describeRules } from './ruleTestKit';

const D = 'FROM debian:12.5\n';
const A = 'FROM alpine:3.20\n';
const R = 'FROM fedora:40\n';
const CLEAN = ' && rm -rf /var/lib/apt/lists/*';

describeRules('apt rules', [
  {
    id: 'DL3008',
    fire: [
      [`${D}RUN apt-get update && apt-get install -y --no-install-recommends curl${CLEAN}`, 2],
      [`${D}RUN apt-get update \\\n  && apt-get install -y --no-install-recommends \\\n    ca-certificates=2023 \\\n    "curl"${CLEAN}`, 3],
      [`${D}RUN sh -c "apt-get install -y --no-install-recommends wget"`, 2],
      [`${D}RUN if true; then apt-get -y --no-install-recommends install git; fi`, 2],
      // A RUN here-document is the script itself: the problem is on the line of the command.
      [`${D}RUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\nrm -rf /var/lib/apt/lists/*\nEOF`, 5],
      [`${D}RUN bash -ec 'apt-get install -y --no-install-recommends jq'`, 2],
      // Docker joins continued lines before the shell sees them, even inside a word.
      [`${D}RUN apt-get ins\\\ntall -y --no-install-recommends tini`, 2],
    ],
    quiet: [
      `${D}RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10${CLEAN}`,
      `${D}RUN apt-get install -y --no-install-recommends "$PACKAGES"${CLEAN}`,
      `${D}RUN apt-get install -y --no-install-recommends ./local.deb foo/bookworm-backports${CLEAN}`,
      `${D}RUN echo "apt-get install curl" > /notes.txt`,
      `${D}RUN apt-get update`,
    ],
  },
  {
    id: 'DL3014',
    fire: [
      [`${D}RUN apt-get install --no-install-recommends curl=1${CLEAN}`, 2],
      [`${D}RUN true; apt-get install --no-install-recommends curl=1 | cat`, 2],
    ],
    quiet: [
      `${D}RUN apt-get install -y --no-install-recommends curl=1${CLEAN}`,
      `${D}RUN apt-get -qqy install --no-install-recommends curl=1${CLEAN}`,
      `${D}RUN apt-get --assume-yes install --no-install-recommends curl=1${CLEAN}`,
      `${D}RUN apt-get -qq install --no-install-recommends curl=1${CLEAN}`,
      `${D}RUN apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends curl=1${CLEAN}`,
      // Comment lines inside a continuation are dropped by Docker; a here-document body is data.
      `${D}RUN apt-get update \\\n# apt-get install curl\n    && true`,
      `${D}RUN cat <<EOF > /usr/local/bin/setup\napt-get install curl\nEOF`,
      `${D}RUN echo 'apt-get install curl' && printf "%s" "apt-get install curl"`,
    ],
  },
  {
    id: 'DL3015',
    fire: [[`${D}RUN apt-get install -y curl=1${CLEAN}`, 2]],
    quiet: [
      `${D}RUN apt-get install -y --no-install-recommends curl=1${CLEAN}`,
      `${D}RUN apt-get -o APT::Install-Recommends=false install -y curl=1${CLEAN}`,
      `${D}RUN apt-get remove -y curl`,
    ],
  },
  {
    id: 'DL3009',
    fire: [
      [`${D}RUN apt-get update && apt-get install -y --no-install-recommends curl=1`, 2],
      [`FROM debian:12.5 AS build\nRUN true\nFROM build\nRUN apt-get install -y --no-install-recommends curl=1`, 4],
    ],
    quiet: [
      `${D}RUN apt-get update && apt-get install -y --no-install-recommends curl=1 \\\n && rm -rf /var/lib/apt/lists/*`,
      `${D}RUN --mount=type=cache,target=/var/lib/apt apt-get install -y --no-install-recommends curl=1`,
      `FROM debian:12.5 AS build\nRUN apt-get install -y --no-install-recommends gcc=12\nFROM scratch\nCOPY --from=build /a /a`,
    ],
  },
  {
    id: 'DL3027',
    fire: [[`${D}RUN apt install -y curl`, 2], [`${D}RUN sudo apt update`, 2]],
    quiet: [`${D}RUN apt-get update`, `${D}RUN apt-cache policy curl`, `${D}RUN echo apt install`],
  },
]);

describeRules('apk rules', [
  {
    id: 'DL3018',
    fire: [[`${A}RUN apk add --no-cache curl`, 2], [`${A}RUN apk add --no-cache --virtual .deps gcc=13.2 make`, 2]],
    quiet: [
      `${A}RUN apk add --no-cache curl=8.9.1-r0`,
      `${A}RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0`,
      `${A}RUN apk add --no-cache "curl~8.9"`,
      `${A}RUN apk del curl`,
    ],
  },
  {
    id: 'DL3019',
    fire: [[`${A}RUN apk add curl=8.9.1-r0`, 2], [`${A}RUN apk update && apk add --virtual .x curl=8`, 2]],
    quiet: [
      `${A}RUN apk add --no-cache curl=8.9.1-r0`,
      `${A}RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0`,
      `${A}RUN apk info`,
    ],
  },
]);

describeRules('pip, npm, gem, go and yarn rules', [
  {
    id: 'DL3013',
    fire: [
      [`${D}RUN pip install --no-cache-dir requests`, 2],
      [`${D}RUN python3 -m pip install --no-cache-dir flask==3.0 requests`, 2],
    ],
    quiet: [
      `${D}RUN pip install --no-cache-dir requests==2.32.3`,
      `${D}RUN pip install --no-cache-dir -r requirements.txt`,
      `${D}RUN pip install --no-cache-dir .`,
      `${D}RUN pip install --no-cache-dir "flask>=3,<4"`,
      `${D}RUN pip3 install --no-cache-dir /wheels/app-1.0-py3-none-any.whl`,
    ],
  },
  {
    id: 'DL3042',
    fire: [[`${D}RUN pip install requests==2.32.3`, 2], [`${D}RUN pip3 install -r requirements.txt`, 2]],
    quiet: [
      `${D}RUN pip install --no-cache-dir requests==2.32.3`,
      `${D}ENV PIP_NO_CACHE_DIR=1\nRUN pip install requests==2.32.3`,
      `${D}RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3`,
      `${D}RUN PIP_NO_CACHE_DIR=1 pip install requests==2.32.3`,
      `${D}RUN pip download requests`,
    ],
  },
  {
    id: 'DL3016',
    fire: [[`${D}RUN npm install -g typescript`, 2], [`${D}RUN npm i @angular/cli`, 2]],
    quiet: [
      `${D}RUN npm install`,
      `${D}RUN npm ci`,
      `${D}RUN npm install -g typescript@5.4.5 @angular/cli@17.3.0`,
      `${D}RUN npm install ./local-package`,
      `${D}RUN npm install git+https://example.com/x.git`,
    ],
  },
  {
    id: 'DL3028',
    fire: [[`${D}RUN gem install bundler`, 2]],
    quiet: [`${D}RUN gem install bundler -v 2.5.6`, `${D}RUN gem install bundler:2.5.6`, `${D}RUN gem update --system`],
  },
  {
    id: 'DL3062',
    fire: [[`FROM golang:1.22\nRUN go install github.com/example/tool`, 2]],
    quiet: [
      `FROM golang:1.22\nRUN go install github.com/example/tool@v1.2.3`,
      `FROM golang:1.22\nRUN go install ./cmd/...`,
      `FROM golang:1.22\nRUN go build -o /app .`,
    ],
  },
  {
    id: 'DL3060',
    fire: [[`FROM node:20.11\nRUN yarn install --frozen-lockfile`, 2]],
    quiet: [
      `FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean`,
      `FROM node:20.11\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`,
      `FROM node:20.11\nRUN yarn build`,
    ],
  },
]);

describeRules('yum, dnf and zypper rules', [
  {
    id: 'DL3030',
    fire: [[`FROM centos:7\nRUN yum install httpd-2.4 && yum clean all`, 2]],
    quiet: [`FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all`, `FROM centos:7\nRUN yum --assumeyes install httpd-2.4 && yum clean all`],
  },
  {
    id: 'DL3032',
    fire: [[`FROM centos:7\nRUN yum install -y httpd-2.4`, 2]],
    quiet: [
      `FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all`,
      `FROM centos:7\nRUN yum install -y httpd-2.4 && rm -rf /var/cache/yum`,
    ],
  },
  {
    id: 'DL3033',
    fire: [[`FROM centos:7\nRUN yum install -y httpd && yum clean all`, 2]],
    quiet: [`FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all`, `FROM centos:7\nRUN yum install -y /tmp/x.rpm && yum clean all`],
  },
  {
    id: 'DL3038',
    fire: [[`${R}RUN dnf install httpd-2.4 && dnf clean all`, 2]],
    quiet: [`${R}RUN dnf install -y httpd-2.4 && dnf clean all`, `${R}RUN microdnf install httpd-2.4 && microdnf clean all`],
  },
  {
    id: 'DL3040',
    fire: [[`${R}RUN dnf install -y httpd-2.4`, 2]],
    quiet: [`${R}RUN dnf install -y httpd-2.4 && dnf clean all`, `${R}RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4`],
  },
  {
    id: 'DL3041',
    fire: [[`${R}RUN dnf install -y httpd && dnf clean all`, 2]],
    quiet: [`${R}RUN dnf install -y httpd-2.4.62 && dnf clean all`, `${R}RUN dnf install -y @development-tools && dnf clean all`],
  },
  {
    id: 'DL3034',
    fire: [[`FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4 && zypper clean`, 2]],
    quiet: [
      `FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4 && zypper clean`,
      `FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd=2.4 && zypper clean`,
      `FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4 && zypper cc`,
    ],
  },
  {
    id: 'DL3035',
    fire: [[`FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade`, 2], [`FROM opensuse/leap:15.6\nRUN zypper -n dup`, 2]],
    quiet: [`FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean`],
  },
  {
    id: 'DL3036',
    fire: [[`FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4`, 2]],
    quiet: [`FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4 && zypper clean -a`],
  },
  {
    id: 'DL3037',
    fire: [[`FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper clean`, 2]],
    quiet: [`FROM opensuse/leap:15.6\nRUN zypper -n install "httpd>=2.4" && zypper clean`],
  },
]);
