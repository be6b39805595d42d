// Which kinds of project a folder holds, from the files each build tool keeps at the root. Several can
// match (a Spring Boot service with a package.json for its front end): the list is in order of
// preference, the command asks when there is more than one.
import { detectDotnet, detectGo, detectJava } from './detectCompiled';
import { detectNode, detectPython } from './detectScripted';
import type { FolderListing } from './folderListing';
import type { DetectedProject } from './projectKinds';

export async function detectProjects(folder: FolderListing, folderName: string): Promise<DetectedProject[]> {
  const found = await Promise.all([detectJava(folder, folderName), detectGo(folder, folderName), detectDotnet(folder, folderName), detectNode(folder, folderName), detectPython(folder, folderName)]);
  return found.filter((p): p is DetectedProject => p !== undefined);
}
