// Hover documentation for every Dockerfile instruction, in English and Simplified Chinese, with a short
// example each. Kept as data beside the hover code rather than in the l10n bundle: each entry is a whole
// Markdown page, and the two languages are easier to review side by side.

export interface InstructionDoc {
  en: string;
  zh: string;
  example: string;
}

export const instructionDocs: Record<string, InstructionDoc> = {
  ADD: {
    en: 'Copies files, directories or remote URLs into the image. Unlike `COPY`, it extracts local tar archives and can fetch URLs and Git repositories; prefer `COPY` for plain files.',
    zh: '将文件、目录或远程 URL 复制到镜像中。与 `COPY` 不同，它会解压本地 tar 归档，并能获取 URL 和 Git 仓库；复制普通文件时请优先使用 `COPY`。',
    example: 'ADD --chown=app:app vendor.tar.gz /opt/vendor/',
  },
  ARG: {
    en: 'Declares a build argument that users can set with `docker build --build-arg name=value`. An `ARG` before the first `FROM` can be used in `FROM` lines; inside a stage it is visible from its declaration on.',
    zh: '声明构建参数，可通过 `docker build --build-arg name=value` 设置。第一个 `FROM` 之前的 `ARG` 可用于 `FROM` 行；在构建阶段内，它从声明处开始可见。',
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine',
  },
  CMD: {
    en: 'Sets the default command (or default arguments for `ENTRYPOINT`) of a container. Only the last `CMD` counts. Prefer the JSON (exec) form so signals reach the process.',
    zh: '设置容器的默认命令（或 `ENTRYPOINT` 的默认参数）。只有最后一个 `CMD` 生效。建议使用 JSON（exec）形式，以便信号能到达进程。',
    example: 'CMD ["nginx", "-g", "daemon off;"]',
  },
  COPY: {
    en: 'Copies files and directories from the build context, or from another stage with `--from=<stage>`, into the image. Use `--chown`, `--chmod` and `--link` to control ownership, permissions and layer reuse.',
    zh: '将构建上下文中的文件和目录（或通过 `--from=<阶段>` 从其他阶段）复制到镜像中。可用 `--chown`、`--chmod` 和 `--link` 控制所有者、权限和层复用。',
    example: 'COPY --from=build /app/dist /usr/share/nginx/html',
  },
  ENTRYPOINT: {
    en: 'Configures the executable a container runs. Arguments from `CMD` or `docker run` are appended to it. Prefer the JSON (exec) form so the process runs as PID 1 and receives signals.',
    zh: '配置容器运行的可执行文件。`CMD` 或 `docker run` 提供的参数会追加在其后。建议使用 JSON（exec）形式，使进程作为 PID 1 运行并能接收信号。',
    example: 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
  },
  ENV: {
    en: 'Sets environment variables for the following instructions and for containers started from the image. Use the `key=value` form; several pairs fit on one line.',
    zh: '设置环境变量，对后续指令以及由该镜像启动的容器都有效。请使用 `key=value` 形式，一行可以写多个键值对。',
    example: 'ENV NODE_ENV=production PORT=8080',
  },
  EXPOSE: {
    en: 'Documents the ports the container listens on (`tcp` by default, or `/udp`). It does not publish them: use `docker run -p` for that.',
    zh: '声明容器监听的端口（默认 `tcp`，也可写 `/udp`）。它不会发布端口：发布端口请使用 `docker run -p`。',
    example: 'EXPOSE 80/tcp 53/udp',
  },
  FROM: {
    en: 'Starts a new build stage from a base image. Name the stage with `AS <name>` to copy from it later or to target it with `docker build --target`. `FROM scratch` starts from an empty image.',
    zh: '以一个基础镜像开始新的构建阶段。用 `AS <名称>` 为阶段命名，以便之后从中复制文件或通过 `docker build --target` 指定它。`FROM scratch` 表示从空镜像开始。',
    example: 'FROM golang:1.22 AS build',
  },
  HEALTHCHECK: {
    en: 'Tells Docker how to test that the container still works. Options: `--interval`, `--timeout`, `--start-period`, `--start-interval`, `--retries`. `HEALTHCHECK NONE` disables a check inherited from the base image.',
    zh: '告诉 Docker 如何检查容器是否仍在正常工作。选项：`--interval`、`--timeout`、`--start-period`、`--start-interval`、`--retries`。`HEALTHCHECK NONE` 会禁用从基础镜像继承的检查。',
    example: 'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost/ || exit 1',
  },
  LABEL: {
    en: 'Adds metadata to the image as `key=value` pairs, e.g. the OCI annotations `org.opencontainers.image.*`.',
    zh: '以 `key=value` 形式为镜像添加元数据，例如 OCI 注解 `org.opencontainers.image.*`。',
    example: 'LABEL org.opencontainers.image.source="https://example.com/repo"',
  },
  MAINTAINER: {
    en: 'Deprecated: sets the author field of the image. Use `LABEL org.opencontainers.image.authors=...` instead.',
    zh: '已弃用：设置镜像的作者字段。请改用 `LABEL org.opencontainers.image.authors=...`。',
    example: 'LABEL org.opencontainers.image.authors="dev@example.com"',
  },
  ONBUILD: {
    en: 'Registers an instruction to run later, when another Dockerfile uses this image as its base. `ONBUILD` cannot trigger `FROM`, `MAINTAINER` or another `ONBUILD`.',
    zh: '注册一条稍后执行的指令：当其他 Dockerfile 以此镜像为基础镜像时才运行。`ONBUILD` 不能触发 `FROM`、`MAINTAINER` 或另一个 `ONBUILD`。',
    example: 'ONBUILD COPY . /app/src',
  },
  RUN: {
    en: 'Runs a command in a new layer during the build. Supports heredocs (`RUN <<EOF`) and the `--mount` (cache, secret, ssh, bind), `--network` and `--security` flags. Chain related commands with `&&` to keep layers small.',
    zh: '在构建过程中于新的层中执行命令。支持 heredoc（`RUN <<EOF`）以及 `--mount`（cache、secret、ssh、bind）、`--network` 和 `--security` 选项。用 `&&` 串联相关命令可减小镜像层。',
    example: 'RUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y --no-install-recommends curl',
  },
  SHELL: {
    en: 'Changes the shell used by the shell form of `RUN`, `CMD` and `ENTRYPOINT`. Must be written in JSON form. Useful for `pipefail` or for PowerShell on Windows.',
    zh: '更改 `RUN`、`CMD` 和 `ENTRYPOINT` 的 shell 形式所使用的 shell。必须使用 JSON 形式。常用于启用 `pipefail`，或在 Windows 上使用 PowerShell。',
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  },
  STOPSIGNAL: {
    en: 'Sets the system call signal sent to the container to stop it, by name or number (default `SIGTERM`).',
    zh: '设置停止容器时发送给它的系统信号，可用名称或编号（默认 `SIGTERM`）。',
    example: 'STOPSIGNAL SIGQUIT',
  },
  USER: {
    en: 'Sets the user (and optionally group) for the following `RUN`, `CMD` and `ENTRYPOINT` instructions. Run as a non-root user whenever possible.',
    zh: '为后续的 `RUN`、`CMD` 和 `ENTRYPOINT` 指令设置用户（以及可选的用户组）。尽可能以非 root 用户运行。',
    example: 'USER 10001:10001',
  },
  VOLUME: {
    en: 'Declares mount points for externally mounted volumes. Changes made to these paths by later build steps are discarded.',
    zh: '声明用于挂载外部卷的挂载点。之后的构建步骤对这些路径所做的更改都会被丢弃。',
    example: 'VOLUME ["/var/lib/postgresql/data"]',
  },
  WORKDIR: {
    en: 'Sets the working directory for the following instructions, creating it if needed. Use absolute paths rather than `RUN cd ...`.',
    zh: '为后续指令设置工作目录，必要时会自动创建。请使用绝对路径，而不是 `RUN cd ...`。',
    example: 'WORKDIR /app',
  },
};

export function isChineseLocale(language: string | undefined): boolean {
  return language !== undefined && language.toLowerCase().startsWith('zh');
}

/** The hover Markdown for an instruction keyword, or undefined when the word is not an instruction. */
export function instructionHoverMarkdown(keyword: string, language: string | undefined): string | undefined {
  const doc = instructionDocs[keyword.toUpperCase()];
  if (!doc) return undefined;
  const chinese = isChineseLocale(language);
  const heading = chinese ? '示例' : 'Example';
  return `**${keyword.toUpperCase()}**\n\n${chinese ? doc.zh : doc.en}\n\n${heading}:\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\``;
}
