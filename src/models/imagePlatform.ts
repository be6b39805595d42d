// What the local engine knows of an image's platform and configuration, per `repo:tag`: the Dockerfile
// linter compares a FROM's expected platform with it (BuildKit's InvalidBaseImagePlatform).

export interface ImagePlatform {
  /** The `repo:tag` a FROM names. */
  readonly reference: string;
  readonly os: string;
  readonly architecture: string;
  /** `v7`, `v8`, …; absent when the image config has none. */
  readonly variant?: string;
  /** The image config's `Env` (`NAME=value`). */
  readonly env?: readonly string[];
  /** True when the image config sets a `Shell`. */
  readonly shell?: boolean;
}
