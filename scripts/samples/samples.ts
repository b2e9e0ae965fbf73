/**
 * Every TypeScript sample the repository promises compiles: the README's examples (by section, see
 * readme-sections.ts) and the code the command-line tool generates (`sagemaker-fleet recommend` and `export`, for
 * the cases the tests assert on), plus canaries, samples with a deliberate mistake that the check must report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { README_CANARY, readmeSections, Section } from './readme-sections';
import { exportCanaries, exportSamples } from '../../test/fleet/export/export-samples';
import { typescriptCanary, typescriptSamples } from '../../test/fleet/recommend/typescript-samples';

export interface Sample {
  /** Path under the samples folder, e.g. `readme/README.md.3.ts`. */
  readonly file: string;
  readonly text: string;
  /** Where line `line`, column `column` (1-based) comes from, for messages: `README.md:120:5 (section "Quick start")`. */
  readonly where: (line: number, column: number) => string;
  /** README examples may leave values unused (`const g6Latency = ...`); generated code may not. */
  readonly unusedAllowed: boolean;
  /** For a canary: the diagnostics (formatted as `where TSnnnn message`) it must produce, one each, and no other. */
  readonly expected?: readonly RegExp[];
}

const ROOT = path.resolve(__dirname, '../..');

function sectionSample(section: Section, folder: string, expected?: RegExp[]): Sample {
  return {
    file: `${folder}/${section.markdown}.${section.index}.ts`,
    text: section.text,
    where: (line, column) => `${section.markdown}:${line}:${column} (section "${section.title}")`,
    unusedAllowed: true,
    expected,
  };
}

function generatedSample(file: string, text: string, expected?: RegExp[]): Sample {
  return { file, text, where: (line, column) => `${file}:${line}:${column}`, unusedAllowed: false, expected };
}


/** The samples that must compile cleanly. */
export function samples(): Sample[] {
  const readme = readmeSections(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), 'README.md');
  return [
    ...readme.map((section) => sectionSample(section, 'readme')),
    ...Object.entries(typescriptSamples()).map(([name, text]) => generatedSample(`recommend/${name}.ts`, text)),
    ...Object.entries(exportSamples()).map(([name, stack]) => generatedSample(`export/${name}.ts`, stack.source)),
  ];
}

/** The samples that must fail, each with exactly its expected diagnostics. */
export function canaries(): Sample[] {
  const recommend = typescriptCanary();
  return [
    ...readmeSections(README_CANARY, 'CANARY.md').map((section) =>
      sectionSample(section, 'canary', [/^CANARY\.md:12:\d+ \(section "Canary"\): TS\d+ .*'maxConcurency' does not exist/])),
    generatedSample('canary/recommend-endpoint.ts', recommend.source, [recommend.expected]),
    ...Object.entries(exportCanaries()).map(([name, c]) => generatedSample(`canary/export-${name}.ts`, c.source, [c.expected])),
  ];
}
