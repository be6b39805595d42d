// The SPDX license identifiers DL3054 accepts (hadolint uses Cabal's list; spdx-license-ids is the same
// list as data, kept by the SPDX community).
import ids from 'spdx-license-ids/index.json';

export const SPDX_IDS: ReadonlySet<string> = new Set(ids);
