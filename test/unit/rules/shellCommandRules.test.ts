// Rules about what RUN does, including pipes, `sh -c`, subshells, quoting and continuations.
import { describeRules } from './ruleTestKit';

const D = 'FROM debian:12.5\n';

describeRules('shell command rules', [
  {
    id: 'DL3001',
    fire: [[`${D}RUN service nginx start`, 2], [`${D}RUN make && vim /etc/x`, 2]],
    quiet: [`${D}RUN echo "ps aux" && echo top`, `${D}RUN apt-get install -y --no-install-recommends procps=2`],
  },
  {
    id: 'DL3003',
    // Reported on the line of the command itself, inside the continued RUN.
    fire: [[`${D}RUN cd /app && make`, 2], [`${D}RUN set -e; \\\n    cd /srv; \\\n    ./configure`, 3]],
    quiet: [
      `${D}RUN (cd /app && make)`,
      `${D}RUN sh -c "cd /app && make"`,
      `${D}RUN cd /usr/src/app && make && cd / && rm -rf /usr/src/app`,
      `${D}RUN cd "$BUILD_DIR" && make`,
      `${D}WORKDIR /app\nRUN make`,
      `${D}RUN echo cd /app`,
    ],
  },
  {
    id: 'DL3004',
    fire: [[`${D}RUN sudo make install`, 2], [`${D}RUN true && sudo -u app make`, 2]],
    quiet: [`${D}RUN echo sudo`, `${D}RUN apt-get install -y --no-install-recommends sudo=1.9 && rm -rf /var/lib/apt/lists/*`],
  },
  {
    id: 'DL3046',
    fire: [[`${D}RUN useradd -u 123456 app`, 2]],
    quiet: [`${D}RUN useradd -l -u 123456 app`, `${D}RUN useradd -u 1000 app`, `${D}RUN useradd --no-log-init --uid 654321 app`],
  },
  {
    id: 'DL3047',
    fire: [[`${D}RUN wget https://example.com/x.tgz`, 2]],
    quiet: [
      `${D}RUN wget -q https://example.com/x.tgz`,
      `${D}RUN wget --progress=dot:giga https://example.com/x.tgz`,
      `${D}RUN wget -nv -O x.tgz https://example.com/x.tgz`,
      `${D}RUN wget -qO- https://example.com/x.tgz | tar xz`,
    ],
  },
  {
    id: 'DL4001',
    fire: [[`${D}RUN curl -fsSL https://a.example/x -o x\nRUN wget -q https://a.example/y`, 3]],
    quiet: [
      `${D}RUN curl -fsSL https://a.example/x -o x`,
      `FROM debian:12.5 AS a\nRUN curl -fsSL https://a.example/x -o x\nFROM debian:12.5\nRUN wget -q https://a.example/y`,
      `${D}RUN if command -v curl; then echo curl; fi && wget -q https://a.example/y`,
    ],
  },
  {
    id: 'DL4005',
    fire: [[`${D}RUN ln -sf /bin/bash /bin/sh`, 2]],
    quiet: [`${D}SHELL ["/bin/bash", "-c"]`, `${D}RUN ln -s /bin/bash /usr/local/bin/sh2`],
  },
  {
    id: 'DL4006',
    fire: [
      [`${D}RUN wget -qO- https://example.com/key | apt-key add -`, 2],
      [`${D}RUN set -e; \\\n    curl -fsSL https://x.example/y \\\n    | tar -xz`, 3],
      [`${D}SHELL ["/bin/bash", "-c"]\nRUN ls | wc -l`, 3],
      [`${D}RUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | sh\nEOF`, 4],
      [`FROM debian:12.5 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12.5\nRUN ls | wc -l`, 4],
    ],
    quiet: [
      `${D}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/key | apt-key add -`,
      `${D}RUN set -euxo pipefail; curl -fsSL https://x.example/y | tar -xz`,
      `${D}RUN echo "a | b" && grep -q x /etc/hosts || true`,
      `${D}RUN [[ -n "$X" || -n "$Y" ]] && echo ok`,
      `FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item`,
    ],
  },
  {
    id: 'DL3059',
    fire: [[`${D}RUN echo a\nRUN echo b`, 3]],
    quiet: [
      `${D}RUN echo a\nENV X=1\nRUN echo b`,
      `${D}RUN echo a\nRUN --mount=type=cache,target=/root/.cache echo b`,
    ],
  },
]);
