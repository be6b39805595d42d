// .NET: restore with the NuGet cache, publish in Release, run the assembly on the ASP.NET (web) or plain
// runtime image as an unprivileged uid.
import { BaseImages } from '../baseImages';
import { APP_USER, bashTcpProbe, cacheMounts, dockerfileText, runAsWithPort, header, jsonArray } from '../dockerfileParts';
import type { DetectedProject, ScaffoldAnswers, ScaffoldOptions } from '../projectKinds';

export function dotnetDockerfile(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): string {
  const { projectFile, assembly, web } = project.dotnet ?? { projectFile: `${project.name}.csproj`, assembly: project.name, web: true };
  const nuget = cacheMounts(options, '/root/.nuget/packages');
  const port = answers.port;
  return dockerfileText([
    ...header(project.name, options),
    '',
    `FROM ${BaseImages.dotnetSdk} AS build`,
    'WORKDIR /src',
    `COPY ${projectFile} ./`,
    `RUN ${nuget}dotnet restore ${projectFile}`,
    'COPY . .',
    `RUN ${nuget}dotnet publish ${projectFile} -c Release -o /app/publish --no-restore`,
    '',
    `FROM ${web ? BaseImages.dotnetAspnet : BaseImages.dotnetRuntime}`,
    // ASP.NET Core listens where this says (8080 is the images' own default).
    ...(port === undefined || !web ? [] : [`ENV ASPNETCORE_HTTP_PORTS=${port}`]),
    'WORKDIR /app',
    'COPY --from=build /app/publish ./',
    ...runAsWithPort(APP_USER, port, bashTcpProbe),
    `ENTRYPOINT ${jsonArray(['dotnet', `${assembly}.dll`])}`,
  ]);
}
