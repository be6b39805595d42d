// BuildKit's build checks (`docker build --check`) in BuildKit's order: parse phase, validation, stage
// setup (FROM), then dispatch of every stage (lint mode builds all stages).
import { LintContext } from '../context/lintContext';
import { BuildkitModel } from './buildkitModel';
import { BaseImageConfig, checkDispatch } from './dispatchChecks';
import { checkFromStages, LocalPlatform } from './fromChecks';
import { checkParsePhase } from './parseChecks';

/** What the local engine says about base images, by reference as written after expansion. */
export interface LocalImageFacts {
  platforms?: ReadonlyMap<string, LocalPlatform>;
  configs?: ReadonlyMap<string, BaseImageConfig>;
}

export function checkBuildkitRules(context: LintContext, images: LocalImageFacts = {}): void {
  const bk = new BuildkitModel(context);
  checkParsePhase(bk);
  checkFromStages(bk, images.platforms);
  checkDispatch(bk, images.configs);
}
