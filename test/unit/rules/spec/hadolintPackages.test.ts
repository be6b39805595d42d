// hadolint's package-manager rules, written from ../shared/docs/lint-semantics/hadolint-rules.md: apt-get,
// apk, pip, npm, gem, go, yum, dnf/microdnf, zypper. Lines are 1-based and exact (one finding per RUN).
import { describeSpec } from '../ruleTestKit';

const D = 'FROM debian:12\n';
const A = 'FROM alpine:3.20\n';
const C = 'FROM centos:7\n';
const F = 'FROM fedora:40\n';
const S = 'FROM opensuse/leap:15\n';
const P = 'FROM python:3.12\n';

describe('hadolint spec: apt and apk', () => {
  describeSpec('DL3008', [
    [[2], `${D}RUN apt-get install -y curl`],
    [[], `${D}RUN apt-get install -y curl=7.88.1-10`],
    [[], `${D}RUN apt-get install -y curl=7.88*`],
    [[], `${D}RUN apt-get install -y ./local.deb`],
    [[], `${D}RUN apt-get install -y foo/bookworm-backports`],
    [[], `${D}RUN apt-get install -y -t bookworm-backports foo=1`],
    [[2], `${D}RUN apt-get install -y -t bookworm-backports foo`],
    [[], `${D}RUN apt-get install -y --target-release bookworm foo=1`],
    [[2], `${D}RUN apt-get install -y --target-release bookworm foo`],
    [[], `${D}RUN apt-get -o Dpkg::Options::=--force-confnew install -y foo=1`],
    [[2], `${D}RUN apt-get install -- pkg=1`],
    [[2], `${D}RUN apt-get install -y $PKGS`],
    [[], `${D}RUN apt install curl`],
    [[2], `${D}RUN apt-get install -y a && apt-get install -y b`],
    [[2], `${D}RUN apt-get update \\\n && apt-get install -y curl`],
    [[], `${D}RUN sudo apt-get install curl`],
    [[], `${D}RUN /usr/bin/apt-get install curl`],
    [[1], 'RUN apt-get install curl'],
    [[2], `${D}ONBUILD RUN apt-get install -y curl`],
    [[], `${D}RUN apt-get update`],
    [[], `${D}RUN echo apt-get install curl`],
    [[2], `${D}RUN ["apt-get", "install", "-y", "curl"]`],
    [[], `${D}RUN sh -c "apt-get install -y curl"`],
    [[2], `${D}RUN <<EOF\napt-get update\napt-get install -y curl\nEOF`],
    [[2, 3], `${D}RUN apt-get install -y a\nRUN apt-get install -y b`],
  ]);

  describeSpec('DL3014', [
    [[2], `${D}RUN apt-get install curl=1`],
    [[], `${D}RUN apt-get install -y curl=1`],
    [[], `${D}RUN apt-get install --yes curl=1`],
    [[], `${D}RUN apt-get install --assume-yes curl=1`],
    [[], `${D}RUN apt-get install -qq curl=1`],
    [[], `${D}RUN apt-get -q -q install curl=1`],
    [[], `${D}RUN apt-get --quiet --quiet install curl=1`],
    [[], `${D}RUN apt-get install -q=2 curl=1`],
    [[2], `${D}RUN apt-get install -qqq curl=1`],
    [[2], `${D}RUN apt-get install --quiet=2 curl=1`],
    [[2], `${D}RUN apt-get install -q curl=1`],
    [[], `${D}RUN apt-get install -yq curl=1`],
    [[2], `${D}RUN apt-get -o APT::Get::Assume-Yes=true install curl=1`],
    [[], `${D}RUN apt-get update`],
    [[2], `${D}ONBUILD RUN apt-get install curl=1`],
    [[2], `${D}RUN apt-get install -y a=1 && apt-get install b=1`],
  ]);

  describeSpec('DL3015', [
    [[2], `${D}RUN apt-get install -y curl=1`],
    [[], `${D}RUN apt-get install -y --no-install-recommends curl=1`],
    [[], `${D}RUN apt-get install -y -o APT::Install-Recommends=false curl=1`],
    [[2], `${D}RUN apt-get install -y -o APT::Install-Recommends=0 curl=1`],
    [[], `${D}RUN apt install -y curl`],
    [[2], `${D}ONBUILD RUN apt-get install -y curl=1`],
    [[1], 'RUN apt-get install -y curl=1'],
  ]);

  describeSpec('DL3027', [
    [[2], `${D}RUN apt install -y curl`],
    [[2], `${D}RUN apt update`],
    [[], `${D}RUN apt-get install -y curl=1`],
    [[], `${D}RUN apt-cache policy curl`],
    [[2], `${D}ONBUILD RUN apt install x`],
    [[2], `${D}RUN apt`],
    [[], `${D}RUN /usr/bin/apt install x`],
  ]);

  describeSpec('DL3009', [
    [[2], `${D}RUN apt-get update && apt-get install -y curl=1`],
    [[], `${D}RUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*`],
    [[], `${D}RUN apt-get update && rm -rf /tmp/x`],
    [[2], `${D}RUN apt-get update && rm -fr /var/lib/apt/lists`],
    [[], `${D}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update`],
    [[], `${D}RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update`],
    [[], `${D}RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update`],
    [[2], `${D}RUN --mount=type=cache,target=/var/cache/apt apt-get update`],
    [[], 'FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12-slim\nCOPY --from=build /x /x'],
    [[2], 'FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN echo'],
    [[2, 4], 'FROM debian:12\nRUN apt-get update\nFROM debian:12\nRUN apt-get update'],
    [[1], 'RUN apt-get update'],
    [[2], `${D}ONBUILD RUN apt-get update`],
    [[], `${D}RUN apt-get install -y curl=1`],
    [[2], `${D}RUN apt update`],
    [[2], `${D}RUN aptitude update`],
    [[4], 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12-slim\nRUN apt-get update'],
  ]);

  describeSpec('DL3018', [
    [[2], `${A}RUN apk add curl`],
    [[], `${A}RUN apk add curl=8.5.0-r0`],
    [[], `${A}RUN apk add curl~8`],
    [[], `${A}RUN apk add 'curl>8'`],
    [[], `${A}RUN apk add ./x.apk`],
    [[], `${A}RUN apk add --virtual .build-deps gcc=1`],
    [[2], `${A}RUN apk add --virtual .build-deps gcc`],
    [[], `${A}RUN apk add -t .deps gcc=1`],
    [[], `${A}RUN apk add --repository http://x.example curl=1`],
    [[2], `${A}RUN apk add -X http://x.example curl`],
    [[2], `${A}RUN apk add a && apk add b`],
    [[], `${A}RUN apk del curl`],
    [[2], `${A}ONBUILD RUN apk add curl`],
    [[2], `${A}RUN apk --no-cache add curl`],
    [[2, 3], `${A}RUN apk add a\nRUN apk add b`],
  ]);

  describeSpec('DL3019', [
    [[2], `${A}RUN apk add curl=1`],
    [[], `${A}RUN apk add --no-cache curl=1`],
    [[], `${A}RUN --mount=type=cache,target=/var/cache/apk apk add curl=1`],
    [[], `${A}RUN --mount=type=tmpfs,target=/var/cache/apk apk add curl=1`],
    [[2], `${A}RUN apk update && apk add curl=1`],
    [[], `${A}RUN apk del x`],
    [[2], `${A}ONBUILD RUN apk add curl=1`],
    [[2], `${A}RUN --mount=type=bind,target=/var/cache/apk apk add curl=1`],
  ]);
});

describe('hadolint spec: pip, npm, gem, go', () => {
  describeSpec('DL3013', [
    [[2], `${P}RUN pip install flask`],
    [[], `${P}RUN pip install flask==3.0`],
    [[], `${P}RUN pip install 'flask>=3'`],
    [[], `${P}RUN pip install 'flask<4'`],
    [[], `${P}RUN pip install flask~=3.0`],
    [[], `${P}RUN pip install 'flask!=2'`],
    [[2], `${P}RUN pip install flask=3.0`],
    [[], `${P}RUN pip install -r requirements.txt`],
    [[], `${P}RUN pip install --requirement req.txt`],
    [[], `${P}RUN pip install .`],
    [[2], `${P}RUN pip install --requirement=req.txt flask`],
    [[], `${P}RUN pip install -c constraints.txt flask`],
    [[], `${P}RUN pip install -Uc c.txt flask`],
    [[], `${P}RUN pip install git+https://github.com/x/y@v1`],
    [[2], `${P}RUN pip install git+https://github.com/x/y`],
    [[], `${P}RUN pip install ./pkg.whl`],
    [[], `${P}RUN pip install x.tar.gz`],
    [[], `${P}RUN pip install /src/pkg`],
    [[2], `${P}RUN pip install gitdb`],
    [[], `${P}RUN pip install -i https://x.example flask==1`],
    [[2], `${P}RUN pip install --index-url https://x.example flask`],
    [[2], `${P}RUN python -m pip install flask`],
    [[2], `${P}RUN python3 -m pip install flask`],
    [[], `${P}RUN python -m pip install flask==1`],
    [[2], `${P}RUN pip3.11 install flask`],
    [[2], `${P}RUN pipx install black`],
    [[], `${P}RUN pipenv install flask`],
    [[], `${P}RUN pip install`],
    [[2], `${P}RUN pip install --upgrade pip`],
    [[2], `${P}RUN pip install --no-cache-dir --target /opt flask`],
    [[], `${P}RUN pip install --target /opt flask==1`],
    [[2], `${P}ONBUILD RUN pip install flask`],
    [[], `${P}RUN pip download flask`],
  ]);

  describeSpec('DL3042', [
    [[2], `${P}RUN pip install flask==1`],
    [[], `${P}RUN pip install --no-cache-dir flask==1`],
    [[], `${P}ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==1`],
    [[], `${P}ENV PIP_NO_CACHE_DIR=true\nRUN pip install flask==1`],
    [[], `${P}ENV PIP_NO_CACHE_DIR=on\nRUN pip install flask==1`],
    [[], `${P}ENV PIP_NO_CACHE_DIR=YES\nRUN pip install flask==1`],
    [[3], `${P}ENV PIP_NO_CACHE_DIR=0\nRUN pip install x==1`],
    [[3], `${P}ENV PIP_NO_CACHE_DIR=false\nRUN pip install x==1`],
    [[3], `${P}ENV PIP_NO_CACHE_DIR=y\nRUN pip install x==1`],
    [[], `${P}ENV PIP_NO_CACHE_DIR=1\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x==1`],
    [[], `${P}RUN PIP_NO_CACHE_DIR=1 pip install x==1`],
    [[2], `${P}RUN PIP_NO_CACHE_DIR="1" pip install x==1`],
    [[], `${P}RUN PIP_NO_CACHE_DIR=yesterday pip install x==1`],
    [[], `${P}RUN --mount=type=cache,target=/root/.cache/pip pip install x==1`],
    [[], `${P}RUN pipx install black`],
    [[], `${P}RUN pipenv install`],
    [[], `${P}RUN python -m pipx install black`],
    [[], 'FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install x==1'],
    [[4], 'FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3\nRUN pip install x==1'],
    [[], 'FROM python:3.11\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install x==1'],
    [[3], 'ENV PIP_NO_CACHE_DIR=1\nFROM python:3\nRUN pip install x==1'],
    [[2], `${P}RUN python -m pip install x==1`],
    [[2], `${P}ONBUILD RUN pip install x==1`],
    [[], `${P}RUN pip freeze`],
  ]);

  describeSpec('DL3016', [
    [[2], `${D}RUN npm install express`],
    [[], `${D}RUN npm install express@4`],
    [[], `${D}RUN npm install @acme/kit@2`],
    [[], `${D}RUN npm install ./local`],
    [[], `${D}RUN npm install x.tgz`],
    [[], `${D}RUN npm install git+https://x.example/y.git#v1`],
    [[2], `${D}RUN npm install -g pnpm`],
    [[2], `${D}RUN npm install @acme/kit`],
    [[2], `${D}RUN npm install git+https://x.example/y.git`],
    [[], `${D}RUN npm install`],
    [[], `${D}RUN npm ci`],
    [[], `${D}RUN npm i express`],
    [[], `${D}RUN npm --prefix /x install y`],
    [[], `${D}RUN npm install express@latest`],
    [[], `${D}RUN npm --registry https://r.example install x@1`],
    [[2], `${D}RUN npm --registry https://r.example install x`],
    [[2], `${D}ONBUILD RUN npm install x`],
    [[], `${D}RUN npm install ../lib`],
    [[], `${D}RUN npm install ~/lib`],
  ]);

  describeSpec('DL3028', [
    [[2], `${D}RUN gem install rails`],
    [[], `${D}RUN gem install rails:7.1`],
    [[], `${D}RUN gem install rails -v 7.1`],
    [[], `${D}RUN gem install rails --version 7`],
    [[], `${D}RUN gem install rails --version=7`],
    [[], `${D}RUN gem install --no-document rails`],
    [[2], `${D}RUN gem install rails --no-document`],
    [[2], `${D}RUN gem i rails`],
    [[], `${D}RUN gem update rails`],
    [[], `${D}RUN gem install bundler:2.5 -- --with-x`],
    [[2], `${D}ONBUILD RUN gem install rails`],
  ]);

  describeSpec('DL3062', [
    [[2], `${D}RUN go install golang.org/x/tools/gopls@latest`],
    [[], `${D}RUN go install golang.org/x/tools/gopls@v0.15.0`],
    [[], `${D}RUN go run ./cmd/x`],
    [[], `${D}RUN go build ./...`],
    [[], `${D}RUN go install .`],
    [[], `${D}RUN go install ./cmd/...`],
    [[2], `${D}RUN go run main.go`],
    [[2], `${D}RUN go get -u example.com/m`],
    [[], `${D}RUN go get example.com/m@v1.2.3`],
    [[2], `${D}RUN go install example.com/m@none`],
    [[2], `${D}RUN go get -tool example.com/m`],
    [[], `${D}RUN go get -tool example.com/m@v1.0.0`],
    [[], `${D}RUN go mod download`],
    [[2], `${D}ONBUILD RUN go install example.com/m`],
    [[], `${D}RUN go run example.com/cmd@v1.0.0`],
  ]);
});

describe('hadolint spec: yum, dnf, zypper', () => {
  describeSpec('DL3030', [
    [[2], `${C}RUN yum install httpd-2.4`],
    [[], `${C}RUN yum install -y httpd-2.4`],
    [[], `${C}RUN yum install --assumeyes httpd-2.4`],
    [[2], `${C}RUN yum groupinstall "Dev Tools"`],
    [[2], `${C}RUN yum localinstall x-1.rpm`],
    [[], `${C}RUN dnf install httpd-2.4`],
    [[], `${C}RUN yum update`],
    [[2], `${C}ONBUILD RUN yum install x-1`],
  ]);

  describeSpec('DL3032', [
    [[2], `${C}RUN yum install -y httpd-2.4`],
    [[], `${C}RUN yum install -y httpd-2.4 && yum clean all`],
    [[], `${C}RUN yum install -y x-1 && rm -rf /var/cache/yum/*`],
    [[], `${C}RUN yum install -y x-1 && rm -rf /tmp`],
    [[2], `${C}RUN yum clean all && yum install -y x-1 && yum clean all`],
    [[], `${C}RUN yum install -y x-1 && yum clean packages`],
    [[2], `${C}RUN --mount=type=cache,target=/var/cache/yum yum install -y x-1`],
    [[], `${C}RUN yum update -y`],
    [[2], `${C}ONBUILD RUN yum install -y x-1`],
  ]);

  describeSpec('DL3033', [
    [[2], `${C}RUN yum install -y httpd`],
    [[], `${C}RUN yum install -y httpd-2.4.57`],
    [[2], `${C}RUN yum install -y epel-release`],
    [[], `${C}RUN yum install -y python3-3.9.16-1.el9`],
    [[2], `${C}RUN yum install -y x.rpm`],
    [[], `${C}RUN yum install -y my-pkg.rpm`],
    [[], `${C}ARG V\nRUN yum install -y httpd-$V`],
    [[3], `${C}ENV V=1\nRUN yum install -y httpd-\${V:-1}`],
    [[], `${C}ENV V=1\nRUN yum install -y httpd-\${V}`],
    [[2], `${C}RUN yum install -y httpd-$X`],
    [[2], `${C}RUN yum module install nodejs`],
    [[], `${C}RUN yum module install nodejs:18`],
    [[], 'FROM centos:7 AS base\nENV V=1\nFROM base\nRUN yum install -y httpd-$V'],
    [[4], 'FROM centos:7\nENV V=1\nFROM centos:7\nRUN yum install -y httpd-$V'],
    [[2], `${C}ONBUILD RUN yum install -y httpd`],
  ]);

  describeSpec('DL3034', [
    [[2], `${S}RUN zypper install curl=1`],
    [[], `${S}RUN zypper install -n curl=1`],
    [[], `${S}RUN zypper --non-interactive install curl=1`],
    [[], `${S}RUN zypper install -y curl=1`],
    [[], `${S}RUN zypper install --no-confirm curl=1`],
    [[2], `${S}RUN zypper remove x`],
    [[2], `${S}RUN zypper rm x`],
    [[2], `${S}RUN zypper si x`],
    [[2], `${S}RUN zypper patch`],
    [[], `${S}RUN zypper refresh`],
    [[], `${S}RUN zypper -n in curl=1`],
  ]);

  describeSpec('DL3035', [
    [[2], `${S}RUN zypper dist-upgrade`],
    [[2], `${S}RUN zypper -n dup`],
    [[], `${S}RUN zypper -n update`],
    [[2], `${S}ONBUILD RUN zypper dup`],
  ]);

  describeSpec('DL3036', [
    [[2], `${S}RUN zypper -n install curl=1`],
    [[], `${S}RUN zypper -n install curl=1 && zypper clean`],
    [[], `${S}RUN zypper -n in curl=1 && zypper cc`],
    [[], `${S}RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=1`],
    [[2], `${S}RUN zypper clean && zypper -n in curl=1`],
    [[], `${S}RUN zypper -n remove curl`],
  ]);

  describeSpec('DL3037', [
    [[2], `${S}RUN zypper -n in curl`],
    [[], `${S}RUN zypper -n in curl=8`],
    [[], `${S}RUN zypper -n in 'curl>8'`],
    [[], `${S}RUN zypper -n in 'curl<9'`],
    [[], `${S}RUN zypper -n in ./x.rpm`],
    [[2], `${S}RUN zypper -n in a && zypper -n install b`],
    [[], `${S}RUN zypper -n remove curl`],
  ]);

  describeSpec('DL3038', [
    [[2], `${F}RUN dnf install httpd-2.4`],
    [[2], `${F}RUN microdnf install httpd-2.4`],
    [[], `${F}RUN tdnf install httpd-2.4`],
    [[], `${F}RUN dnf install -y httpd-2.4`],
    [[], `${F}RUN dnf install --assumeyes httpd-2.4`],
    [[2], `${F}RUN dnf groupinstall Dev`],
    [[], `${F}RUN dnf -y install x-1`],
    [[], `${F}RUN yum install x-1`],
    [[2], `${F}ONBUILD RUN dnf install x-1`],
  ]);

  describeSpec('DL3040', [
    [[2], `${F}RUN dnf install -y x-1`],
    [[], `${F}RUN dnf install -y x-1 && dnf clean all`],
    [[], `${F}RUN dnf install -y x-1 && rm -rf /var/cache/libdnf5*`],
    [[2], `${F}RUN dnf clean all && dnf install -y x-1`],
    [[], `${F}RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x-1`],
    [[], `${F}RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y x-1`],
    [[2], `${F}RUN --mount=type=cache,target=/var/cache/dnf dnf install -y x-1`],
    [[2], `${F}RUN microdnf install -y x-1`],
    [[], `${F}RUN microdnf install x-1 && microdnf clean all`],
    [[2], `${F}RUN dnf upgrade -y`],
    [[2], `${F}RUN dnf reinstall -y x-1`],
    [[2], `${F}RUN dnf install -y x-1 && microdnf clean all`],
    [[], `${F}RUN dnf up -y && dnf clean all`],
    [[], `${F}RUN tdnf install -y x-1`],
  ]);

  describeSpec('DL3041', [
    [[2], `${F}RUN dnf install -y httpd`],
    [[], `${F}RUN dnf install -y httpd-2.4.57`],
    [[2], `${F}RUN microdnf install -y httpd`],
    [[], `${F}RUN dnf group install -y Dev`],
    [[2], `${F}RUN dnf module install -y nodejs`],
    [[], `${F}RUN dnf module install -y nodejs:18`],
    [[], `${F}RUN tdnf install -y httpd`],
    [[], `${F}ARG VERSION\nRUN dnf install -y httpd-\${VERSION}`],
    [[2], `${F}RUN dnf install -y httpd-2.4 vim`],
  ]);
});
