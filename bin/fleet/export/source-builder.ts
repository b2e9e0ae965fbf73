/**
 * Collects what a generated module needs besides its body: imports and NOTE comments (what cannot be
 * reproduced, or needs the operator's eye before the first deploy).
 */
export class SourceBuilder {
  private readonly named = new Map<string, Set<string>>();
  private readonly namespaces = new Map<string, string>();
  private readonly noteList: string[] = [];
  private idCounts = new Map<string, number>();

  /** Imports `names` from `module` (`import { A, B } from 'module'`). */
  public use(module: string, ...names: string[]): void {
    const set = this.named.get(module) ?? new Set<string>();
    names.forEach((n) => set.add(n));
    this.named.set(module, set);
  }

  /** Imports `module` as a namespace (`import * as alias from 'module'`); returns the alias. */
  public useNamespace(module: string, alias: string): string {
    this.namespaces.set(module, alias);
    return alias;
  }

  /** Records a NOTE; the text is one sentence or a few, without a leading "NOTE". */
  public note(text: string): void {
    this.noteList.push(text);
  }

  public get notes(): readonly string[] {
    return this.noteList;
  }

  /** A construct ID not used before in this module: `Model`, `Model2`, ... */
  public id(base: string): string {
    const count = (this.idCounts.get(base) ?? 0) + 1;
    this.idCounts.set(base, count);
    return count === 1 ? base : `${base}${count}`;
  }

  /** The import lines: aws-cdk-lib first, then the other modules, alphabetically. */
  public importLines(): string[] {
    const order = (m: string) => (m === 'aws-cdk-lib' ? '0' : m.startsWith('aws-cdk-lib/') ? `1${m}` : `2${m}`);
    const modules = [...new Set([...this.named.keys(), ...this.namespaces.keys()])].sort((a, b) => order(a).localeCompare(order(b)));
    return modules.flatMap((m) => [
      ...(this.namespaces.has(m) ? [`import * as ${this.namespaces.get(m)} from '${m}';`] : []),
      ...(this.named.has(m) ? [`import { ${[...this.named.get(m)!].sort().join(', ')} } from '${m}';`] : []),
    ]);
  }
}
