// Java with Maven or Gradle: the build tool's image packages one jar (Spring Boot's executable jar with
// bootJar), the JRE image runs it as an unprivileged uid.
import { BaseImages } from '../baseImages';
import { APP_USER, bashTcpProbe, cacheMounts, dockerfileText, runAsWithPort, header } from '../dockerfileParts';
import type { DetectedProject, ScaffoldAnswers, ScaffoldOptions } from '../projectKinds';

function buildSteps(project: DetectedProject, options: ScaffoldOptions): string[] {
  if (project.kind === 'maven') {
    const m2 = cacheMounts(options, '/root/.m2');
    return [
      `FROM ${BaseImages.maven} AS build`,
      'WORKDIR /src',
      'COPY pom.xml ./',
      `RUN ${m2}mvn -B -q dependency:go-offline`,
      'COPY src ./src',
      `RUN ${m2}mvn -B -q package -DskipTests && cp target/*.jar /tmp/app.jar`,
    ];
  }
  // Spring Boot's plugin makes `build` write a second, plain jar; bootJar writes only the executable one.
  const task = project.java?.springBoot ? 'bootJar' : 'jar';
  return [
    `FROM ${BaseImages.gradle} AS build`,
    'WORKDIR /src',
    'COPY . .',
    `RUN ${cacheMounts(options, '/home/gradle/.gradle')}gradle ${task} --no-daemon -q && cp build/libs/*.jar /tmp/app.jar`,
  ];
}

export function javaDockerfile(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): string {
  return dockerfileText([
    ...header(project.name, options),
    '',
    ...buildSteps(project, options),
    '',
    `FROM ${BaseImages.javaRuntime}`,
    'WORKDIR /app',
    'COPY --from=build /tmp/app.jar ./app.jar',
    ...runAsWithPort(APP_USER, answers.port, bashTcpProbe),
    // The JVM sizes its heap from the container's memory limit, not the host's.
    'ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]',
  ]);
}
