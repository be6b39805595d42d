// Go: a static binary built with the module and build caches, run from a slim Debian image that gets the
// build image's CA certificates (for outgoing TLS) and an unprivileged uid.
import { BaseImages } from '../baseImages';
import { APP_USER, bashTcpProbe, cacheMounts, dockerfileText, runAsWithPort, header } from '../dockerfileParts';
import type { DetectedProject, ScaffoldAnswers, ScaffoldOptions } from '../projectKinds';

export function goDockerfile(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): string {
  const caches = cacheMounts(options, '/go/pkg/mod', '/root/.cache/go-build');
  return dockerfileText([
    ...header(project.name, options),
    '',
    `FROM ${BaseImages.goBuild} AS build`,
    'WORKDIR /src',
    'COPY go.* ./',
    `RUN ${cacheMounts(options, '/go/pkg/mod')}go mod download`,
    'COPY . .',
    `RUN ${caches}CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ${answers.entry ?? '.'}`,
    '',
    `FROM ${BaseImages.goRuntime}`,
    'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
    'COPY --from=build /out/app /usr/local/bin/app',
    ...runAsWithPort(APP_USER, answers.port, bashTcpProbe),
    'ENTRYPOINT ["/usr/local/bin/app"]',
  ]);
}
