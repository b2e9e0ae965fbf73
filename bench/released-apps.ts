import * as path from 'path';
import { Aws } from 'aws-cdk-lib';

/**
 * aws-cdk-lib keeps every app it ever built reachable from two process-wide tables: its token map (every token
 * registered, with whatever the token closes over) and `CfnReference`'s reference table (every resource that was
 * referenced, and through it the whole construct tree). A `cdk synth` builds one app per process and never notices.
 * The bench builds hundreds: without a release, its heap grows by 10 to 15 MB per app, garbage collection gets
 * costlier run after run, and its pauses land on whichever app happens to trigger them.
 *
 * `releasingApps(build)` runs `build` (which builds, synthesizes and drops an app) and then deletes the entries it
 * added to both tables, which Maps keep in insertion order. Every run then starts from the same heap, as a fresh
 * `cdk synth` process would. Tokens that outlive apps are registered before the snapshot: aws-cdk-lib loads its
 * pseudo parameters (`Aws.REGION`, ...) on first use, and deleting them would break every later app ("Unrecognized
 * token key", loudly). A table that is not where this version of aws-cdk-lib keeps it is left alone: the bench then
 * measures as it did before, with a growing heap.
 */
export function releasingApps<T>(build: () => T): T {
  const tables = globalTables();
  const sizes = tables.map((table) => table.size);
  const result = build();
  tables.forEach((table, i) => {
    let index = 0;
    for (const key of [...table.keys()]) if (index++ >= sizes[i]) table.delete(key);
  });
  return result;
}

/** Whether the tables were found (the bench says so in its header). */
export function releasesApps(): boolean {
  return globalTables().length === 3;
}

function globalTables(): Map<unknown, unknown>[] {
  // Loads aws-cdk-lib's pseudo parameters, which register their tokens once per process (see above).
  if (!Aws.ACCOUNT_ID) throw new Error('aws-cdk-lib without pseudo parameters');
  const tables: Map<unknown, unknown>[] = [];
  const tokenMap = (globalThis as { __cdkTokenMap?: { stringTokenMap?: unknown; numberTokenMap?: unknown } }).__cdkTokenMap;
  for (const table of [tokenMap?.stringTokenMap, tokenMap?.numberTokenMap]) if (table instanceof Map) tables.push(table);
  try {
    // Not exported by aws-cdk-lib: loaded by its file, which is the module instance aws-cdk-lib itself uses.
    const file = path.join(path.dirname(require.resolve('aws-cdk-lib')), 'core', 'lib', 'private', 'cfn-reference.js');
    const references = require(file).CfnReference?.referenceTable;
    if (references instanceof Map) tables.push(references);
  } catch {
    // Moved in another version of aws-cdk-lib: not released.
  }
  return tables;
}
