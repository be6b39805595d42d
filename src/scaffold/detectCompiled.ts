// Java (Maven, Gradle, Spring Boot), Go and .NET, recognised by their build files. The files are searched
// for a few markers, not parsed: a marker search cannot be thrown off by a build file's dialect, and
// nothing here needs the whole model (a pom's profiles, a Gradle script's logic).
import { serviceName, type FolderListing } from './folderListing';
import type { DetectedProject } from './projectKinds';

const SPRING_BOOT = /org\.springframework\.boot/;

export async function detectJava(folder: FolderListing, folderName: string): Promise<DetectedProject | undefined> {
  const pom = await folder.read('pom.xml');
  const gradle = pom === undefined ? ((await folder.read('build.gradle')) ?? (await folder.read('build.gradle.kts'))) : undefined;
  if (pom === undefined && gradle === undefined) return undefined;
  const springBoot = SPRING_BOOT.test(pom ?? gradle ?? '');
  const name = pom !== undefined ? artifactId(pom) : await gradleProjectName(folder);
  return {
    kind: pom !== undefined ? 'maven' : 'gradle',
    name: serviceName(name, folderName),
    suggestedPort: springBoot ? ((await springPort(folder)) ?? 8080) : undefined,
    java: { springBoot },
  };
}

/** The project's own artifactId: the first one outside <parent> (Spring Boot projects name their parent first). */
function artifactId(pom: string): string | undefined {
  return /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(pom.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1];
}

async function gradleProjectName(folder: FolderListing): Promise<string | undefined> {
  const settings = (await folder.read('settings.gradle')) ?? (await folder.read('settings.gradle.kts')) ?? '';
  return /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings)?.[1];
}

/** server.port from application.properties or application.yml, when set to a number. */
async function springPort(folder: FolderListing): Promise<number | undefined> {
  const properties = await folder.read('src/main/resources/application.properties');
  const fromProperties = properties && /^\s*server\.port\s*[=:]\s*(\d+)\s*$/m.exec(properties)?.[1];
  if (fromProperties) return Number(fromProperties);
  const yaml = (await folder.read('src/main/resources/application.yml')) ?? (await folder.read('src/main/resources/application.yaml'));
  const fromYaml = yaml && /^server:\s*\n(?:[ \t]+.*\n)*?[ \t]+port:\s*(\d+)\s*$/m.exec(yaml)?.[1];
  return fromYaml ? Number(fromYaml) : undefined;
}

const GO_SERVER = /"net\/http"|github\.com\/(gin-gonic|labstack\/echo|gofiber|go-chi)/;

export async function detectGo(folder: FolderListing, folderName: string): Promise<DetectedProject | undefined> {
  const mod = await folder.read('go.mod');
  if (mod === undefined) return undefined;
  const modulePath = /^module\s+(\S+)/m.exec(mod)?.[1];
  let entry = '.';
  let main = await folder.read('main.go');
  if (main === undefined) {
    // The usual layout for a module with its commands under cmd/: build the first one.
    const command = (await folder.list('cmd')).find((name) => name.endsWith('/'));
    if (command) {
      entry = `./cmd/${command.slice(0, -1)}`;
      main = await folder.read(`cmd/${command}main.go`);
    }
  }
  return { kind: 'go', name: serviceName(modulePath, folderName), suggestedEntry: entry, suggestedPort: GO_SERVER.test(main ?? mod) ? 8080 : undefined };
}

export async function detectDotnet(folder: FolderListing, folderName: string): Promise<DetectedProject | undefined> {
  const projectFile = folder.entries.filter((name) => name.endsWith('.csproj')).sort()[0];
  if (!projectFile) return undefined;
  const text = (await folder.read(projectFile)) ?? '';
  const stem = projectFile.slice(0, -'.csproj'.length);
  const assembly = /<AssemblyName>\s*([^<\s]+)\s*<\/AssemblyName>/.exec(text)?.[1] ?? stem;
  const web = /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.Web"/.test(text);
  return { kind: 'dotnet', name: serviceName(stem, folderName), suggestedPort: web ? 8080 : undefined, dotnet: { projectFile, assembly, web } };
}
