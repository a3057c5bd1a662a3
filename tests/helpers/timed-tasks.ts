// Tasks for the build limiter's tests (src/lib/shards/run-shard.ts): each records that it started and how
// many ran at once, and settles after `ms` (rejecting with "<name> failed" when told to fail).
export function timedTasks() {
  let running = 0;
  const seen = { started: [] as string[], most: 0 };
  const task = (name: string, ms: number, fail = false) => () => {
    seen.started.push(name);
    seen.most = Math.max(seen.most, ++running);
    return new Promise<string>((resolve, reject) => setTimeout(() => (running--, fail ? reject(new Error(`${name} failed`)) : resolve(name)), ms));
  };
  return { task, seen };
}
