// What stops a sharded build for a reason the person running it can act on (a shard failed, two shards
// wrote the same path differently, a bad --shard/--of). scripts/build.ts prints these as their message
// alone, told apart with instanceof; anything else is a bug and keeps its stack. Problems with input files
// are ProblemErrors (src/lib/problems.ts).
export class ShardBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A shard's Astro build failed or could not start. */
export class ShardError extends ShardBuildError {
  /** The failed build's whole output, when there was one. */
  output = '';
}

/** Two shards wrote different bytes to one path, or a folder given to the merge is not a shard's output. */
export class MergeError extends ShardBuildError {}

/** A shard plan or its command-line options cannot be used. */
export class ShardPlanError extends ShardBuildError {}
