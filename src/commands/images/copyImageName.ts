import { copyCommand } from '../../manage/copyCommand';
import type { ManageServices } from '../../manage/runOnTargets';

/** Every repo:tag of the image; a dangling image has only its id. */
export const copyImageName = (services: ManageServices) => copyCommand(services, 'image', (i) => (i.repoTags.length > 0 ? i.repoTags.join('\n') : i.id));
