// The three files for a detected project and the user's answers: the entry point of the templates.
import { composeText } from './composeFile';
import { dockerignoreText } from './dockerignore';
import { dotnetDockerfile } from './dockerfiles/dotnetDockerfile';
import { goDockerfile } from './dockerfiles/goDockerfile';
import { javaDockerfile } from './dockerfiles/javaDockerfile';
import { nodeDockerfile } from './dockerfiles/nodeDockerfile';
import { pythonDockerfile } from './dockerfiles/pythonDockerfile';
import type { DetectedProject, ProjectKind, ScaffoldAnswers, ScaffoldFile, ScaffoldOptions } from './projectKinds';

type Template = (project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions) => string;

const dockerfiles: Record<ProjectKind, Template> = {
  node: nodeDockerfile,
  python: pythonDockerfile,
  go: goDockerfile,
  maven: javaDockerfile,
  gradle: javaDockerfile,
  dotnet: dotnetDockerfile,
};

export function scaffoldFiles(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): ScaffoldFile[] {
  return [
    { name: 'Dockerfile', text: dockerfiles[project.kind](project, answers, options) },
    { name: '.dockerignore', text: dockerignoreText(project.kind) },
    { name: 'compose.yaml', text: composeText(project, answers) },
  ];
}

export { detectProjects } from './detectProject';
export { suggestedEntry } from './detectScripted';
export { entryQuestion } from './projectKinds';
export type { DetectedProject, ProjectKind, ScaffoldAnswers, ScaffoldFile } from './projectKinds';
export type { FolderListing } from './folderListing';
