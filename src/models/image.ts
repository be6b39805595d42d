export interface ImageSummary {
  readonly id: string;
  /** `repo:tag` references; empty for a dangling image. */
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** Milliseconds since the epoch. */
  readonly created: number;
  readonly size: number;
  /** How many containers use it; undefined when the engine did not count. */
  readonly containers?: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly dangling: boolean;
}
