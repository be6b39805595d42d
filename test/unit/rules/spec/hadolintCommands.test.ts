// hadolint's rules on what RUN does (DL3001 DL3003 DL3004 DL3046 DL3047 DL3059 DL4001 DL4005 DL4006),
// written from ../shared/docs/lint-semantics/hadolint-rules.md: lines are 1-based and exact.
import { describeSpec } from '../ruleTestKit';

const D = 'FROM debian:12\n';

describe('hadolint spec: commands in RUN', () => {
  describeSpec('DL3001', [
    [[2], `${D}RUN ps aux`],
    [[2], `${D}RUN service nginx start`],
    [[2], `${D}RUN ssh host true`],
    [[2], `${D}RUN top -b -n1`],
    [[2], `${D}RUN kill 1`],
    [[2], `${D}RUN mount /x`],
    [[2], `${D}RUN shutdown now`],
    [[2], `${D}RUN free -m`],
    [[2], `${D}RUN vim --version`],
    [[], `${D}RUN ifconfig`],
    [[], `${D}RUN /usr/bin/vim x`],
    [[], `${D}RUN echo ps`],
    [[], `${D}RUN sudo service x start`],
    [[1], 'RUN vim x'],
    [[2], `${D}ONBUILD RUN ps`],
    [[2], `${D}RUN ["ps", "aux"]`],
    [[2], `${D}RUN ps && top`],
    [[2], `${D}RUN (cd /x && ps)`],
    [[], `${D}RUN ps aux "`],
    [[2], `${D}RUN command ps`],
    [[], `${D}RUN command -v ps`],
    [[2], `${D}RUN busybox top`],
    [[2], `${D}RUN apt-get update \\\n && service x start`],
  ]);

  describeSpec('DL3003', [
    [[2], `${D}RUN cd /app && make`],
    [[2], `${D}RUN (cd /app && make)`],
    [[1], 'RUN cd /x'],
    [[], `${D}ONBUILD RUN cd /app`],
    [[], `${D}WORKDIR /app\nRUN make`],
    [[2], `${D}RUN cd /usr/src/app && make && rm -rf /usr/src/app`],
    [[2], `${D}RUN make; cd -`],
    [[], `${D}RUN echo cd`],
    [[2, 3], `${D}RUN cd /a\nRUN cd /b`],
    [[2], `${D}RUN cd "$BUILD_DIR" && make`],
    [[2], `${D}RUN set -eux; \\\n  cd /tmp; \\\n  make`],
  ]);

  describeSpec('DL3004', [
    [[2], `${D}RUN sudo apt-get update`],
    [[], `${D}RUN echo sudo`],
    [[2], `${D}ONBUILD RUN sudo make install`],
    [[], `${D}RUN /usr/bin/sudo x`],
    [[2], `${D}RUN if true; then sudo x; fi`],
    [[1], 'RUN sudo x'],
    [[2], `${D}RUN ["sudo", "x"]`],
    [[], `${D}RUN gosu app true`],
  ]);

  describeSpec('DL3046', [
    [[2], `${D}RUN useradd -u 123456 app`],
    [[], `${D}RUN useradd -l -u 123456 app`],
    [[], `${D}RUN useradd --no-log-init -u 123456 app`],
    [[], `${D}RUN useradd -u 99999 app`],
    [[2], `${D}RUN useradd -u 100000 app`],
    [[], `${D}RUN useradd --uid 1234567 app`],
    [[2], `${D}RUN useradd -u $MYUID app`],
    [[], `${D}RUN useradd app`],
    [[2], `${D}RUN useradd -ru 1000000 app`],
    [[], `${D}RUN adduser -u 1234567 app`],
    [[2], `${D}ONBUILD RUN useradd -u 1234567 app`],
  ]);

  describeSpec('DL3047', [
    [[2], `${D}RUN wget https://x.example/y`],
    [[], `${D}RUN wget -q https://x.example/y`],
    [[], `${D}RUN wget --progress=dot:giga https://x.example/y`],
    [[], `${D}RUN wget -nv https://x.example/y`],
    [[], `${D}RUN wget --no-verbose https://x.example/y`],
    [[], `${D}RUN wget --quiet https://x.example/y`],
    [[2], `${D}RUN wget -O /tmp/x https://x.example/y`],
    [[], `${D}RUN wget -o log https://x.example/y`],
    [[], `${D}RUN wget -a log https://x.example/y`],
    [[], `${D}RUN wget -qO- https://x.example/y`],
    [[2], `${D}ONBUILD RUN wget https://x.example/y`],
    [[], `${D}RUN curl -fsSL https://x.example/y`],
    [[2], `${D}RUN wget a && wget b`],
  ]);

  describeSpec('DL4005', [
    [[2], `${D}RUN ln -sf /bin/bash /bin/sh`],
    [[], `${D}RUN ln -sf /bin/bash /usr/bin/sh`],
    [[2], `${D}RUN ln -s /bin/sh /x`],
    [[2], `${D}ONBUILD RUN ln -sf /bin/bash /bin/sh`],
    [[], `${D}RUN echo /bin/sh`],
    [[1], 'RUN ln -sf /bin/bash /bin/sh'],
  ]);

  describeSpec('DL4006', [
    [[2], `${D}RUN curl x | tar -xz`],
    [[], `${D}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | tar -xz`],
    [[3], `${D}SHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b`],
    [[3], `${D}SHELL ["/bin/bash", "-opipefail", "-c"]\nRUN a | b`],
    [[], `${D}SHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b`],
    [[], `${D}SHELL ["pwsh", "-c"]\nRUN a | b`],
    [[], `${D}SHELL ["powershell", "-command"]\nRUN a | b`],
    [[], `${D}SHELL ["cmd", "/S", "/C"]\nRUN a | b`],
    [[2], `${D}RUN ["sh", "-c", "a | b"]`],
    [[2], `${D}RUN set -o pipefail && a | b`],
    [[], `${D}RUN a || b`],
    [[4], 'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM b:1\nRUN a | b'],
    [[], `${D}ONBUILD RUN a | b`],
    [[1], 'RUN a | b'],
    [[2], `${D}RUN echo $(a | b)`],
    [[], `${D}SHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN a | b`],
    [[], `${D}SHELL ["/usr/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b`],
    [[4], `${D}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b`],
    [[2], `${D}RUN a \\\n  | b`],
    [[], `${D}RUN echo "a | b"`],
  ]);

  describeSpec('DL4001', [
    [[3], `${D}RUN curl x\nRUN wget y`],
    [[2], `${D}RUN curl x && wget y`],
    [[3, 4], `${D}RUN curl x\nRUN wget y\nRUN curl z`],
    [[3, 5], `${D}RUN wget a\nRUN curl b\nRUN echo c\nRUN wget d`],
    [[], 'FROM a:1\nRUN curl x\nFROM b:1\nRUN wget y'],
    [[], `${D}RUN curl x\nRUN echo wget`],
    [[3], `${D}ONBUILD RUN curl x\nONBUILD RUN wget y`],
    [[], `${D}RUN curl x\nONBUILD RUN wget y`],
    [[2], 'RUN curl x\nRUN wget y'],
    [[], `${D}RUN command -v curl || command -v wget`],
  ]);

  describeSpec('DL3059', [
    [[3], `${D}RUN a\nRUN b`],
    [[3, 4], `${D}RUN a\nRUN b\nRUN c`],
    [[], `${D}RUN a\nRUN b && c\nRUN d`],
    [[], `${D}RUN set -eux; a; b\nRUN c`],
    [[4], `${D}RUN a\n# comment\nRUN b`],
    [[], `${D}RUN a\nENV X=1\nRUN b`],
    [[], `${D}RUN --mount=type=cache,target=/x a\nRUN b`],
    [[3], `${D}RUN --mount=type=cache,target=/x a\nRUN --mount=type=cache,target=/x b`],
    [[], `${D}RUN a\nONBUILD RUN b\nRUN c`],
    [[3], `${D}RUN $CC x && make\nRUN b`],
    [[2], 'RUN a\nRUN b'],
    [[4], `${D}RUN a\n\nRUN b`],
    [[3], `${D}RUN a\nRUN b\nRUN c && d`],
    [[], 'FROM a:1\nRUN a\nFROM b:1\nRUN b'],
    [[], `${D}RUN a\n# syntax=docker/dockerfile:1\nRUN b`],
    [[], `${D}RUN --network=none a\nRUN b`],
  ]);
});
